// Attempt numbers: a practice answer is the learner's n-th recorded answer to the item; an exam
// attempt is the n-th try of its certification cycle (1 again after every pass), whether the
// statements arrive one attempt per batch or all at once. Times far in the future are not
// believed.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrate } from "../../../src/server/db/migrate.ts";
import type { Sql } from "../../../src/server/db/sql.ts";
import { CLOCK_SKEW_MS, eventTime } from "../../../src/server/reports/projection.ts";
import { reportMigrations } from "../../../src/server/reports/schema.ts";
import { ReportProjection } from "../../../src/server/reports/store.ts";
import { databases } from "../helpers/databases.ts";
import { ago, attempt, ORIGIN, statement } from "./fixture.ts";

const answers: [string, boolean, string][] = [["x02-i1", true, "b"]];
const item = { section: 2, clauses: ["2.1"], stem: "Stem" };
const PRACTICE = new Map([
  ["p02-a", item],
  ["p02-b", item],
]);

for (const database of databases) {
  describe(`attempt numbers on ${database.name}`, () => {
    let sql: Sql;
    let close: () => Promise<void>;
    beforeEach(async () => {
      ({ sql, close } = await database.open());
      await migrate(sql, "reports", reportMigrations);
    });
    afterEach(async () => close());

    const attemptsOf = async (kind: string) =>
      (
        await sql.all<{ attempt: number; ts: string }>(
          `SELECT DISTINCT attempt, ts FROM learning_events WHERE personnel_number = 'P' AND kind = ? AND verb IN ('passed', 'failed', 'answered') ORDER BY ts`,
          [kind],
        )
      ).map((r) => Number(r.attempt));

    const cycle = () => [
      attempt("P", ago(800), answers, false, 0.5), // 1st try
      attempt("P", ago(798), answers, true, 0.9), // 2nd try: pass
      attempt("P", ago(400), answers, false, 0.5), // next cycle: 1st try
      attempt("P", ago(399), answers, false, 0.5), // 2nd
      attempt("P", ago(397), answers, true, 0.9), // 3rd: pass
      attempt("P", ago(30), answers, true, 0.9), // next cycle: 1st try
    ];

    it("numbers exam attempts within each certification cycle, batch by batch", async () => {
      const projection = new ReportProjection(sql, ORIGIN, { practice: PRACTICE });
      for (const statements of cycle()) await projection.ingest(statements);
      expect(await attemptsOf("exam")).toEqual([1, 2, 1, 2, 3, 1]);
      expect(await attemptsOf("exam-item")).toEqual([1, 2, 1, 2, 3, 1]);
    });

    it("gives the same numbers when the whole history comes in one batch", async () => {
      await new ReportProjection(sql, ORIGIN, { practice: PRACTICE }).ingest(
        cycle().flat().reverse(),
      );
      expect(await attemptsOf("exam")).toEqual([1, 2, 1, 2, 3, 1]);
    });

    it("numbers practice answers per item, and marks only first answers as first tries", async () => {
      const answer = (item: string, days: number, success: boolean) =>
        statement("P", "answered", `quiz-item/${item}`, ago(days), {
          result: { success },
          context: { extensions: { "https://adal.kz/xapi/extensions/clauses": ["2.1"] } },
        });
      const projection = new ReportProjection(sql, ORIGIN, { practice: PRACTICE });
      await projection.ingest([answer("p02-a", 10, false), answer("p02-b", 10, true)]);
      await projection.ingest([answer("p02-a", 9, true), answer("p02-a", 8, true)]);
      const rows = await sql.all<{ item_id: string; attempt: number }>(
        "SELECT item_id, attempt FROM learning_events WHERE kind = 'quiz-item' ORDER BY item_id, ts",
      );
      expect(rows.map((r) => [r.item_id, Number(r.attempt)])).toEqual([
        ["p02-a", 1],
        ["p02-a", 2],
        ["p02-a", 3],
        ["p02-b", 1],
      ]);
      const clauses = await sql.all<{ first: number }>(
        "SELECT SUM(first_try) AS first FROM learning_event_clauses",
      );
      expect(Number(clauses[0]?.first)).toBe(2);
    });
  });
}

describe("event time", () => {
  const stored = "2026-11-25T12:00:00.000Z";
  it("believes a device clock a little ahead, not a timestamp in the future", () => {
    const soon = new Date(Date.parse(stored) + CLOCK_SKEW_MS - 1000).toISOString();
    expect(eventTime({ timestamp: soon, stored })).toBe(soon);
    expect(eventTime({ timestamp: "2027-01-01T00:00:00Z", stored })).toBe(stored);
    expect(eventTime({ timestamp: "2026-11-01T10:00:00+05:00", stored })).toBe(
      "2026-11-01T05:00:00.000Z",
    );
    expect(eventTime({ stored })).toBe(stored);
  });
});
