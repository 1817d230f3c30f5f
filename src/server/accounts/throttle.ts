// Per-account back-off of failed sign-ins, keyed by the personnel number as typed, whether or
// not an account has it: an unknown number is locked exactly like a known one, so probing
// cannot tell them apart. Every attempt claims its slot with one atomic statement BEFORE the
// password is checked, so parallel guesses cannot all pass the check: the fifth failure in a
// row sets the lock, and any attempt arriving while it holds is refused unchecked.
import type { Sql } from "../db/sql.ts";

export const FAILURES_BEFORE_LOCK = 5;
/** The first lock; each further failure doubles it, up to MAX_LOCK_MS. */
export const LOCK_MS = 15 * 60_000;
export const MAX_LOCK_MS = 24 * 60 * 60_000;
/** A number with no attempt for this long starts again from zero failures. */
export const FORGET_AFTER_MS = 24 * 60 * 60_000;

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

const CLAIM = `INSERT INTO sign_in_throttle (subject, failures, locked_until, updated_at)
  VALUES (?, 1, CAST(? AS BIGINT) + ${ladder("1")}, CAST(? AS BIGINT))
  ON CONFLICT (subject) DO UPDATE SET
    failures = sign_in_throttle.failures + 1,
    locked_until = CAST(? AS BIGINT) + ${ladder("sign_in_throttle.failures + 1")},
    updated_at = excluded.updated_at
  WHERE sign_in_throttle.locked_until IS NULL OR sign_in_throttle.locked_until <= CAST(? AS BIGINT)
  RETURNING failures, locked_until`;

export type Claim =
  /** The password may be checked; `lockedUntil` is set when this attempt's failure locks. */
  | { allowed: true; failures: number; lockedUntil: number | null }
  /** Locked: refuse without checking the password. */
  | { allowed: false; lockedUntil: number };

export class SignInThrottle {
  readonly sql: Sql;

  constructor(sql: Sql) {
    this.sql = sql;
  }

  /** Counts an attempt (as a failure until it succeeds); refuses while a lock holds. */
  async claim(subject: string, now: number): Promise<Claim> {
    const row = await this.sql.get<{
      failures: number | string;
      locked_until: number | string | null;
    }>(CLAIM, [subject, now, now, now, now]);
    if (row) {
      return {
        allowed: true,
        failures: Number(row.failures),
        lockedUntil: row.locked_until === null ? null : Number(row.locked_until),
      };
    }
    const held = await this.sql.get<{ locked_until: number | string | null }>(
      "SELECT locked_until FROM sign_in_throttle WHERE subject = ?",
      [subject],
    );
    return { allowed: false, lockedUntil: Number(held?.locked_until ?? now) };
  }

  /** A successful sign-in (or a new password) forgets the failures. */
  async clear(subject: string): Promise<void> {
    await this.sql.run("DELETE FROM sign_in_throttle WHERE subject = ?", [subject]);
  }

  /** Drops numbers with no lock in force and no attempt for FORGET_AFTER_MS. */
  async prune(now: number): Promise<number> {
    const { changes } = await this.sql.run(
      "DELETE FROM sign_in_throttle WHERE updated_at < CAST(? AS BIGINT) AND (locked_until IS NULL OR locked_until <= CAST(? AS BIGINT))",
      [now - FORGET_AFTER_MS, now],
    );
    return changes;
  }
}
