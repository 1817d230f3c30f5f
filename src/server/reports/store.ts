// Keeps the reporting projection in step with the LRS: the statement store runs
// `projectionHook` inside each insert transaction (rows for new statements, rows removed for
// voided ones). Idempotent (resends are no-ops).
//
// Each row also gets an attempt number, so that reports can use first attempts as Moodle's
// statistics do by default: a practice answer is the learner's n-th recorded answer to that
// item; an exam attempt is the n-th try of its certification cycle (1 = the first try since the
// last pass, or ever), so the annual exam of every year has a first attempt, and retakes after
// a failure do not.
import { insertMany } from "../db/insert-many.ts";
import type { Sql, SqlValue } from "../db/sql.ts";
import type { InsertHook } from "../lrs/statement-store.ts";
import type { Statement } from "../xapi/types.ts";
import { VOIDED_VERB } from "../xapi/validate.ts";
import { type EventRow, projectStatement } from "./projection.ts";

/** The statement store's hook that projects what it stores, in the same transaction. */
export function projectionHook(origin: string): InsertHook {
  return async (tx: Sql, stored: readonly Statement[]) => {
    const projection = new ReportProjection(tx, origin);
    // The store hands over only statements it has just stored: none can be projected already.
    await projection.ingest(stored as unknown as Record<string, unknown>[], true);
    const voided = stored
      .filter((s) => s.verb.id === VOIDED_VERB)
      .map((s) => String((s.object as { id?: string }).id));
    if (voided.length > 0) await projection.forget(voided);
  };
}

type Attempted = EventRow & { attempt: number | null; rest: number | null };

const marks = (n: number) => Array.from({ length: n }, () => "?").join(", ");
const CHUNK = 500;

async function chunked<T>(
  values: readonly string[],
  query: (chunk: string[]) => Promise<T[]>,
): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < values.length; i += CHUNK)
    out.push(...(await query(values.slice(i, i + CHUNK))));
  return out;
}

/** Practice answers: the n-th recorded answer of this learner to this item. */
async function practiceOrdinals(tx: Sql, rows: Attempted[]): Promise<void> {
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

interface Verdict {
  person: string;
  registration: string;
  passed: boolean;
  ts: string;
}

/** Exam rows: the attempt's place in its certification cycle (failures since the last pass + 1). */
async function examOrdinals(tx: Sql, rows: Attempted[]): Promise<void> {
  const exam = rows.filter(
    (r) => (r.kind === "exam" || r.kind === "exam-item") && r.registration !== null,
  );
  if (exam.length === 0) return;
  const people = [...new Set(exam.map((r) => r.personnelNumber))];
  const stored = await chunked(people, (chunk) =>
    tx.all<{ personnel_number: string; registration: string; verb: string; ts: string }>(
      `SELECT personnel_number, registration, verb, ts FROM learning_events
       WHERE kind = 'exam' AND personnel_number IN (${marks(chunk.length)}) AND verb IN ('passed', 'failed')`,
      chunk,
    ),
  );
  const verdicts: Verdict[] = stored.map((v) => ({
    person: v.personnel_number,
    registration: String(v.registration),
    passed: v.verb === "passed",
    ts: v.ts,
  }));
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
  for (const row of exam) {
    const earlier = (byPerson.get(row.personnelNumber) ?? []).filter(
      (v) => v.registration !== row.registration && v.ts < row.timestamp,
    );
    let lastPass = "";
    for (const v of earlier) if (v.passed && v.ts > lastPass) lastPass = v.ts;
    row.attempt = 1 + earlier.filter((v) => !v.passed && v.ts > lastPass).length;
  }
}

/**
 * Exam answers: the attempt's score on its other items (Moodle's "rest of the test"). The exam
 * service stores an attempt's answers together; should they come in pieces (a rebuild's pages),
 * the answers stored earlier are brought up to date. Returns those registrations' totals.
 */
async function restScores(tx: Sql, rows: Attempted[]): Promise<Map<string, number>> {
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
async function newLearners(
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

export class ReportProjection {
  readonly sql: Sql;
  readonly origin: string;

  constructor(sql: Sql, origin: string) {
    this.sql = sql;
    this.origin = origin;
  }

  async ingest(statements: readonly Record<string, unknown>[], allNew = false): Promise<number> {
    const seen = new Set<string>();
    const rows: Attempted[] = [];
    for (const s of statements) {
      const row = projectStatement(s, this.origin);
      if (row && !seen.has(row.statementId)) {
        seen.add(row.statementId);
        rows.push({ ...row, attempt: null, rest: null });
      }
    }
    if (rows.length === 0) return 0;
    await this.sql.transaction(async (tx) => {
      // A resend must not count again: drop the rows that are already projected.
      const known = new Set(
        (allNew
          ? []
          : await chunked(
              rows.map((r) => r.statementId),
              (chunk) =>
                tx.all<{ statement_id: string }>(
                  `SELECT statement_id FROM learning_events WHERE statement_id IN (${marks(chunk.length)})`,
                  chunk,
                ),
            )
        ).map((r) => r.statement_id),
      );
      const fresh = rows.filter((r) => !known.has(r.statementId));
      if (fresh.length === 0) return;
      await practiceOrdinals(tx, fresh);
      await examOrdinals(tx, fresh);
      const updated = await restScores(tx, fresh);
      // Multi-row inserts: on PostgreSQL a batch then costs a few round trips, not one per row.
      await insertMany(
        tx,
        "INSERT INTO learning_events (statement_id, personnel_number, verb, kind, section, item_id, registration, success, scaled, response, duration_ms, attempt, rest, ts)",
        " ON CONFLICT (statement_id) DO NOTHING",
        fresh.map((r) => [
          r.statementId,
          r.personnelNumber,
          r.verb,
          r.kind,
          r.section,
          r.itemId,
          r.registration,
          r.success,
          r.scaled,
          r.response,
          r.durationMs,
          r.attempt,
          r.rest,
          r.timestamp,
        ]),
      );
      for (const [registration, total] of updated) {
        await tx.run(
          "UPDATE learning_events SET rest = ? - COALESCE(success, 0) WHERE kind = 'exam-item' AND registration = ?",
          [total, registration],
        );
      }
      const people = [...new Set(fresh.map((r) => r.personnelNumber))];
      await insertMany(
        tx,
        "INSERT INTO report_people (personnel_number)",
        " ON CONFLICT (personnel_number) DO NOTHING",
        people.map((p) => [p]),
      );
      const answers = fresh.filter(
        (r) =>
          r.verb === "answered" &&
          (r.kind === "quiz-item" || r.kind === "exam-item") &&
          r.success !== null &&
          r.clauses.length > 0,
      );
      if (answers.length === 0) return;
      const ids = new Map(
        (
          await chunked([...new Set(answers.map((r) => r.personnelNumber))], (chunk) =>
            tx.all<{ id: number; personnel_number: string }>(
              `SELECT id, personnel_number FROM report_people WHERE personnel_number IN (${marks(chunk.length)})`,
              chunk,
            ),
          )
        ).map((p) => [p.personnel_number, Number(p.id)]),
      );
      const clauseRows = answers.flatMap((r) =>
        r.clauses.map((clause) => ({
          statementId: r.statementId,
          clause,
          person: ids.get(r.personnelNumber) ?? 0,
          exam: r.kind === "exam-item" ? 1 : 0,
          itemId: r.itemId ?? "",
          success: r.success ?? 0,
          firstTry: r.attempt === 1 ? 1 : 0,
          ts: r.timestamp,
        })),
      );
      const isNew = await newLearners(tx, clauseRows);
      await insertMany(
        tx,
        "INSERT INTO learning_event_clauses (statement_id, clause, person, exam, item_id, success, first_try, new_learner, ts)",
        " ON CONFLICT (statement_id, clause) DO NOTHING",
        clauseRows.map((c, i): SqlValue[] => [
          c.statementId,
          c.clause,
          c.person,
          c.exam,
          c.itemId,
          c.success,
          c.firstTry,
          isNew[i] ? 1 : 0,
          c.ts,
        ]),
      );
    });
    return rows.length;
  }

  async forget(statementIds: readonly string[]): Promise<void> {
    await this.sql.transaction(async (tx) => {
      for (const id of statementIds) {
        await tx.run("DELETE FROM learning_event_clauses WHERE statement_id = ?", [id]);
        await tx.run("DELETE FROM learning_events WHERE statement_id = ?", [id]);
      }
    });
  }

  /** Empties the projection (before a rebuild). */
  async clear(): Promise<void> {
    await this.sql.transaction(async (tx) => {
      await tx.run("DELETE FROM learning_event_clauses");
      await tx.run("DELETE FROM learning_events");
      await tx.run("DELETE FROM report_people");
      await tx.run("DELETE FROM report_meta");
    });
  }
}
