// Answers per person, kind (practice or exam item) and section: how many, how many wrong, and
// the same for first tries. The unit comparison over all time adds these up (about one row per
// person and section) instead of reading every answer (1.3 million at 10,000 learners: 550 ms
// on SQLite, over the 500 ms target). Kept in step by the projection's three writers: ingest
// adds to them, voiding counts its people again (attempt numbers may move), a rebuild starts
// from nothing. A comparison within a date range still reads the answers (answer-level time).

import { insertMany } from "../db/insert-many.ts";
import type { Sql } from "../db/sql.ts";
import { type Attempted, chunked, marks } from "./derived.ts";

/** The rows that count: graded answers to practice and exam items of a known section. */
const COUNTED =
  "kind IN ('quiz-item', 'exam-item') AND verb = 'answered' AND success IS NOT NULL AND section IS NOT NULL";

const COLUMNS = "personnel_number, kind, section, answers, wrong, first_answers, first_wrong";

/** The totals of the answers in `learning_events` that match `where` (with `params`). */
const fromEvents = (where: string) =>
  `INSERT INTO report_answer_totals (${COLUMNS})
   SELECT personnel_number, kind, section, COUNT(*), SUM(1 - success),
          SUM(CASE WHEN attempt = 1 THEN 1 ELSE 0 END),
          SUM(CASE WHEN attempt = 1 THEN 1 - success ELSE 0 END)
   FROM learning_events WHERE ${COUNTED}${where}
   GROUP BY personnel_number, kind, section`;

/** Every person's totals, from the answers (the migration that adds the table). */
export const ANSWER_TOTALS_FROM_ALL_EVENTS = fromEvents("");

/** Adds newly projected rows to their people's totals. */
export async function addAnswerTotals(tx: Sql, rows: readonly Attempted[]): Promise<void> {
  const sums = new Map<string, [string, string, number, number, number, number, number]>();
  for (const r of rows) {
    if (r.verb !== "answered" || (r.kind !== "quiz-item" && r.kind !== "exam-item")) continue;
    if (r.success === null || r.section === null) continue;
    const key = `${r.personnelNumber}\u0000${r.kind}\u0000${r.section}`;
    const sum = sums.get(key) ?? [r.personnelNumber, r.kind, r.section, 0, 0, 0, 0];
    const wrong = 1 - r.success;
    sum[3] += 1;
    sum[4] += wrong;
    if (r.attempt === 1) {
      sum[5] += 1;
      sum[6] += wrong;
    }
    sums.set(key, sum);
  }
  await insertMany(
    tx,
    `INSERT INTO report_answer_totals (${COLUMNS})`,
    ` ON CONFLICT (personnel_number, kind, section) DO UPDATE SET
       answers = report_answer_totals.answers + excluded.answers,
       wrong = report_answer_totals.wrong + excluded.wrong,
       first_answers = report_answer_totals.first_answers + excluded.first_answers,
       first_wrong = report_answer_totals.first_wrong + excluded.first_wrong`,
    [...sums.values()],
  );
}

/** Counts these people's totals again from their answers (after voiding moved or removed some). */
export async function recountAnswerTotals(tx: Sql, people: readonly string[]): Promise<void> {
  await chunked([...new Set(people)], async (chunk) => {
    await tx.run(
      `DELETE FROM report_answer_totals WHERE personnel_number IN (${marks(chunk.length)})`,
      chunk,
    );
    await tx.run(fromEvents(` AND personnel_number IN (${marks(chunk.length)})`), chunk);
    return [];
  });
}
