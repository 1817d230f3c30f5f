// The canonical activity definitions (lrs_activities), written with the statements that carry
// them and read for the Activities resource and format=canonical.
import { insertMany } from "../db/insert-many.ts";
import { LOCK_SPACE, lockNames } from "../db/lock.ts";
import type { Sql } from "../db/sql.ts";
import { mergeDefinition } from "../xapi/definitions.ts";
import type { ActivityDefinition } from "../xapi/types.ts";

/** Ids per query: well under both databases' limits on bound parameters. */
const IDS_PER_QUERY = 500;

export async function readDefinitions(
  sql: Sql,
  ids: Iterable<string>,
): Promise<Map<string, ActivityDefinition>> {
  const all = [...new Set(ids)];
  const out = new Map<string, ActivityDefinition>();
  for (let i = 0; i < all.length; i += IDS_PER_QUERY) {
    const chunk = all.slice(i, i + IDS_PER_QUERY);
    const rows = await sql.all<{ id: string; definition: string }>(
      `SELECT id, definition FROM lrs_activities WHERE id IN (${chunk.map(() => "?").join(", ")})`,
      chunk,
    );
    for (const r of rows) out.set(r.id, JSON.parse(r.definition) as ActivityDefinition);
  }
  return out;
}

/**
 * Merges the definitions a batch carries into the stored ones and writes those that changed,
 * in one read and one multi-row upsert per few hundred activities. The activities are locked
 * first, so two batches defining the same activity at once cannot each drop the other's names.
 */
export async function mergeDefinitions(
  tx: Sql,
  seen: ReadonlyMap<string, ActivityDefinition>,
): Promise<void> {
  if (seen.size === 0) return;
  await lockNames(tx, LOCK_SPACE.activity, [...seen.keys()]);
  const stored = await readDefinitions(tx, seen.keys());
  const rows: [string, string][] = [];
  for (const [id, definition] of seen) {
    const before = stored.get(id);
    const merged = JSON.stringify(mergeDefinition(before, definition));
    if (before === undefined || merged !== JSON.stringify(before)) rows.push([id, merged]);
  }
  await insertMany(
    tx,
    "INSERT INTO lrs_activities (id, definition)",
    " ON CONFLICT (id) DO UPDATE SET definition = excluded.definition",
    rows,
  );
}
