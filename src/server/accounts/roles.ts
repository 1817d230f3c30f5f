// Changes of who may see what: a person's role and the units an officer supervises. Shared by
// the `adal` CLI and the admin API, validated here with messages a person can act on, and
// every change written to the audit log with who made it.
import { HttpError } from "../http-error.ts";
import { ROLES, type Role } from "./roster.ts";
import type { AccountStore, User } from "./store.ts";

export class RoleError extends HttpError {}

/** Who made a change: an administrator's account, or the CLI on the server (actor null). */
export interface ChangedBy {
  actorId: string | null;
  via: "api" | "cli";
}

async function person(accounts: AccountStore, number: string): Promise<User> {
  const user = await accounts.userByNumber(number);
  if (!user) throw new RoleError(404, "not-found", `No person has the personnel number ${number}.`);
  return user;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Sets the role; leaving the officer role also ends their unit assignments. */
export async function setRole(
  accounts: AccountStore,
  number: string,
  role: string,
  by: ChangedBy,
  now: Date,
): Promise<{ user: User; from: Role; unitsRemoved: string[] }> {
  if (!isRole(role))
    throw new RoleError(
      400,
      "invalid-role",
      `The role must be one of ${ROLES.join(", ")}, not "${role}".`,
    );
  const user = await person(accounts, number);
  const from = user.role;
  const unitsRemoved = role === "officer" ? [] : await accounts.officerUnits(user.id);
  await accounts.sql.transaction(async (tx) => {
    await tx.run("UPDATE users SET role = ?, updated_at = ? WHERE id = ?", [
      role,
      now.toISOString(),
      user.id,
    ]);
    if (unitsRemoved.length > 0)
      await tx.run("DELETE FROM officer_units WHERE user_id = ?", [user.id]);
  });
  await accounts.audit(
    {
      actorId: by.actorId,
      action: "role.changed",
      subject: user.personnelNumber,
      detail: `${from} → ${role}${unitsRemoved.length ? `; units removed: ${unitsRemoved.join(", ")}` : ""} (${by.via})`,
    },
    now,
  );
  return { user: { ...user, role }, from, unitsRemoved };
}

/** Lets an officer supervise a unit (and so its sub-units). */
export async function assignOfficerUnit(
  accounts: AccountStore,
  number: string,
  unit: string,
  by: ChangedBy,
  now: Date,
): Promise<{ added: boolean }> {
  const user = await person(accounts, number);
  if (user.role !== "officer")
    throw new RoleError(
      409,
      "not-officer",
      `${number} is ${user.role === "admin" ? "an administrator" : "a learner"}, not a training officer; set the role to officer first.`,
    );
  if (!(await accounts.unitExists(unit)))
    throw new RoleError(
      404,
      "unknown-unit",
      `Unit ${unit} does not exist (see the list of units).`,
    );
  const added = await accounts.addOfficerUnit(user.id, unit);
  if (added)
    await accounts.audit(
      {
        actorId: by.actorId,
        action: "officer-unit.assigned",
        subject: number,
        detail: `${unit} (${by.via})`,
      },
      now,
    );
  return { added };
}

export async function unassignOfficerUnit(
  accounts: AccountStore,
  number: string,
  unit: string,
  by: ChangedBy,
  now: Date,
): Promise<{ removed: boolean }> {
  const user = await person(accounts, number);
  const removed = await accounts.removeOfficerUnit(user.id, unit);
  if (!removed)
    throw new RoleError(404, "not-assigned", `${number} does not supervise unit ${unit}.`);
  await accounts.audit(
    {
      actorId: by.actorId,
      action: "officer-unit.removed",
      subject: number,
      detail: `${unit} (${by.via})`,
    },
    now,
  );
  return { removed };
}
