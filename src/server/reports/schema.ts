import type { Migration } from "../db/migrate.ts";
import { ANSWER_TOTALS_FROM_ALL_EVENTS } from "./answer-totals.ts";

/**
 * The reporting projection (see projection.ts), indexed for the dashboard's queries. Version 5
 * replaces the earlier shape; its rows are rebuilt from the stored statements
 * (`adal reports rebuild`, see rebuild.ts), since older rows lack attempt numbers and may hold
 * exam rows that were not the exam service's. Version 6 has the same tables, but practice rows
 * only for items of the server's banks, with the banks' clauses: rows of version 5 may carry
 * clause tags or invented items from a learner's statements, so they are reported stale.
 */
export const PROJECTION_VERSION = 6;

export const reportMigrations: Migration[] = [
  {
    version: 1,
    statements: [
      `CREATE TABLE learning_events (
        statement_id TEXT PRIMARY KEY,
        personnel_number TEXT NOT NULL,
        verb TEXT NOT NULL,
        kind TEXT NOT NULL,
        section INTEGER,
        item_id TEXT,
        registration TEXT,
        success INTEGER,
        scaled DOUBLE PRECISION,
        response TEXT,
        duration_ms INTEGER,
        ts TEXT NOT NULL
      )`,
      "CREATE INDEX learning_events_person ON learning_events (personnel_number, ts)",
      "CREATE INDEX learning_events_kind ON learning_events (kind, verb, ts)",
      "CREATE INDEX learning_events_item ON learning_events (item_id)",
      "CREATE INDEX learning_events_registration ON learning_events (registration)",
      `CREATE TABLE learning_event_clauses (
        statement_id TEXT NOT NULL,
        clause TEXT NOT NULL,
        PRIMARY KEY (statement_id, clause)
      )`,
      "CREATE INDEX learning_event_clauses_clause ON learning_event_clauses (clause)",
    ],
  },
  {
    // Dashboard speed at 10,000 learners and a million statements (`npm run bench:reports`):
    // the clause rows carry who, what and when, so the heatmap reads one covering index
    // instead of joining every answer; covering indexes for lesson progress and exam items.
    version: 2,
    statements: [
      "ALTER TABLE learning_event_clauses ADD COLUMN personnel_number TEXT",
      "ALTER TABLE learning_event_clauses ADD COLUMN verb TEXT",
      "ALTER TABLE learning_event_clauses ADD COLUMN kind TEXT",
      "ALTER TABLE learning_event_clauses ADD COLUMN success INTEGER",
      "ALTER TABLE learning_event_clauses ADD COLUMN ts TEXT",
      `UPDATE learning_event_clauses SET (personnel_number, verb, kind, success, ts) =
         (SELECT e.personnel_number, e.verb, e.kind, e.success, e.ts FROM learning_events e
          WHERE e.statement_id = learning_event_clauses.statement_id)`,
      "DROP INDEX learning_event_clauses_clause",
      "CREATE INDEX learning_event_clauses_heat ON learning_event_clauses (clause, verb, kind, success, personnel_number, ts)",
      "CREATE INDEX learning_events_progress ON learning_events (kind, personnel_number, section, verb, ts)",
      "CREATE INDEX learning_events_attempt ON learning_events (kind, verb, registration, item_id, success, section, personnel_number, ts)",
      "CREATE INDEX learning_events_option ON learning_events (kind, verb, item_id, response, personnel_number, ts)",
    ],
  },
  {
    // No report filters on item or registration alone any more (migration 2's covering
    // indexes lead with kind and verb; EXPLAIN of every view on both databases confirms
    // neither index is chosen), so each insert stops paying for them.
    version: 3,
    statements: ["DROP INDEX learning_events_item", "DROP INDEX learning_events_registration"],
  },
  {
    // Everyone with projected events, so that a report can tell in milliseconds who among them
    // has no user row (see rowScope in scope.ts) instead of scanning the events.
    version: 4,
    statements: [
      "CREATE TABLE report_people (personnel_number TEXT PRIMARY KEY)",
      "INSERT INTO report_people (personnel_number) SELECT DISTINCT personnel_number FROM learning_events",
    ],
  },
  {
    // Attempt numbers (first attempts, as Moodle's statistics default to), exam rows only from
    // the exam service, each exam answer's rest-of-attempt score (item analysis without a
    // window over every attempt), integer person keys and times on the clause rows and a
    // flag on a person's first row per clause (the heatmap tests ~1.3M rows against the scope at 10,000
    // learners: integers compare much faster than text, and a sum is much cheaper than a
    // COUNT(DISTINCT)), and a meta table saying for which origin and version rows were built.
    version: 5,
    statements: (dialect) => [
      "DROP TABLE learning_event_clauses",
      "DROP TABLE learning_events",
      "DROP TABLE report_people",
      `CREATE TABLE report_people (
        id ${dialect === "postgres" ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY"},
        personnel_number TEXT NOT NULL UNIQUE
      )`,
      `CREATE TABLE learning_events (
        statement_id TEXT PRIMARY KEY,
        personnel_number TEXT NOT NULL,
        verb TEXT NOT NULL,
        kind TEXT NOT NULL,
        section INTEGER,
        item_id TEXT,
        registration TEXT,
        success INTEGER,
        scaled DOUBLE PRECISION,
        response TEXT,
        duration_ms BIGINT,
        attempt INTEGER,
        rest INTEGER,
        ts TEXT NOT NULL
      )`,
      "CREATE INDEX learning_events_person ON learning_events (personnel_number, ts)",
      "CREATE INDEX learning_events_progress ON learning_events (kind, personnel_number, section, verb, item_id, success, attempt, ts)",
      // Ordered by item, score and rest-of-attempt score: item analysis groups as it scans.
      "CREATE INDEX learning_events_items ON learning_events (kind, verb, item_id, success, rest, response, attempt, personnel_number, ts)",
      `CREATE TABLE learning_event_clauses (
        statement_id TEXT NOT NULL,
        clause TEXT NOT NULL,
        person BIGINT NOT NULL,
        exam INTEGER NOT NULL,
        item_id TEXT NOT NULL,
        success INTEGER NOT NULL,
        first_try INTEGER NOT NULL,
        new_learner INTEGER NOT NULL,
        at BIGINT NOT NULL,
        PRIMARY KEY (statement_id, clause)
      )`,
      // Narrow on purpose (seconds since 1970, no item id): the heatmap reads all of it.
      "CREATE INDEX learning_event_clauses_heat ON learning_event_clauses (clause, exam, person, first_try, success, new_learner, at)",
      "CREATE TABLE report_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ],
  },
  {
    // Answers per person and section, kept by the projection (answer-totals.ts): the unit
    // comparison adds these up instead of reading every answer.
    version: 6,
    statements: () => [
      `CREATE TABLE report_answer_totals (
        personnel_number TEXT NOT NULL,
        kind TEXT NOT NULL,
        section INTEGER NOT NULL,
        answers INTEGER NOT NULL,
        wrong INTEGER NOT NULL,
        first_answers INTEGER NOT NULL,
        first_wrong INTEGER NOT NULL,
        PRIMARY KEY (personnel_number, kind, section)
      )`,
      ANSWER_TOTALS_FROM_ALL_EVENTS,
    ],
  },
];
