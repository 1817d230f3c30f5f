// Multi-row INSERTs: one statement (one round trip to PostgreSQL) for many rows.
import type { Sql, SqlValue } from "./sql.ts";

/** Rows per multi-row INSERT: well under both databases' limits on bound parameters. */
const ROWS_PER_INSERT = 200;

/** `INSERT … VALUES (…), (…), …` + `tail` (e.g. an ON CONFLICT clause), in chunks. */
export async function insertMany(
  tx: Sql,
  head: string,
  tail: string,
  rows: readonly (readonly SqlValue[])[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_INSERT);
    const tuple = `(${chunk[0]?.map(() => "?").join(", ")})`;
    await tx.run(`${head} VALUES ${chunk.map(() => tuple).join(", ")}${tail}`, chunk.flat());
  }
}
