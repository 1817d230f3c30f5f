// Sign-in, sessions and password changes. Session tokens are random and only their SHA-256 is
// stored, so a leaked database cannot be replayed as sessions. Repeated failures lock the
// account for a while (back-off), and every sign-in, failure and lock is audited.
import { createHash } from "node:crypto";
import { HttpError } from "../http-error.ts";
import { hashPassword, randomToken, verifyPassword } from "../security/password.ts";
import type { AccountStore, User } from "./store.ts";

export const SESSION_TTL_MS = 12 * 60 * 60_000;
export const FAILURES_BEFORE_LOCK = 5;
export const LOCK_MS = 15 * 60_000;
export const MIN_PASSWORD_LENGTH = 10;

export class AuthError extends HttpError {}

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

// Verified against when the personnel number is unknown, so timing does not reveal who exists.
const decoy = hashPassword("decoy-password-never-used");

export async function signIn(
  store: AccountStore,
  personnelNumber: string,
  password: string,
  now: Date,
): Promise<{ user: User; token: string }> {
  const user = await store.userByNumber(personnelNumber.trim());
  if (!user) {
    await verifyPassword(password, await decoy);
    await store.audit(
      {
        actorId: null,
        action: "sign-in.failed",
        subject: personnelNumber.slice(0, 40),
        detail: "unknown",
      },
      now,
    );
    throw new AuthError(401, "invalid", "Personnel number or password is wrong.");
  }
  if (user.lockedUntil && user.lockedUntil > now.toISOString()) {
    await store.audit(
      { actorId: user.id, action: "sign-in.locked", subject: user.personnelNumber },
      now,
    );
    throw new AuthError(
      429,
      "locked",
      `Too many failed attempts; try again after ${user.lockedUntil}.`,
    );
  }
  if (!(await verifyPassword(password, user.passwordHash))) {
    const failures = user.failedLogins + 1;
    const lock =
      failures % FAILURES_BEFORE_LOCK === 0
        ? new Date(now.getTime() + LOCK_MS).toISOString()
        : null;
    await store.recordFailedLogin(user.id, lock);
    await store.audit(
      {
        actorId: user.id,
        action: lock ? "sign-in.lockout" : "sign-in.failed",
        subject: user.personnelNumber,
      },
      now,
    );
    throw new AuthError(401, "invalid", "Personnel number or password is wrong.");
  }
  await store.clearFailedLogins(user.id);
  const token = randomToken(32);
  await store.createSession(
    hashToken(token),
    user.id,
    now,
    new Date(now.getTime() + SESSION_TTL_MS),
  );
  await store.audit({ actorId: user.id, action: "sign-in", subject: user.personnelNumber }, now);
  return { user, token };
}

export async function sessionUser(
  store: AccountStore,
  token: string | undefined,
  now: Date,
): Promise<User | null> {
  if (!token || token.length > 100) return null;
  return store.sessionUser(hashToken(token), now);
}

export async function signOut(
  store: AccountStore,
  token: string,
  user: User,
  now: Date,
): Promise<void> {
  await store.deleteSession(hashToken(token));
  await store.audit({ actorId: user.id, action: "sign-out", subject: user.personnelNumber }, now);
}

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(
  password: string,
  user: Pick<User, "personnelNumber">,
): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `The password must have at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > 200) return "The password is too long (at most 200 characters).";
  if (password.toLowerCase().includes(user.personnelNumber.toLowerCase()))
    return "The password must not contain the personnel number.";
  if (new Set(password).size < 5) return "The password is too simple.";
  return null;
}

export async function changePassword(
  store: AccountStore,
  user: User,
  current: string,
  next: string,
  now: Date,
): Promise<void> {
  if (!(await verifyPassword(current, user.passwordHash))) {
    throw new AuthError(403, "wrong-password", "The current password is wrong.");
  }
  const problem = passwordProblem(next, user);
  if (problem) throw new AuthError(400, "weak-password", problem);
  if (current === next)
    throw new AuthError(400, "same-password", "The new password must differ from the current one.");
  await store.setPassword(user.id, await hashPassword(next), false, now);
  await store.audit(
    { actorId: user.id, action: "password.changed", subject: user.personnelNumber },
    now,
  );
}
