// Persistence of exam attempts and certificates over the shared SQL port.
import { insertMany } from "../db/insert-many.ts";
import type { Sql } from "../db/sql.ts";
import type { Attempt, AttemptItem, AttemptResult } from "./attempt.ts";

/** Attempts written before per-attempt option ids kept the bank ids in `optionOrder`. */
type StoredItem = AttemptItem | { itemId: string; optionOrder: string[] };

function toItem(item: StoredItem): AttemptItem {
  if ("options" in item) return item;
  return { itemId: item.itemId, options: item.optionOrder.map((id) => ({ id, bank: id })) };
}

type AttemptRow = {
  id: string;
  user_id: string;
  started_at: string;
  deadline: string;
  items: string;
  answers: string;
  submitted_at: string | null;
  result: string | null;
};

export interface StoredAttempt extends Attempt {
  result: AttemptResult | null;
}

export interface Certificate {
  code: string;
  userId: string;
  kind: "exam" | "course";
  issuedAt: string;
  validUntil: string | null;
  score: number | null;
  attemptId: string | null;
}

const ms = (iso: string) => new Date(iso).getTime();
const iso = (t: number) => new Date(t).toISOString();

/**
 * `answers` are the rows of exam_answers; the attempt row's own `answers` column holds those of
 * attempts handed in before answers had a table of their own (empty for every later one).
 */
function toAttempt(row: AttemptRow, answers: Record<string, string[]>): StoredAttempt {
  return {
    id: row.id,
    learnerId: row.user_id,
    startedAt: ms(row.started_at),
    deadline: ms(row.deadline),
    items: (JSON.parse(row.items) as StoredItem[]).map(toItem),
    answers: { ...(JSON.parse(row.answers) as Record<string, string[]>), ...answers },
    submittedAt: row.submitted_at ? ms(row.submitted_at) : null,
    result: row.result ? (JSON.parse(row.result) as AttemptResult) : null,
  };
}

const COLUMNS = "id, user_id, started_at, deadline, items, answers, submitted_at, result";

export class ExamStore {
  readonly sql: Sql;

  constructor(sql: Sql) {
    this.sql = sql;
  }

  /** The same store on a transaction, so closing, recording and certifying commit together. */
  in(tx: Sql): ExamStore {
    return new ExamStore(tx);
  }

  /** Inserts a new attempt; false when the learner already has an open one (unique index). */
  async insert(attempt: Attempt): Promise<boolean> {
    try {
      await this.sql.run(
        "INSERT INTO exam_attempts (id, user_id, started_at, deadline, items, answers) VALUES (?, ?, ?, ?, ?, ?)",
        [
          attempt.id,
          attempt.learnerId,
          iso(attempt.startedAt),
          iso(attempt.deadline),
          JSON.stringify(attempt.items),
          "{}",
        ],
      );
      return true;
    } catch (error) {
      if (/unique|duplicate/iu.test(String((error as Error).message))) return false;
      throw error;
    }
  }

  /** Attempts of these rows with their answers (one more query for all of them). */
  private async attempts(rows: AttemptRow[]): Promise<StoredAttempt[]> {
    if (rows.length === 0) return [];
    const answers = await this.sql.all<{ attempt_id: string; item_id: string; options: string }>(
      `SELECT attempt_id, item_id, options FROM exam_answers WHERE attempt_id IN (${rows.map(() => "?").join(", ")})`,
      rows.map((r) => r.id),
    );
    const byAttempt = new Map<string, Record<string, string[]>>();
    for (const a of answers) {
      const own = byAttempt.get(a.attempt_id) ?? {};
      own[a.item_id] = JSON.parse(a.options) as string[];
      byAttempt.set(a.attempt_id, own);
    }
    return rows.map((r) => toAttempt(r, byAttempt.get(r.id) ?? {}));
  }

  async get(id: string): Promise<StoredAttempt | null> {
    const row = await this.sql.get<AttemptRow>(
      `SELECT ${COLUMNS} FROM exam_attempts WHERE id = ?`,
      [id],
    );
    return row ? ((await this.attempts([row]))[0] ?? null) : null;
  }

  async open(userId: string): Promise<StoredAttempt | null> {
    const row = await this.sql.get<AttemptRow>(
      `SELECT ${COLUMNS} FROM exam_attempts WHERE user_id = ? AND submitted_at IS NULL`,
      [userId],
    );
    return row ? ((await this.attempts([row]))[0] ?? null) : null;
  }

  /** A learner's attempts, newest first, without their answers (only results are needed). */
  async history(userId: string): Promise<StoredAttempt[]> {
    const rows = await this.sql.all<AttemptRow>(
      `SELECT ${COLUMNS} FROM exam_attempts WHERE user_id = ? ORDER BY started_at DESC`,
      [userId],
    );
    return rows.map((r) => toAttempt(r, {}));
  }

  /**
   * Saves the answer to one item of an open attempt; false if the attempt was handed in
   * meanwhile. The no-op update locks the attempt's row (PostgreSQL; SQLite runs one
   * transaction at a time), so it orders this save against the grading claim: either the
   * answer is in before grading reads the answers, or the attempt is found closed.
   */
  async saveAnswer(
    attemptId: string,
    itemId: string,
    options: readonly string[],
  ): Promise<boolean> {
    return this.sql.transaction(async (tx) => {
      const { changes } = await tx.run(
        "UPDATE exam_attempts SET submitted_at = NULL WHERE id = ? AND submitted_at IS NULL",
        [attemptId],
      );
      if (changes !== 1) return false;
      await tx.run(
        `INSERT INTO exam_answers (attempt_id, item_id, options) VALUES (?, ?, ?)
         ON CONFLICT (attempt_id, item_id) DO UPDATE SET options = excluded.options`,
        [attemptId, itemId, JSON.stringify(options)],
      );
      return true;
    });
  }

  /**
   * Claims an open attempt for grading by closing it: true for exactly one caller, however many
   * requests, sweeps or server instances race for it (the row update is the lock). Answers
   * saved after this are refused, so grading reads the final answers.
   */
  async claim(attemptId: string, submittedAt: number): Promise<boolean> {
    const { changes } = await this.sql.run(
      "UPDATE exam_attempts SET submitted_at = ? WHERE id = ? AND submitted_at IS NULL",
      [iso(submittedAt), attemptId],
    );
    return changes === 1;
  }

  /** The result, and each answer in bank option ids (`exam_item_answers`, for analysis). */
  async saveResult(attemptId: string, result: AttemptResult): Promise<void> {
    await this.saveItemAnswers(attemptId, result);
    await this.sql.run(
      "UPDATE exam_attempts SET correct = ?, total = ?, scaled = ?, passed = ?, result = ? WHERE id = ?",
      [
        result.correct,
        result.total,
        result.scaled,
        result.passed ? 1 : 0,
        JSON.stringify(result),
        attemptId,
      ],
    );
  }

  /** Each graded answer in bank option ids (also written by the demo history generator). */
  async saveItemAnswers(attemptId: string, result: AttemptResult): Promise<void> {
    await insertMany(
      this.sql,
      "INSERT INTO exam_item_answers (attempt_id, item_id, bank_response, success)",
      "",
      result.items.map((item) => [
        attemptId,
        item.itemId,
        item.bankResponse.join(","),
        item.success ? 1 : 0,
      ]),
    );
  }

  /** Open attempts whose deadline is at or before `deadline`, oldest first. */
  async overdue(deadline: number, limit: number): Promise<StoredAttempt[]> {
    const rows = await this.sql.all<AttemptRow>(
      `SELECT ${COLUMNS} FROM exam_attempts WHERE submitted_at IS NULL AND deadline <= ? ORDER BY deadline LIMIT ?`,
      [iso(deadline), limit],
    );
    return this.attempts(rows);
  }

  async addCertificate(certificate: Certificate): Promise<void> {
    await this.sql.run(
      "INSERT INTO certificates (code, user_id, kind, issued_at, valid_until, score, attempt_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
      [
        certificate.code,
        certificate.userId,
        certificate.kind,
        certificate.issuedAt,
        certificate.validUntil,
        certificate.score,
        certificate.attemptId,
      ],
    );
  }

  /** The person's course certificate (the one kept if a race ever issued more), or null. */
  async courseCertificate(userId: string): Promise<Certificate | null> {
    const row = await this.sql.get<{ code: string }>(
      "SELECT code FROM certificates WHERE user_id = ? AND kind = 'course' AND duplicate = 0",
      [userId],
    );
    return row ? this.certificate(row.code) : null;
  }

  /**
   * Issues a course certificate unless the person has one already (the unique index decides
   * between racing requests); returns the one they hold either way.
   */
  async addCourseCertificate(certificate: Certificate & { kind: "course" }): Promise<Certificate> {
    await this.sql.run(
      "INSERT INTO certificates (code, user_id, kind, issued_at, valid_until, score, attempt_id) VALUES (?, ?, 'course', ?, NULL, NULL, NULL) ON CONFLICT DO NOTHING",
      [certificate.code, certificate.userId, certificate.issuedAt],
    );
    const held = await this.courseCertificate(certificate.userId);
    if (!held) throw new Error(`could not issue a course certificate to ${certificate.userId}`);
    return held;
  }

  async certificate(code: string): Promise<Certificate | null> {
    const row = await this.sql.get<{
      code: string;
      user_id: string;
      kind: string;
      issued_at: string;
      valid_until: string | null;
      score: number | null;
      attempt_id: string | null;
    }>(
      "SELECT code, user_id, kind, issued_at, valid_until, score, attempt_id FROM certificates WHERE code = ?",
      [code],
    );
    if (!row) return null;
    return {
      code: row.code,
      userId: row.user_id,
      kind: row.kind as Certificate["kind"],
      issuedAt: row.issued_at,
      validUntil: row.valid_until,
      score: row.score === null ? null : Number(row.score),
      attemptId: row.attempt_id,
    };
  }

  async certificatesOf(userId: string): Promise<Certificate[]> {
    const rows = await this.sql.all<{ code: string }>(
      "SELECT code FROM certificates WHERE user_id = ? ORDER BY issued_at DESC",
      [userId],
    );
    const all = await Promise.all(rows.map((r) => this.certificate(r.code)));
    return all.filter((c): c is Certificate => c !== null);
  }
}
