// Edges of the figures, worked out by hand: the month boundary in Asia/Almaty (UTC+5: a local
// month starts at 19:00Z the day before), passes exactly 365 and 335 days old, course completion
// under a date range (the month of the eleventh lesson, as in the trends), and answers without
// a success flag (left out of the unit comparison as of the heatmap).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountMigrations } from "../../../src/server/accounts/schema.ts";
import { AccountStore } from "../../../src/server/accounts/store.ts";
import { migrate } from "../../../src/server/db/migrate.ts";
import type { Sql } from "../../../src/server/db/sql.ts";
import { clauseHeatmap, unitSections } from "../../../src/server/reports/heatmap.ts";
import { dueLearners, overview } from "../../../src/server/reports/queries.ts";
import { reportMigrations } from "../../../src/server/reports/schema.ts";
import { ReportProjection } from "../../../src/server/reports/store.ts";
import { monthlyTrends } from "../../../src/server/reports/trends.ts";
import { databases } from "../helpers/databases.ts";
import { attempt, NOW, ORIGIN, PRACTICE, statement } from "./fixture.ts";

const DAY = 86_400_000;
const before = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const completed = (person: string, lessons: number[], at: string) =>
  lessons.map((n) => statement(person, "completed", `lesson/${n}`, at));
const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const pass = (person: string, at: string) => attempt(person, at, [["x02-i1", true, "b"]], true, 1);
const practice = (person: string, success: boolean | null, at: string) =>
  statement(person, "answered", "quiz-item/p02-gift", at, {
    result: { response: "a", ...(success === null ? {} : { success }) },
  });

const PEOPLE = ["R1", "R2", "M1", "M2", "D365", "D365b", "D335", "D335b", "N1"];
const ZONE = "Asia/Almaty";
// 1 November 2026, local midnight in Almaty (UTC+5), and 1 December.
const NOVEMBER = { from: "2026-10-31T19:00:00.000Z", to: "2026-11-30T19:00:00.000Z" };

function history() {
  return [
    // R1: lessons 1–10 in October, the eleventh in November, lesson 1 again in November.
    ...completed("R1", upTo(10), "2026-10-10T06:00:00Z"),
    ...completed("R1", [11], "2026-11-05T06:00:00Z"),
    ...completed("R1", [1], "2026-11-06T06:00:00Z"),
    // R2: the whole course in November.
    ...completed("R2", upTo(11), "2026-11-10T06:00:00Z"),
    // M1 a second before local midnight of 1 November (still October), M2 at midnight.
    ...completed("M1", [1], "2026-10-31T18:59:59Z"),
    ...completed("M2", [1], "2026-10-31T19:00:00Z"),
    // Passes exactly 365 days old (due today) and a second older (overdue); exactly 335 days
    // old (30 days left: not yet due soon) and a second older (due soon).
    pass("D365", before(365 * DAY)),
    pass("D365b", before(365 * DAY + 1000)),
    pass("D335", before(335 * DAY)),
    pass("D335b", before(335 * DAY + 1000)),
    // N1: one right practice answer and one without a success flag.
    practice("N1", true, "2026-11-20T06:00:00Z"),
    practice("N1", null, "2026-11-21T06:00:00Z"),
  ].flat();
}

for (const database of databases) {
  describe(`report boundaries on ${database.name}`, () => {
    let sql: Sql;
    let close: () => Promise<void>;
    const scope = {
      units: ["U"],
      now: NOW,
      timeZone: ZONE,
      validityDays: 365,
      dueSoonDays: 30,
    };

    beforeAll(async () => {
      ({ sql, close } = await database.open());
      await migrate(sql, "accounts", accountMigrations);
      await migrate(sql, "reports", reportMigrations);
      const accounts = new AccountStore(sql);
      await accounts.addUnit({ code: "U", name: "U", parentCode: null });
      await accounts.createUsers(
        PEOPLE.map((n) => ({
          personnelNumber: n,
          fullName: `Person ${n}`,
          unitCode: "U",
          role: "learner" as const,
          email: null,
          passwordHash: "x",
          mustChangePassword: false,
        })),
        NOW,
      );
      await new ReportProjection(sql, ORIGIN, { practice: PRACTICE }).ingest(history());
    });
    afterAll(async () => close());

    it("puts 18:59:59Z on 31 October in October and 19:00:00Z in November (Almaty)", async () => {
      const { months } = await monthlyTrends(sql, {
        ...scope,
        units: ["U"],
        from: "2026-09-30T19:00:00.000Z",
        to: NOVEMBER.to,
      });
      const at = (m: string) => months.find((t) => t.month === m);
      // October: R1's lessons 1–10 and M1's lesson 1; November: R1's 11th, R2's 11, M2's 1.
      expect(at("2026-10")).toMatchObject({ lessonCompletions: 11, lessonLearners: 2 });
      expect(at("2026-11")).toMatchObject({ lessonCompletions: 13, lessonLearners: 3 });
      const [u] = await overview(sql, { ...scope, ...NOVEMBER });
      expect(u?.lessonCompleted[0]).toBe(2); // R2 and M2; not M1, nor R1's second reading
    });

    it("shows at most 120 months and says how many earlier ones were left out", async () => {
      // January 2014 to November 2026: 12 × 12 + 11 = 155 months; the last 120 start in
      // December 2016 (35 left out).
      const { months, omitted } = await monthlyTrends(sql, {
        ...scope,
        from: "2014-01-15T00:00:00.000Z",
        to: NOVEMBER.to,
      });
      expect(omitted).toBe(35);
      expect(months).toHaveLength(120);
      expect([months[0]?.month, months.at(-1)?.month]).toEqual(["2016-12", "2026-11"]);
    });

    it("counts a course as completed in the range of its eleventh lesson, as the trends do", async () => {
      const [u] = await overview(sql, { ...scope, ...NOVEMBER });
      expect(u?.courseCompleted).toBe(2); // R1 (lesson 11 on 5 November) and R2
      // First completions only: lesson 1 by R2 and M2, lessons 2–10 by R2, lesson 11 by both.
      expect(u?.lessonCompleted).toEqual([2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2]);
      const { months } = await monthlyTrends(sql, { ...scope, ...NOVEMBER });
      expect(months).toEqual([expect.objectContaining({ month: "2026-11", courseCompletions: 2 })]);
      // The overview's first completions add up to the trends' for the same range.
      const sum = u?.lessonCompleted.reduce((a, b) => a + b, 0);
      expect(sum).toBe(months[0]?.lessonCompletions);
      const [october] = await overview(sql, {
        ...scope,
        from: "2026-09-30T19:00:00.000Z",
        to: NOVEMBER.from,
      });
      expect(october?.courseCompleted).toBe(0);
      expect(october?.lessonCompleted).toEqual([2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
    });

    it("treats a pass exactly 365 days old as due today and one exactly 335 days old as not yet due soon", async () => {
      const due = await dueLearners(sql, scope);
      const status = Object.fromEntries(due.rows.map((r) => [r.personnelNumber, r.status]));
      expect(status.D365).toBe("due-soon");
      expect(status.D365b).toBe("overdue");
      expect(status.D335).toBeUndefined();
      expect(status.D335b).toBe("due-soon");
      expect(due.rows.find((r) => r.personnelNumber === "D365")?.dueDate).toBe(NOW.toISOString());
      const [u] = await overview(sql, scope);
      // Overdue: D365b and the five who never passed (R1, R2, M1, M2, N1).
      expect(u).toMatchObject({ overdue: 6, dueSoon: 2 });
    });

    it("leaves answers without a success flag out of the unit comparison, as out of the heatmap", async () => {
      const [heat] = await clauseHeatmap(sql, scope);
      expect(heat?.practice).toMatchObject({ answers: 1, wrong: 0 });
      const [u] = await unitSections(sql, scope);
      expect(u?.sections[1]?.practice).toEqual({
        answers: 1,
        wrong: 0,
        firstAnswers: 1,
        firstWrong: 0,
      });
    });
  });
}
