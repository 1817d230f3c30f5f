// Sign-in, sessions and password changes. Session tokens are random and only their SHA-256 is
// stored, so a leaked database cannot be replayed as sessions. Repeated failures lock the
// personnel number from that address for a growing while, and from everywhere after very many
// (see throttle.ts); every sign-in, failure and lock is audited, and the refusals under a lock
// once per lock. Nothing in the answers tells whether a personnel number has an account.
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
import { ACCOUNT_FAILURES, type Claim, SignInThrottle } from "./throttle.ts";

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

/** Where a sign-in comes from: its client address (the back-off is per number and address). */
export interface SignInFrom {
  address?: string;
  /**
   * The session token the browser still sent, if any: signing in ends that session, so a
   * shared PC never keeps the previous person's session alive behind the new one.
   */
  previousToken?: string | undefined;
}

/** Audits a refusal under a lock: only the first refusal of each lock writes a row. */
async function refused(
  store: AccountStore,
  claim: Extract<Claim, { allowed: false }>,
  entry: { actorId: string | null; action: string; subject: string; address: string },
  now: Date,
): Promise<never> {
  const until = new Date(claim.lockedUntil).toISOString();
  if (claim.audit)
    await store.audit(
      {
        actorId: entry.actorId,
        action: entry.action,
        subject: entry.subject,
        detail: `${claim.scope === "account" ? "number locked for everyone" : `from ${entry.address}`} until ${until}; later tries are not logged`,
      },
      now,
    );
  throw new AuthError(429, "locked", `Too many failed attempts; try again after ${until}.`);
}

/** A failure counted against the number from everywhere; audits the lock it may set. */
async function countFailure(
  store: AccountStore,
  throttle: SignInThrottle,
  subject: string,
  actorId: string | null,
  now: Date,
): Promise<void> {
  const locked = await throttle.failed(subject, now.getTime());
  if (locked !== null)
    await store.audit(
      {
        actorId,
        action: "sign-in.account-locked",
        subject,
        detail: `${ACCOUNT_FAILURES} failures within a day, from any address: locked for everyone until ${new Date(locked).toISOString()}`,
      },
      now,
    );
}

export async function signIn(
  store: AccountStore,
  personnelNumber: string,
  password: string,
  now: Date,
  from: SignInFrom = {},
): Promise<{ user: User; token: string }> {
  const subject = personnelNumber.trim().slice(0, 40);
  const address = from.address ?? "unknown";
  const throttle = new SignInThrottle(store.sql);
  const claim = await throttle.claim(subject, address, now.getTime());
  const user = await store.userByNumber(subject);
  if (!claim.allowed) {
    const actorId = user?.id ?? null;
    return refused(store, claim, { actorId, action: "sign-in.locked", subject, address }, now);
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
        detail: `${user ? "" : "unknown; "}from ${address}`,
      },
      now,
    );
    await countFailure(store, throttle, subject, user?.id ?? null, now);
    throw new AuthError(401, "invalid", "Personnel number or password is wrong.");
  }
  await throttle.clear(subject, address);
  // A hash made at an older, cheaper cost is replaced now that the password is at hand.
  if (needsRehash(user.passwordHash, store.passwordCost))
    await store.upgradePasswordHash(
      user.id,
      user.passwordHash,
      await hashPassword(password, store.passwordCost),
    );
  if (from.previousToken) await store.deleteSession(hashToken(from.previousToken));
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

/**
 * Lifts every sign-in lock of a personnel number and forgets its failures (an administrator,
 * through the API or `adal users unlock`); audited. True when something was locked or counted.
 */
export async function unlockSignIn(
  store: AccountStore,
  personnelNumber: string,
  by: { actorId: string | null; via: "api" | "cli" },
  now: Date,
): Promise<boolean> {
  const lifted = await new SignInThrottle(store.sql).unlock(personnelNumber);
  await store.audit(
    {
      actorId: by.actorId,
      action: "sign-in.unlocked",
      subject: personnelNumber,
      detail: `${lifted ? "failures and locks cleared" : "nothing was locked"} (${by.via})`,
    },
    now,
  );
  return lifted;
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
  from: SignInFrom = {},
): Promise<void> {
  // A wrong current password is a failed sign-in: a session left open must not let anyone
  // try passwords until one fits, then change it.
  const subject = user.personnelNumber;
  const address = from.address ?? "unknown";
  const throttle = new SignInThrottle(store.sql);
  const claim = await throttle.claim(subject, address, now.getTime());
  if (!claim.allowed)
    return refused(
      store,
      claim,
      { actorId: user.id, action: "password.locked", subject, address },
      now,
    );
  if (!(await verifyPassword(current, user.passwordHash))) {
    await store.audit(
      {
        actorId: user.id,
        action: claim.lockedUntil ? "password.lockout" : "password.failed",
        subject,
        detail: `wrong current password from ${address}`,
      },
      now,
    );
    await countFailure(store, throttle, subject, user.id, now);
    throw new AuthError(403, "wrong-password", "The current password is wrong.");
  }
  await throttle.clear(subject, address);
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
