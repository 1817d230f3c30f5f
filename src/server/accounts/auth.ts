// Sign-in, sessions and password changes. Session tokens are random and only their SHA-256 is
// stored, so a leaked database cannot be replayed as sessions. Repeated failures lock the
// personnel number for a growing while (see throttle.ts), and every sign-in, failure and lock
// is audited. Nothing in the answers tells whether a personnel number has an account.
import { createHash } from "node:crypto";
import { HttpError } from "../http-error.ts";
import {
  hashPassword,
  needsRehash,
  randomToken,
  type ScryptCost,
  verifyPassword,
} from "../security/password.ts";
import type { AccountStore, User } from "./store.ts";
import { SignInThrottle } from "./throttle.ts";

export { FAILURES_BEFORE_LOCK, LOCK_MS } from "./throttle.ts";

export const SESSION_TTL_MS = 12 * 60 * 60_000;
export const MIN_PASSWORD_LENGTH = 10;

export class AuthError extends HttpError {}

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

// Verified against when the personnel number is unknown, so timing does not reveal who exists:
// at the cost people's hashes have, made once per cost when first needed.
const decoys = new Map<string, Promise<string>>();
function decoy(cost: ScryptCost): Promise<string> {
  const key = `${cost.N}/${cost.r}/${cost.p}`;
  let hash = decoys.get(key);
  if (!hash) {
    hash = hashPassword("decoy-password-never-used", cost);
    decoys.set(key, hash);
  }
  return hash;
}

export async function signIn(
  store: AccountStore,
  personnelNumber: string,
  password: string,
  now: Date,
): Promise<{ user: User; token: string }> {
  const subject = personnelNumber.trim().slice(0, 40);
  const throttle = new SignInThrottle(store.sql);
  const claim = await throttle.claim(subject, now.getTime());
  const user = await store.userByNumber(subject);
  if (!claim.allowed) {
    await store.audit({ actorId: user?.id ?? null, action: "sign-in.locked", subject }, now);
    throw new AuthError(
      429,
      "locked",
      `Too many failed attempts; try again after ${new Date(claim.lockedUntil).toISOString()}.`,
    );
  }
  const ok = user
    ? await verifyPassword(password, user.passwordHash)
    : await verifyPassword(password, await decoy(store.passwordCost)).then(() => false);
  if (!user || !ok) {
    await store.audit(
      {
        actorId: user?.id ?? null,
        action: claim.lockedUntil ? "sign-in.lockout" : "sign-in.failed",
        subject,
        ...(user ? {} : { detail: "unknown" }),
      },
      now,
    );
    throw new AuthError(401, "invalid", "Personnel number or password is wrong.");
  }
  await throttle.clear(subject);
  // A hash made at an older, cheaper cost is replaced now that the password is at hand.
  if (needsRehash(user.passwordHash, store.passwordCost))
    await store.upgradePasswordHash(
      user.id,
      user.passwordHash,
      await hashPassword(password, store.passwordCost),
    );
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

/**
 * Changes the password and ends the person's other sessions (a stolen session dies with the
 * old password); the session the change was made in, `keepToken`, stays signed in.
 */
export async function changePassword(
  store: AccountStore,
  user: User,
  current: string,
  next: string,
  now: Date,
  keepToken?: string,
): Promise<void> {
  if (!(await verifyPassword(current, user.passwordHash))) {
    throw new AuthError(403, "wrong-password", "The current password is wrong.");
  }
  const problem = passwordProblem(next, user);
  if (problem) throw new AuthError(400, "weak-password", problem);
  if (current === next)
    throw new AuthError(400, "same-password", "The new password must differ from the current one.");
  await store.setPassword(user.id, await hashPassword(next, store.passwordCost), false, now);
  let ended: number | null = null;
  if (keepToken) ended = await store.deleteOtherSessions(user.id, hashToken(keepToken));
  else await store.deleteSessionsOf(user.id);
  await store.audit(
    {
      actorId: user.id,
      action: "password.changed",
      subject: user.personnelNumber,
      ...(ended ? { detail: `${ended} other session(s) ended` } : {}),
    },
    now,
  );
}

/**
 * While a temporary password is unchanged the server allows nothing but /api/me, the password
 * change and signing out; this is the refusal, in both interface languages.
 */
export const PASSWORD_CHANGE_REQUIRED = {
  code: "password-change-required",
  messages: {
    kk: "Жүйені пайдалану үшін алдымен уақытша құпиясөзді жаңасына ауыстырыңыз.",
    ru: "Чтобы пользоваться системой, сначала смените временный пароль на новый.",
  },
} as const;
