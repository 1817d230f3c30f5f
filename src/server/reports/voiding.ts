// Voiding a statement removes its rows, and the rows derived from it must follow (derived.ts):
// the attempt numbers of the learner's later answers to the item, or of their later exam
// attempts when a verdict goes; the rest-of-attempt scores of the attempt that lost an answer;
// the first-try flags that follow the attempt numbers; and the first-row flag by which the
// heatmap counts learners, which moves to the person's next row on that clause. Only the
// people, items and attempts of the voided rows are read again, in the voiding transaction.
import type { Sql } from "../db/sql.ts";
import { recountAnswerTotals } from "./answer-totals.ts";
import { chunked, cycleAttempt, marks, storedVerdicts } from "./derived.ts";

type Removed = {
  personnel_number: string;
  kind: string;
  verb: string;
  item_id: string | null;
  registration: string | null;
};

/** Attempt numbers 1…n in the order the rows were numbered before (arrival order). Pure. */
export function renumber(
  rows: readonly { id: string; attempt: number | null; ts: string }[],
): Map<string, number> {
  const sorted = [...rows].sort(
    (a, b) =>
      (a.attempt ?? 0) - (b.attempt ?? 0) || a.ts.localeCompare(b.ts) || a.id.localeCompare(b.id),
  );
  return new Map(sorted.map((r, i) => [r.id, i + 1]));
}

async function setAttempts(
  tx: Sql,
  rows: readonly { id: string; attempt: number | null }[],
  wanted: ReadonlyMap<string, number>,
  clauseRows: boolean,
): Promise<void> {
  for (const r of rows) {
    const attempt = wanted.get(r.id);
    if (attempt === undefined || attempt === r.attempt) continue;
    await tx.run("UPDATE learning_events SET attempt = ? WHERE statement_id = ?", [attempt, r.id]);
    if (clauseRows)
      await tx.run("UPDATE learning_event_clauses SET first_try = ? WHERE statement_id = ?", [
        attempt === 1 ? 1 : 0,
        r.id,
      ]);
  }
}

type Row = { id: string; attempt: number | null; ts: string; registration: string | null };

async function practiceAgain(tx: Sql, person: string, item: string): Promise<void> {
  const rows = await tx.all<Row>(
    `SELECT statement_id AS id, attempt, ts, registration FROM learning_events
     WHERE kind = 'quiz-item' AND personnel_number = ? AND verb = 'answered' AND item_id = ?`,
    [person, item],
  );
  await setAttempts(tx, rows, renumber(rows), true);
}

async function examAgain(tx: Sql, person: string): Promise<void> {
  const verdicts = await storedVerdicts(tx, [person]);
  const rows = await tx.all<Row>(
    `SELECT statement_id AS id, attempt, ts, registration FROM learning_events
     WHERE kind IN ('exam', 'exam-item') AND personnel_number = ? AND registration IS NOT NULL`,
    [person],
  );
  const wanted = new Map(
    rows.map((r) => [r.id, cycleAttempt(verdicts, String(r.registration), r.ts)]),
  );
  await setAttempts(tx, rows, wanted, true);
}

/** Removes the rows of voided statements and brings what was derived from them up to date. */
export async function forgetStatements(tx: Sql, ids: readonly string[]): Promise<void> {
  const removed = await chunked(ids, (chunk) =>
    tx.all<Removed>(
      `SELECT personnel_number, kind, verb, item_id, registration FROM learning_events
       WHERE statement_id IN (${marks(chunk.length)})`,
      chunk,
    ),
  );
  const firsts = await chunked(ids, (chunk) =>
    tx.all<{ clause: string; exam: number; person: number }>(
      `SELECT clause, exam, person FROM learning_event_clauses
       WHERE new_learner = 1 AND statement_id IN (${marks(chunk.length)})`,
      chunk,
    ),
  );
  for (const id of ids) {
    await tx.run("DELETE FROM learning_event_clauses WHERE statement_id = ?", [id]);
    await tx.run("DELETE FROM learning_events WHERE statement_id = ?", [id]);
  }
  const answers = removed.filter((r) => r.verb === "answered");
  const practice = new Set(
    answers
      .filter((r) => r.kind === "quiz-item")
      .map((r) => `${r.personnel_number}\u0000${r.item_id}`),
  );
  for (const key of practice) {
    const [person = "", item = ""] = key.split("\u0000");
    await practiceAgain(tx, person, item);
  }
  const examPeople = new Set(
    removed
      .filter((r) => r.kind === "exam" || r.kind === "exam-item")
      .map((r) => r.personnel_number),
  );
  for (const person of examPeople) await examAgain(tx, person);
  // The attempt lost an answer: every other answer's rest-of-attempt score changes.
  const attempts = new Set(
    answers
      .filter((r) => r.kind === "exam-item" && r.registration !== null)
      .map((r) => `${r.personnel_number}\u0000${r.registration}`),
  );
  for (const key of attempts) {
    const [person = "", registration = ""] = key.split("\u0000");
    await tx.run(
      `UPDATE learning_events SET rest = (
         SELECT SUM(COALESCE(x.success, 0)) FROM learning_events x
         WHERE x.kind = 'exam-item' AND x.verb = 'answered' AND x.personnel_number = ? AND x.registration = ?
       ) - COALESCE(success, 0)
       WHERE kind = 'exam-item' AND verb = 'answered' AND personnel_number = ? AND registration = ?`,
      [person, registration, person, registration],
    );
  }
  // Their answers per section, first tries included, are counted again.
  await recountAnswerTotals(
    tx,
    removed.map((r) => r.personnel_number),
  );
  // The learner's first row on a clause went: their next row there (if any) is the first now.
  for (const f of firsts) {
    const next = await tx.get<{ statement_id: string }>(
      `SELECT statement_id FROM learning_event_clauses WHERE clause = ? AND exam = ? AND person = ?
       ORDER BY at, statement_id LIMIT 1`,
      [f.clause, Number(f.exam), Number(f.person)],
    );
    if (next)
      await tx.run(
        "UPDATE learning_event_clauses SET new_learner = 1 WHERE statement_id = ? AND clause = ?",
        [next.statement_id, f.clause],
      );
  }
}
