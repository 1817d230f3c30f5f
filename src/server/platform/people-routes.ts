// Administration of people under /api/users/…: roster import, password reset, roles and the
// units an officer supervises. Administrators only; every change is audited.
import type { Hono } from "hono";
import { z } from "zod";
import { unlockSignIn } from "../accounts/auth.ts";
import { assignOfficerUnit, setRole, unassignOfficerUnit } from "../accounts/roles.ts";
import { parseRoster } from "../accounts/roster.ts";
import { hashPassword, randomToken } from "../security/password.ts";
import type { PlatformDeps } from "./api.ts";
import { ApiError, json, type PlatformHelpers, publicUser } from "./api-helpers.ts";

const roleBody = z.strictObject({ role: z.string().min(1).max(20) });
const unitBody = z.strictObject({ unit: z.string().min(1).max(60) });

export function peopleRoutes(api: Hono, deps: PlatformDeps, helpers: PlatformHelpers): void {
  const { accounts } = deps;

  api.post("/users/import", async (c) => {
    const admin = await helpers.requireUser(c, ["admin"]);
    const text = await c.req.text();
    const units = new Set((await accounts.listUnits()).map((u) => u.code));
    const { entries, errors } = parseRoster(text, units);
    const existing = await Promise.all(
      entries.map((e) => accounts.userByNumber(e.personnelNumber)),
    );
    entries.forEach((e, i) => {
      if (existing[i])
        errors.push(`line ${e.line}: personnel number ${e.personnelNumber} already has an account`);
    });
    if (errors.length > 0)
      return c.json({ error: "invalid-roster", message: "Nothing was imported.", errors }, 400);
    const passwords = entries.map(() => randomToken(9));
    const hashes = await Promise.all(passwords.map((p) => hashPassword(p, accounts.passwordCost)));
    const created = await accounts.createUsers(
      entries.map((e, i) => ({
        ...e,
        unitCode: e.unit,
        passwordHash: hashes[i] ?? "",
        mustChangePassword: true,
      })),
      deps.clock(),
    );
    await accounts.audit(
      { actorId: admin.id, action: "users.imported", detail: `${created.length} people (api)` },
      deps.clock(),
    );
    return c.json({
      created: created.map((u, i) => ({
        personnelNumber: u.personnelNumber,
        fullName: u.fullName,
        temporaryPassword: passwords[i],
      })),
    });
  });

  api.post("/users/:number/reset-password", async (c) => {
    const admin = await helpers.requireUser(c, ["admin"]);
    const target = await accounts.userByNumber(c.req.param("number"));
    if (!target) throw new ApiError(404, "not-found", "No person has this personnel number.");
    const password = randomToken(9);
    const hash = await hashPassword(password, accounts.passwordCost);
    await accounts.setPassword(target.id, hash, true, deps.clock());
    await accounts.deleteSessionsOf(target.id);
    await accounts.audit(
      { actorId: admin.id, action: "password.reset", subject: target.personnelNumber },
      deps.clock(),
    );
    return c.json({ personnelNumber: target.personnelNumber, temporaryPassword: password });
  });

  // Lets a person in again whose number was locked by failed sign-ins (from their address or,
  // after very many, from everywhere), e.g. by someone trying to keep them out.
  api.post("/users/:number/unlock", async (c) => {
    const admin = await helpers.requireUser(c, ["admin"]);
    const target = await accounts.userByNumber(c.req.param("number"));
    if (!target) throw new ApiError(404, "not-found", "No person has this personnel number.");
    const unlocked = await unlockSignIn(
      accounts,
      target.personnelNumber,
      { actorId: admin.id, via: "api" },
      deps.clock(),
    );
    return c.json({ personnelNumber: target.personnelNumber, unlocked });
  });

  api.put("/users/:number/role", async (c) => {
    const admin = await helpers.requireUser(c, ["admin"]);
    const { role } = await json(c, roleBody);
    if (c.req.param("number") === admin.personnelNumber && role !== "admin")
      throw new ApiError(409, "own-role", "Administrators cannot take away their own role.");
    const { user, from, unitsRemoved } = await setRole(
      accounts,
      c.req.param("number"),
      role,
      { actorId: admin.id, via: "api" },
      deps.clock(),
    );
    return c.json({ user: publicUser(user), previousRole: from, unitsRemoved });
  });

  api.get("/users/:number/officer-units", async (c) => {
    await helpers.requireUser(c, ["admin"]);
    const target = await accounts.userByNumber(c.req.param("number"));
    if (!target) throw new ApiError(404, "not-found", "No person has this personnel number.");
    return c.json({ units: (await accounts.officerUnits(target.id)).sort() });
  });

  api.post("/users/:number/officer-units", async (c) => {
    const admin = await helpers.requireUser(c, ["admin"]);
    const { unit } = await json(c, unitBody);
    const { added } = await assignOfficerUnit(
      accounts,
      c.req.param("number"),
      unit,
      { actorId: admin.id, via: "api" },
      deps.clock(),
    );
    return c.json({ unit, added }, added ? 201 : 200);
  });

  api.delete("/users/:number/officer-units/:unit", async (c) => {
    const admin = await helpers.requireUser(c, ["admin"]);
    await unassignOfficerUnit(
      accounts,
      c.req.param("number"),
      c.req.param("unit"),
      { actorId: admin.id, via: "api" },
      deps.clock(),
    );
    return c.body(null, 204);
  });
}
