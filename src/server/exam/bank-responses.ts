// The bank's own option ids of graded exam answers, for the reports' distractor analysis. The
// xAPI record carries each attempt's random option ids (meaningless across attempts, so that
// no id or position stands for a key); the grading transaction writes the same answers in bank
// ids to `exam_item_answers`, and the report projection reads them from here.
import type { Sql } from "../db/sql.ts";

export interface AnswerKey {
  registration: string;
  itemId: string;
}

export const answerKey = (k: AnswerKey) => `${k.registration}\u0000${k.itemId}`;

/** Bank responses (`a[,]c`, the xAPI response format) of the given attempts' items. */
export async function examBankResponses(
  tx: Sql,
  keys: readonly AnswerKey[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const attempts = [...new Set(keys.map((k) => k.registration))];
  for (let i = 0; i < attempts.length; i += 500) {
    const chunk = attempts.slice(i, i + 500);
    const rows = await tx.all<{ attempt_id: string; item_id: string; bank_response: string }>(
      `SELECT attempt_id, item_id, bank_response FROM exam_item_answers WHERE attempt_id IN (${chunk.map(() => "?").join(", ")})`,
      chunk,
    );
    for (const r of rows)
      found.set(
        answerKey({ registration: r.attempt_id, itemId: r.item_id }),
        r.bank_response.split(",").filter(Boolean).join("[,]"),
      );
  }
  return found;
}
