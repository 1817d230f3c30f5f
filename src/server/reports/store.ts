// Keeps the reporting projection in step with the LRS: the statement store runs
// `projectionHook` inside each insert transaction (rows for new statements, rows removed for
// voided ones). Idempotent (resends are no-ops). What each row derives from the learner's
// earlier rows (attempt numbers, rest-of-attempt scores, first rows) is in derived.ts.

import type { PracticeCatalogue } from "../banks/practice.ts";
import { insertMany } from "../db/insert-many.ts";
import type { Sql, SqlValue } from "../db/sql.ts";
import type { InsertHook } from "../lrs/statement-store.ts";
import type { Statement } from "../xapi/types.ts";
import { VOIDED_VERB } from "../xapi/validate.ts";
import { addAnswerTotals } from "./answer-totals.ts";
import {
  type Attempted,
  chunked,
  examOrdinals,
  marks,
  newLearners,
  practiceOrdinals,
  restScores,
} from "./derived.ts";
import { projectStatement } from "./projection.ts";
import { forgetStatements } from "./voiding.ts";

/**
 * Bank option ids of graded exam answers, keyed by `registration \u0000 itemId` (the exam's
 * statements carry per-attempt ids; see exam/bank-responses.ts).
 */
export type BankResponses = (
  tx: Sql,
  keys: readonly { registration: string; itemId: string }[],
) => Promise<Map<string, string>>;

export interface ProjectionOptions {
  /** The practice banks the site is built from: the only practice items that count. */
  practice: PracticeCatalogue;
  bankResponses?: BankResponses | undefined;
}

/** The statement store's hook that projects what it stores, in the same transaction. */
export function projectionHook(origin: string, options: ProjectionOptions): InsertHook {
  return async (tx: Sql, stored: readonly Statement[]) => {
    const projection = new ReportProjection(tx, origin, options);
    // The store hands over only statements it has just stored: none can be projected already.
    await projection.ingest(stored as unknown as Record<string, unknown>[], true);
    const voided = stored
      .filter((s) => s.verb.id === VOIDED_VERB)
      .map((s) => String((s.object as { id?: string }).id));
    if (voided.length > 0) await projection.forget(voided);
  };
}

const KEY = (registration: string, itemId: string) => `${registration}\u0000${itemId}`;

export class ReportProjection {
  readonly sql: Sql;
  readonly origin: string;
  readonly bankResponses: BankResponses | undefined;
  readonly practice: PracticeCatalogue;

  constructor(sql: Sql, origin: string, options: ProjectionOptions) {
    this.sql = sql;
    this.origin = origin;
    this.bankResponses = options.bankResponses;
    this.practice = options.practice;
  }

  /** Exam answers are analysed by the bank's option ids, which the exam keeps server-side. */
  private async useBankResponses(tx: Sql, rows: Attempted[]): Promise<void> {
    if (!this.bankResponses) return;
    const exam = rows.filter(
      (r) => r.kind === "exam-item" && r.verb === "answered" && r.registration && r.itemId,
    );
    if (exam.length === 0) return;
    const keys = exam.map((r) => ({ registration: r.registration ?? "", itemId: r.itemId ?? "" }));
    const found = await this.bankResponses(tx, keys);
    for (const r of exam) {
      const bank = found.get(KEY(r.registration ?? "", r.itemId ?? ""));
      if (bank !== undefined) r.response = bank;
    }
  }

  async ingest(statements: readonly Record<string, unknown>[], allNew = false): Promise<number> {
    const seen = new Set<string>();
    const rows: Attempted[] = [];
    for (const s of statements) {
      const row = projectStatement(s, this.origin, this.practice);
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
      await this.useBankResponses(tx, fresh);
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
      await addAnswerTotals(tx, fresh);
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
        "INSERT INTO learning_event_clauses (statement_id, clause, person, exam, item_id, success, first_try, new_learner, at)",
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
          Math.floor(Date.parse(c.ts) / 1000),
        ]),
      );
    });
    return rows.length;
  }

  /** Voided statements: their rows go, and what was derived from them follows (voiding.ts). */
  async forget(statementIds: readonly string[]): Promise<void> {
    await this.sql.transaction(async (tx) => forgetStatements(tx, statementIds));
  }

  /** Empties the projection (before a rebuild). */
  async clear(): Promise<void> {
    await this.sql.transaction(async (tx) => {
      await tx.run("DELETE FROM learning_event_clauses");
      await tx.run("DELETE FROM learning_events");
      await tx.run("DELETE FROM report_answer_totals");
      await tx.run("DELETE FROM report_people");
      await tx.run("DELETE FROM report_meta");
    });
  }
}
