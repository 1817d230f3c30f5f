// Numbered migrations per component (`platform`, `exam`, …) in one shared table, so each part
// of the server owns its tables and their history in the same database.
import type { Sql } from "./sql.ts";

export interface Migration {
  version: number;
  /** DDL, the same on both databases, or chosen per dialect (auto-increment keys, blobs). */
  statements: string[] | ((dialect: Sql["dialect"]) => string[]);
  /** Work SQL alone cannot do (e.g. computing a hash), run after `statements`, in their transaction. */
  run?: (tx: Sql) => Promise<void>;
}

export async function migrate(
  sql: Sql,
  component: string,
  migrations: readonly Migration[],
): Promise<number> {
  await sql.run(
    "CREATE TABLE IF NOT EXISTS component_migrations (component TEXT NOT NULL, version INTEGER NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY (component, version))",
  );
  const rows = await sql.all<{ version: number }>(
    "SELECT version FROM component_migrations WHERE component = ?",
    [component],
  );
  const applied = new Set(rows.map((r) => Number(r.version)));
  let count = 0;
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    await sql.transaction(async (tx) => {
      const statements =
        typeof migration.statements === "function"
          ? migration.statements(sql.dialect)
          : migration.statements;
      for (const statement of statements) await tx.run(statement);
      if (migration.run) await migration.run(tx);
      await tx.run(
        "INSERT INTO component_migrations (component, version, applied_at) VALUES (?, ?, ?)",
        [component, migration.version, new Date().toISOString()],
      );
    });
    count++;
  }
  return count;
}
