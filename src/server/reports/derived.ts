// What a projected row derives from the learner's earlier rows (read in the same transaction):
//
// - attempt numbers, so that reports can use first attempts as Moodle's statistics do by
//   default: a practice answer is the learner's n-th recorded answer to that item; an exam
//   attempt is the n-th try of its certification cycle (1 = the first try since the last pass,
//   or ever), so the annual exam of every year has a first attempt and retakes do not;
// - each exam answer's rest-of-attempt score (Moodle's "rest of the test");
// - whether a clause row is the person's first on that clause (learner counts by a sum).
import type { Sql } from "../db/sql.ts";
import type { EventRow } from "./projection.ts";

export type Attempted = EventRow & { attempt: number | null; rest: number | null };

export const marks = (n: number) => Array.from({ length: n }, () => "?").join(", ");
export const CHUNK = 500;

export async function chunked<T>(
  values: readonly string[],
  query: (chunk: string[]) => Promise<T[]>,
): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < values.length; i += CHUNK)
    out.push(...(await query(values.slice(i, i + CHUNK))));
  return out;
}

/** Practice answers: the n-th recorded answer of this learner to this item. */
export async function practiceOrdinals(tx: Sql, rows: Attempted[]): Promise<void> {
  const answers = rows.filter((r) => r.kind === "quiz-item" && r.verb === "answered");
  if (answers.length === 0) return;
  const people = [...new Set(answers.map((r) => r.personnelNumber))];
  const prior = await chunked(people, (chunk) =>
    tx.all<{ personnel_number: string; item_id: string; n: number }>(
      `SELECT personnel_number, item_id, COUNT(*) AS n FROM learning_events
       WHERE kind = 'quiz-item' AND personnel_number IN (${marks(chunk.length)}) AND verb = 'answered'
       GROUP BY personnel_number, item_id`,
      chunk,
    ),
  );
  const count = new Map(prior.map((p) => [`${p.personnel_number}\u0000${p.item_id}`, Number(p.n)]));
  for (const row of [...answers].sort((a, b) => a.timestamp.localeCompare(b.timestamp))) {
    const key = `${row.personnelNumber}\u0000${row.itemId}`;
    const n = (count.get(key) ?? 0) + 1;
    count.set(key, n);
    row.attempt = n;
  }
}

export interface Verdict {
  person: string;
  registration: string;
  passed: boolean;
  ts: string;
}

/**
 * An exam row's place in its certification cycle: 1 + the failures of the person's other
 * attempts after their last pass before `ts`. Pure; `verdicts` are one person's.
 */
export function cycleAttempt(
  verdicts: readonly Verdict[],
  registration: string,
  ts: string,
): number {
  const earlier = verdicts.filter((v) => v.registration !== registration && v.ts < ts);
  let lastPass = "";
  for (const v of earlier) if (v.passed && v.ts > lastPass) lastPass = v.ts;
  return 1 + earlier.filter((v) => !v.passed && v.ts > lastPass).length;
}

/** One person's verdicts as stored (passed and failed exam rows). */
export async function storedVerdicts(tx: Sql, people: readonly string[]): Promise<Verdict[]> {
  const stored = await chunked(people, (chunk) =>
    tx.all<{ personnel_number: string; registration: string; verb: string; ts: string }>(
      `SELECT personnel_number, registration, verb, ts FROM learning_events
       WHERE kind = 'exam' AND personnel_number IN (${marks(chunk.length)}) AND verb IN ('passed', 'failed')`,
      chunk,
    ),
  );
  return stored.map((v) => ({
    person: v.personnel_number,
    registration: String(v.registration),
    passed: v.verb === "passed",
    ts: v.ts,
  }));
}

/** Exam rows: the attempt's place in its certification cycle (failures since the last pass + 1). */
export async function examOrdinals(tx: Sql, rows: Attempted[]): Promise<void> {
  const exam = rows.filter(
    (r) => (r.kind === "exam" || r.kind === "exam-item") && r.registration !== null,
  );
  if (exam.length === 0) return;
  const verdicts = await storedVerdicts(tx, [...new Set(exam.map((r) => r.personnelNumber))]);
  for (const r of exam) {
    if (r.kind === "exam" && (r.verb === "passed" || r.verb === "failed")) {
      verdicts.push({
        person: r.personnelNumber,
        registration: r.registration ?? "",
        passed: r.verb === "passed",
        ts: r.timestamp,
      });
    }
  }
  const byPerson = new Map<string, Verdict[]>();
  for (const v of verdicts) byPerson.set(v.person, [...(byPerson.get(v.person) ?? []), v]);
  for (const row of exam)
    row.attempt = cycleAttempt(
      byPerson.get(row.personnelNumber) ?? [],
      row.registration ?? "",
      row.timestamp,
    );
}

/**
 * Exam answers: the attempt's score on its other items (Moodle's "rest of the test"). The exam
 * service stores an attempt's answers together; should they come in pieces (a rebuild's pages),
 * the answers stored earlier are brought up to date. Returns those registrations' totals.
 */
export async function restScores(tx: Sql, rows: Attempted[]): Promise<Map<string, number>> {
  const answers = rows.filter(
    (r) => r.kind === "exam-item" && r.verb === "answered" && r.registration !== null,
  );
  if (answers.length === 0) return new Map();
  const registrations = [...new Set(answers.map((r) => r.registration ?? ""))];
  const people = [...new Set(answers.map((r) => r.personnelNumber))];
  const prior = await chunked(registrations, (chunk) =>
    tx.all<{ registration: string; s: number }>(
      `SELECT registration, SUM(COALESCE(success, 0)) AS s FROM learning_events
       WHERE personnel_number IN (${marks(people.length)}) AND kind = 'exam-item' AND verb = 'answered'
         AND registration IN (${marks(chunk.length)})
       GROUP BY registration`,
      [...people, ...chunk],
    ),
  );
  const totals = new Map(prior.map((p) => [p.registration, Number(p.s)]));
  const earlier = new Set(totals.keys());
  for (const r of answers)
    totals.set(r.registration ?? "", (totals.get(r.registration ?? "") ?? 0) + (r.success ?? 0));
  for (const r of answers) r.rest = (totals.get(r.registration ?? "") ?? 0) - (r.success ?? 0);
  return new Map([...totals].filter(([registration]) => earlier.has(registration)));
}

/** Clause rows: is this the person's first answer on the clause (practice or exam apart)? */
export async function newLearners(
  tx: Sql,
  rows: { clause: string; exam: number; person: number; ts: string }[],
): Promise<boolean[]> {
  const clauses = [...new Set(rows.map((r) => r.clause))];
  const people = [...new Set(rows.map((r) => r.person))];
  const known = new Set<string>();
  for (let i = 0; i < people.length; i += CHUNK) {
    const chunk = people.slice(i, i + CHUNK);
    const found = await tx.all<{ clause: string; exam: number; person: number }>(
      `SELECT DISTINCT clause, exam, person FROM learning_event_clauses
       WHERE clause IN (${marks(clauses.length)}) AND exam IN (0, 1) AND person IN (${marks(chunk.length)})`,
      [...clauses, ...chunk],
    );
    for (const f of found) known.add(`${f.clause}|${Number(f.exam)}|${Number(f.person)}`);
  }
  const order = rows
    .map((_, i) => i)
    .sort((a, b) => (rows[a]?.ts ?? "").localeCompare(rows[b]?.ts ?? ""));
  const flags = rows.map(() => false);
  for (const i of order) {
    const r = rows[i];
    if (!r) continue;
    const key = `${r.clause}|${r.exam}|${r.person}`;
    if (!known.has(key)) {
      known.add(key);
      flags[i] = true;
    }
  }
  return flags;
}
