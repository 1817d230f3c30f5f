// Transaction-scoped locks on names (a document's place, a statement id). SQLite needs none:
// every write transaction there is BEGIN IMMEDIATE, so writers already run one at a time.
// PostgreSQL runs READ COMMITTED transactions side by side, so a read-check-write (an ETag
// check, "does a statement void this id?") must first take a lock that every writer of the
// same name takes too; it is released at COMMIT or ROLLBACK.
import type { Sql } from "./sql.ts";

/** Separate name spaces, so that a document key never shares a lock with a statement id. */
export const LOCK_SPACE = { document: 1, statement: 2, activity: 3 } as const;

/**
 * Locks `names` until the transaction ends (PostgreSQL advisory locks; a no-op on SQLite).
 * Locks are taken in one order (by hash) so that two transactions locking overlapping sets
 * cannot deadlock; a transaction locking in several spaces takes them in LOCK_SPACE order.
 * Different names may share a hash: that only makes them wait for each other.
 */
export async function lockNames(
  tx: Sql,
  space: (typeof LOCK_SPACE)[keyof typeof LOCK_SPACE],
  names: readonly string[],
): Promise<void> {
  if (tx.dialect !== "postgres" || names.length === 0) return;
  const unique = [...new Set(names)];
  await tx.run(
    `SELECT pg_advisory_xact_lock(${space}, s.h) FROM (SELECT DISTINCT hashtext(t.name) AS h FROM (VALUES ${unique.map(() => "(?::text)").join(", ")}) AS t(name) ORDER BY h) AS s`,
    unique,
  );
}
