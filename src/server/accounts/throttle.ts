// Back-off of failed sign-ins (and wrong current passwords), in two layers:
// - per personnel number AND client address: the fifth failure in a row locks that pair for
//   LOCK_MS, each further one twice as long (at most a day). Another address is not locked,
//   so nobody can keep someone else out with a few wrong passwords of their own.
// - per personnel number over all addresses: ACCOUNT_FAILURES failures within ACCOUNT_WINDOW_MS
//   lock the number for everyone for ACCOUNT_LOCK_MS (a spray from many addresses), far more
//   than one person mistyping ever reaches. An administrator lifts it (`adal users unlock`).
// Keyed by the number as typed, whether or not an account has it: an unknown number is
// locked exactly like a known one, so probing cannot tell them apart. Every attempt claims its
// slot with one atomic statement BEFORE the password is checked, so parallel guesses cannot
// all pass: the fifth failure sets the lock, and attempts arriving while it holds are refused
// unchecked. A refusal tells its caller to audit it only once per lock.
import type { Sql } from "../db/sql.ts";

export const FAILURES_BEFORE_LOCK = 5;
/** The first lock of a number and address; each further failure doubles it, up to MAX_LOCK_MS. */
export const LOCK_MS = 15 * 60_000;
export const MAX_LOCK_MS = 24 * 60 * 60_000;
/** A number with no attempt for this long starts again from zero failures. */
export const FORGET_AFTER_MS = 24 * 60 * 60_000;
/** Failures of one number from all addresses within the window that lock it for everyone. */
export const ACCOUNT_FAILURES = 50;
export const ACCOUNT_WINDOW_MS = 24 * 60 * 60_000;
export const ACCOUNT_LOCK_MS = 24 * 60 * 60_000;

/** Lock length after `failures` failures in a row (0 below the threshold). */
export function lockMs(failures: number): number {
  if (failures < FAILURES_BEFORE_LOCK) return 0;
  return Math.min(MAX_LOCK_MS, LOCK_MS * 2 ** (failures - FAILURES_BEFORE_LOCK));
}

// The ladder of lock lengths as SQL, so the count and the lock are one atomic update.
function ladder(failures: string): string {
  const steps: string[] = [];
  for (let n = FAILURES_BEFORE_LOCK; ; n++) {
    const ms = lockMs(n);
    steps.push(`WHEN ${failures} >= ${n} THEN ${ms}`);
    if (ms >= MAX_LOCK_MS) break;
  }
  return `CASE ${steps.reverse().join(" ")} ELSE NULL END`;
}

const CLAIM = `INSERT INTO sign_in_throttle (subject, address, failures, locked_until, updated_at)
  VALUES (?, ?, 1, CAST(? AS BIGINT) + ${ladder("1")}, CAST(? AS BIGINT))
  ON CONFLICT (subject, address) DO UPDATE SET
    failures = sign_in_throttle.failures + 1,
    locked_until = CAST(? AS BIGINT) + ${ladder("sign_in_throttle.failures + 1")},
    updated_at = excluded.updated_at
  WHERE sign_in_throttle.locked_until IS NULL OR sign_in_throttle.locked_until <= CAST(? AS BIGINT)
  RETURNING failures, locked_until`;

const COUNT = `INSERT INTO sign_in_accounts (subject, failures, window_start, updated_at)
  VALUES (?, 1, CAST(? AS BIGINT), CAST(? AS BIGINT))
  ON CONFLICT (subject) DO UPDATE SET
    failures = CASE WHEN sign_in_accounts.window_start <= CAST(? AS BIGINT) THEN 1
      ELSE sign_in_accounts.failures + 1 END,
    window_start = CASE WHEN sign_in_accounts.window_start <= CAST(? AS BIGINT)
      THEN CAST(? AS BIGINT) ELSE sign_in_accounts.window_start END,
    updated_at = excluded.updated_at
  RETURNING failures`;

type Time = number | string | null;

export type Claim =
  /** The password may be checked; `lockedUntil` is set when this attempt's failure locks. */
  | { allowed: true; failures: number; lockedUntil: number | null }
  /**
   * Locked: refuse without checking the password. `scope` says which lock holds; `audit` is
   * true for the first refusal of this lock only, so refusals cannot flood the audit log.
   */
  | { allowed: false; lockedUntil: number; scope: "address" | "account"; audit: boolean };

export class SignInThrottle {
  readonly sql: Sql;

  constructor(sql: Sql) {
    this.sql = sql;
  }

  /** Counts an attempt (as a failure until it succeeds); refuses while a lock holds. */
  async claim(subject: string, address: string, now: number): Promise<Claim> {
    const account = await this.sql.get<{ locked_until: Time }>(
      "SELECT locked_until FROM sign_in_accounts WHERE subject = ? AND locked_until > CAST(? AS BIGINT)",
      [subject, now],
    );
    if (account) {
      const until = Number(account.locked_until);
      const audit = await this.firstRefusal("sign_in_accounts", "subject = ?", [subject], until);
      return { allowed: false, lockedUntil: until, scope: "account", audit };
    }
    const row = await this.sql.get<{ failures: number | string; locked_until: Time }>(CLAIM, [
      subject,
      address,
      now,
      now,
      now,
      now,
    ]);
    if (row) {
      return {
        allowed: true,
        failures: Number(row.failures),
        lockedUntil: row.locked_until === null ? null : Number(row.locked_until),
      };
    }
    const held = await this.sql.get<{ locked_until: Time }>(
      "SELECT locked_until FROM sign_in_throttle WHERE subject = ? AND address = ?",
      [subject, address],
    );
    const until = Number(held?.locked_until ?? now);
    const where = "subject = ? AND address = ?";
    const audit = await this.firstRefusal("sign_in_throttle", where, [subject, address], until);
    return { allowed: false, lockedUntil: until, scope: "address", audit };
  }

  /** Marks a lock's refusals as audited; true for exactly one caller per lock. */
  private async firstRefusal(
    table: string,
    where: string,
    key: string[],
    until: number,
  ): Promise<boolean> {
    const { changes } = await this.sql.run(
      `UPDATE ${table} SET refusal_audited = CAST(? AS BIGINT) WHERE ${where} AND (refusal_audited IS NULL OR refusal_audited <> CAST(? AS BIGINT))`,
      [until, ...key, until],
    );
    return changes === 1;
  }

  /**
   * Counts a failure against the number from any address; returns the time until which the
   * number is now locked for everyone when this failure was the one that locked it, else null.
   */
  async failed(subject: string, now: number): Promise<number | null> {
    const start = now - ACCOUNT_WINDOW_MS;
    const row = await this.sql.get<{ failures: number | string }>(COUNT, [
      subject,
      now,
      now,
      start,
      start,
      now,
    ]);
    if (Number(row?.failures) < ACCOUNT_FAILURES) return null;
    // Of failures racing past the limit, only the one that finds the count there sets the lock.
    const until = now + ACCOUNT_LOCK_MS;
    const { changes } = await this.sql.run(
      `UPDATE sign_in_accounts SET locked_until = CAST(? AS BIGINT), failures = 0,
        window_start = CAST(? AS BIGINT), refusal_audited = NULL
       WHERE subject = ? AND failures >= ?`,
      [until, now, subject, ACCOUNT_FAILURES],
    );
    return changes === 1 ? until : null;
  }

  /** A successful sign-in forgets the failures from its address (not those from elsewhere). */
  async clear(subject: string, address: string): Promise<void> {
    await this.sql.run("DELETE FROM sign_in_throttle WHERE subject = ? AND address = ?", [
      subject,
      address,
    ]);
  }

  /** Lifts every lock of a number and forgets its failures (an administrator's unlock). */
  async unlock(subject: string): Promise<boolean> {
    const pairs = await this.sql.run("DELETE FROM sign_in_throttle WHERE subject = ?", [subject]);
    const account = await this.sql.run("DELETE FROM sign_in_accounts WHERE subject = ?", [subject]);
    return pairs.changes + account.changes > 0;
  }

  /** Drops entries with no lock in force and no attempt for FORGET_AFTER_MS. */
  async prune(now: number): Promise<number> {
    let dropped = 0;
    for (const table of ["sign_in_throttle", "sign_in_accounts"]) {
      const { changes } = await this.sql.run(
        `DELETE FROM ${table} WHERE updated_at < CAST(? AS BIGINT) AND (locked_until IS NULL OR locked_until <= CAST(? AS BIGINT))`,
        [now - FORGET_AFTER_MS, now],
      );
      dropped += changes;
    }
    return dropped;
  }
}
