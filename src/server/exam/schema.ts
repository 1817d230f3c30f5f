import type { Migration } from "../db/migrate.ts";

/** Exam attempts and certificates (same DDL on SQLite and PostgreSQL). */
export const examMigrations: Migration[] = [
  {
    version: 1,
    statements: [
      `CREATE TABLE exam_attempts (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        started_at TEXT NOT NULL,
        deadline TEXT NOT NULL,
        items TEXT NOT NULL,
        answers TEXT NOT NULL,
        submitted_at TEXT,
        correct INTEGER,
        total INTEGER,
        scaled DOUBLE PRECISION,
        passed INTEGER,
        result TEXT
      )`,
      "CREATE INDEX exam_attempts_user ON exam_attempts (user_id, started_at)",
      // At most one open attempt per learner, enforced by the database itself.
      "CREATE UNIQUE INDEX exam_attempts_one_open ON exam_attempts (user_id) WHERE submitted_at IS NULL",
      `CREATE TABLE certificates (
        code TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('exam', 'course')),
        issued_at TEXT NOT NULL,
        valid_until TEXT,
        score DOUBLE PRECISION,
        attempt_id TEXT
      )`,
      "CREATE INDEX certificates_user ON certificates (user_id, issued_at)",
    ],
  },
  {
    version: 2,
    statements: [
      // The deadline sweep looks for open attempts past their deadline.
      "CREATE INDEX exam_attempts_open_deadline ON exam_attempts (deadline) WHERE submitted_at IS NULL",
      // Each graded answer in the bank's own option ids (a, b, …), for distractor analysis on
      // the server: the xAPI record carries only the attempt's random ids, meaningless across
      // attempts. Written in the transaction that grades the attempt.
      `CREATE TABLE exam_item_answers (
        attempt_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        bank_response TEXT NOT NULL,
        success INTEGER NOT NULL,
        PRIMARY KEY (attempt_id, item_id)
      )`,
      "CREATE INDEX exam_item_answers_item ON exam_item_answers (item_id, bank_response)",
    ],
  },
  {
    version: 3,
    // One row per answered item, written by an upsert of its own, so answers saved at the same
    // time (two tabs, two devices) never overwrite each other, as rewriting the whole
    // `exam_attempts.answers` document did. The answers of attempts still open move here;
    // that column keeps those of attempts handed in before, and is no longer written.
    statements: (dialect) => [
      `CREATE TABLE exam_answers (
        attempt_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        options TEXT NOT NULL,
        PRIMARY KEY (attempt_id, item_id)
      )`,
      dialect === "postgres"
        ? `INSERT INTO exam_answers (attempt_id, item_id, options)
           SELECT a.id, j.key, j.value::text FROM exam_attempts a, json_each(a.answers::json) j
           WHERE a.submitted_at IS NULL`
        : `INSERT INTO exam_answers (attempt_id, item_id, options)
           SELECT a.id, j.key, j.value FROM exam_attempts a, json_each(a.answers) j
           WHERE a.submitted_at IS NULL`,
      "UPDATE exam_attempts SET answers = '{}' WHERE submitted_at IS NULL",
    ],
  },
  {
    version: 4,
    statements: [
      // One course certificate per person, enforced by the database: requests racing each
      // other got one each before. Those extra ones stay verifiable (their codes may be
      // printed) but are marked duplicates, the earliest of each person being the one kept.
      "ALTER TABLE certificates ADD COLUMN duplicate INTEGER NOT NULL DEFAULT 0",
      `UPDATE certificates SET duplicate = 1 WHERE kind = 'course' AND EXISTS (
        SELECT 1 FROM certificates k WHERE k.kind = 'course' AND k.user_id = certificates.user_id
        AND (k.issued_at < certificates.issued_at
          OR (k.issued_at = certificates.issued_at AND k.code < certificates.code)))`,
      "CREATE UNIQUE INDEX certificates_one_course ON certificates (user_id) WHERE kind = 'course' AND duplicate = 0",
    ],
  },
];
