import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountMigrations } from "../../../src/server/accounts/schema.ts";
import { AccountStore } from "../../../src/server/accounts/store.ts";
import { migrate } from "../../../src/server/db/migrate.ts";
import type { Sql } from "../../../src/server/db/sql.ts";
import {
  clauseHeatmap,
  itemAnalysis,
  monthlyTrends,
  transcript,
} from "../../../src/server/reports/analysis.ts";
import { dueLearners, overview, stuckLearners } from "../../../src/server/reports/queries.ts";
import { reportMigrations } from "../../../src/server/reports/schema.ts";
import { ReportProjection } from "../../../src/server/reports/store.ts";
import { databases } from "../helpers/databases.ts";
import { history, NOW, ORIGIN } from "./fixture.ts";

for (const database of databases) {
  describe(`reports on ${database.name} (hand-computed fixture)`, () => {
    let sql: Sql;
    let close: () => Promise<void>;
    const scope = { units: ["U"], role: "learner" as const, now: NOW };

    beforeAll(async () => {
      ({ sql, close } = await database.open());
      await migrate(sql, "accounts", accountMigrations);
      await migrate(sql, "reports", reportMigrations);
      const accounts = new AccountStore(sql);
      await accounts.addUnit({ code: "U", name: "U", parentCode: null });
      await accounts.addUnit({ code: "X", name: "X", parentCode: null });
      await accounts.createUsers(
        ["L1", "L2", "L3", "L4", "L5", "OFF"].map((n) => ({
          personnelNumber: n,
          fullName: `Person ${n}`,
          unitCode: n === "L5" ? "X" : "U",
          role: n === "OFF" ? ("officer" as const) : ("learner" as const),
          email: n === "L2" ? "l2@police.kz" : null,
          passwordHash: "x",
          mustChangePassword: false,
        })),
        NOW,
      );
      const projection = new ReportProjection(sql, ORIGIN);
      const statements = history();
      expect(await projection.ingest(statements)).toBe(statements.length - 1);
      await projection.ingest(statements); // a resend changes nothing
    });
    afterAll(async () => close());

    it("overview: completion, pass rate, average score, overdue and due soon", async () => {
      const [u, ...rest] = await overview(sql, scope);
      expect(rest).toEqual([]);
      expect(u?.learners).toBe(4);
      expect(u?.lessonCompletion[0]).toBe(0.5); // L1 and L2 of 4
      expect(u?.lessonCompletion[2]).toBe(0.25); // L1 only; L3 opened lesson 3 without finishing
      expect(u?.courseCompleted).toBe(1);
      expect(u?.examAttempts).toBe(4);
      expect(u?.examPassRate).toBe(0.5);
      expect(u?.averageScore).toBeCloseTo((1 + 2 / 3 + 1 / 3 + 2 / 3) / 4, 6);
      expect(u?.overdue).toBe(2); // L2, L3 never passed
      expect(u?.dueSoon).toBe(1); // L4 passed 350 days ago
    });

    it("lists overdue and due-soon learners with contact details", async () => {
      const due = await dueLearners(sql, scope);
      expect(due.map((d) => [d.personnelNumber, d.status])).toEqual([
        ["L2", "overdue"],
        ["L3", "overdue"],
        ["L4", "due-soon"],
      ]);
      expect(due.find((d) => d.personnelNumber === "L2")?.email).toBe("l2@police.kz");
      expect(due.find((d) => d.personnelNumber === "L4")?.dueDate).toBe(
        new Date(NOW.getTime() + 15 * 86_400_000).toISOString(),
      );
    });

    it("finds learners stuck on a lesson", async () => {
      expect((await stuckLearners(sql, scope)).map((s) => [s.personnelNumber, s.section])).toEqual([
        ["L3", 3],
      ]);
    });

    it("item analysis: facility, discrimination, options and flags", async () => {
      const items = await itemAnalysis(sql, scope);
      const byId = Object.fromEntries(items.map((i) => [i.itemId, i]));
      expect(items.map((i) => i.attempts)).toEqual([4, 4, 4]);
      expect(byId["x02-i1"]?.facility).toBe(0.75);
      expect(byId["x03-i2"]?.facility).toBe(0.5);
      expect(byId["x02-i1"]?.discrimination).toBeCloseTo(1 / 3, 6);
      expect(byId["x04-i3"]?.discrimination).toBeCloseTo(-0.1875 / Math.sqrt(0.1875 * 0.6875), 6);
      expect(byId["x04-i3"]?.flags).toEqual(["negative-discrimination"]);
      expect(byId["x04-i3"]?.options).toEqual({ a: 1, c: 4 });
      expect(byId["x02-i1"]?.options).toEqual({ a: 1, b: 3 });
    });

    it("clause heatmap: wrong answers per clause across practice and exam, worst first", async () => {
      const heat = await clauseHeatmap(sql, scope);
      expect(heat.map((h) => h.clause)).toEqual(["3.2", "2.13", "4.1"]);
      expect(heat[1]).toEqual({
        clause: "2.13",
        practiceAnswers: 2,
        practiceWrong: 1,
        examAnswers: 4,
        examWrong: 1,
        learnersWrong: 2,
        wrongRate: 2 / 6,
      });
    });

    it("monthly trends and the date filter", async () => {
      const trends = await monthlyTrends(sql, scope);
      const november = trends.find((t) => t.month === "2026-11");
      expect(november).toMatchObject({
        lessonCompletions: 2,
        examAttempts: 2,
        examPassed: 1,
        passRate: 0.5,
      });
      const recent = await overview(sql, {
        ...scope,
        from: new Date(NOW.getTime() - 7 * 86_400_000).toISOString(),
      });
      expect(recent[0]?.examAttempts).toBe(1);
    });

    it("builds a learner's transcript from their statements", async () => {
      const entries = await transcript(sql, "L2");
      expect(entries[0]).toMatchObject({ kind: "lesson", verb: "completed" });
      expect(entries.find((e) => e.kind === "exam")).toMatchObject({
        verb: "failed",
        durationMs: 750_000,
        scaled: 2 / 3,
      });
      expect(entries.filter((e) => e.kind === "lesson")).toHaveLength(4);
    });

    it("forgets voided statements", async () => {
      const projection = new ReportProjection(sql, ORIGIN);
      const [row] = await sql.all<{ statement_id: string }>(
        "SELECT statement_id FROM learning_events WHERE personnel_number = 'L3' AND kind = 'lesson'",
      );
      await projection.forget([row?.statement_id ?? ""]);
      expect(await stuckLearners(sql, scope)).toEqual([]);
    });
  });
}
