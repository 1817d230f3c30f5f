// Voiding (Data 2.3.2) as the statement store sees it: which statements void, and which ids a
// stored voiding statement already targets (a statement may arrive after the one voiding it).
import type { Sql } from "../db/sql.ts";
import type { Statement } from "../xapi/types.ts";
import { VOIDED_VERB } from "../xapi/validate.ts";

export const isVoiding = (s: Statement): boolean =>
  s.verb.id === VOIDED_VERB && (s.object as { objectType?: string }).objectType === "StatementRef";

/** Which of `ids` a stored voiding statement targets: index lookups (lrs_statements_voids). */
export async function voidedTargets(tx: Sql, ids: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await tx.all<{ voids: string }>(
      `SELECT voids FROM lrs_statements WHERE voids IN (${chunk.map(() => "?").join(", ")})`,
      chunk,
    );
    for (const r of rows) found.add(r.voids);
  }
  return found;
}
