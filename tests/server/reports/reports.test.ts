// Report figures against a small history computed by hand (fixture.ts), on both databases.
// The read-only checks share one database; the test that changes data has its own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sql } from "../../../src/server/db/sql.ts";
import { clauseHeatmap, unitSections } from "../../../src/server/reports/heatmap.ts";
import { itemAnalysis } from "../../../src/server/reports/items.ts";
import { dueLearners, overview, stuckLearners } from "../../../src/server/reports/queries.ts";
import { ReportProjection } from "../../../src/server/reports/store.ts";
import { transcript } from "../../../src/server/reports/transcript.ts";
import { monthlyTrends } from "../../../src/server/reports/trends.ts";
import { databases } from "../helpers/databases.ts";
import { history, NOW, ORIGIN, PRACTICE, poison } from "./fixture.ts";
import { load } from "./load.ts";

const DAY = 86_400_000;

for (const database of databases) {
  describe(`reports on ${database.name} (hand-computed fixture)`, () => {
    let sql: Sql;
    let close: () => Promise<void>;
    const scope = {
      units: ["U"],
      role: "learner" as const,
      now: NOW,
      timeZone: "Asia/Almaty",
      validityDays: 365,
      dueSoonDays: 30,
    };

    beforeAll(async () => {
      ({ sql, close } = await load(database));
      const projection = new ReportProjection(sql, ORIGIN, { practice: PRACTICE });
      const statements = history();
      // Every poisoned statement is left out; a resend changes nothing.
      expect(await projection.ingest([...statements, ...poison()])).toBe(statements.length);
      expect(await projection.ingest(statements)).toBe(statements.length);
    });
    afterAll(async () => close());

    it("overview: completion, pass rate, average score, overdue and due soon", async () => {
      const [u, ...rest] = await overview(sql, scope, new Map([["U", "Unit U"]]));
      expect(rest).toEqual([]);
      expect(u).toMatchObject({ unit: "U", unitName: "Unit U", learners: 4, courseCompleted: 1 });
      expect(u?.lessonCompletion[0]).toBe(0.5); // L1 and L2 of 4
      expect(u?.lessonCompleted[0]).toBe(2);
      expect(u?.lessonCompletion[2]).toBe(0.25); // L1 only; L3 opened lesson 3 without finishing
      expect(u?.examAttempts).toBe(5);
      expect(u?.examPassRate).toBe(0.4); // L1 and L4; L2's forged pass does not count
      expect(u?.averageScore).toBeCloseTo((1 + 2 / 3 + 1 / 3 + 2 / 3 + 2 / 3) / 5, 9);
      expect(u?.overdue).toBe(2); // L2, L3 never passed
      expect(u?.dueSoon).toBe(1); // L4 passed 350 days ago
    });

    it("takes the validity and due-soon windows from the blueprint's figures", async () => {
      const [short] = await overview(sql, { ...scope, validityDays: 300, dueSoonDays: 30 });
      expect(short).toMatchObject({ overdue: 3, dueSoon: 0 }); // L4's pass has expired
      const [wide] = await overview(sql, { ...scope, validityDays: 365, dueSoonDays: 10 });
      expect(wide).toMatchObject({ overdue: 2, dueSoon: 0 }); // 15 days left is not "soon"
    });

    it("lists overdue and due-soon learners with contact details, a page at a time", async () => {
      const due = await dueLearners(sql, scope);
      expect(due.rows.map((d) => [d.personnelNumber, d.status])).toEqual([
        ["L2", "overdue"],
        ["L3", "overdue"],
        ["L4", "due-soon"],
      ]);
      expect(due.total).toBe(3);
      expect(due.rows[0]?.email).toBe("l2@police.kz");
      expect(due.rows[2]?.dueDate).toBe(new Date(NOW.getTime() + 15 * DAY).toISOString());
      const second = await dueLearners(sql, scope, { offset: 1, limit: 1 });
      expect(second).toMatchObject({ total: 3, offset: 1, limit: 1 });
      expect(second.rows.map((r) => r.personnelNumber)).toEqual(["L3"]);
      expect(await dueLearners(sql, scope, { offset: 10, limit: 5 })).toMatchObject({
        total: 3,
        rows: [],
      });
    });

    it("finds learners stuck on a lesson", async () => {
      const stuck = await stuckLearners(sql, scope);
      expect(stuck.rows.map((s) => [s.personnelNumber, s.section])).toEqual([["L3", 3]]);
      expect(stuck.rows[0]?.lastSeen).toBe(new Date(NOW.getTime() - 20 * DAY).toISOString());
    });

    it("item analysis: first attempts by default, Moodle's formulas, options and no response", async () => {
      const report = await itemAnalysis(sql, scope);
      expect(report).toMatchObject({ attempts: "first", attemptsCounted: 4, minResponses: 10 });
      const byId = Object.fromEntries(report.items.map((i) => [i.itemId, i]));
      expect(report.items.map((i) => i.attempts)).toEqual([4, 4, 4]);
      // x02-i1: x = 1,1,0,1; rest of the attempt = 2,1,1,1.
      expect(byId["x02-i1"]?.facility).toBe(0.75);
      expect(byId["x02-i1"]?.discrimination).toBeCloseTo(1 / 3, 9);
      expect(byId["x02-i1"]?.efficiency).toBeCloseTo(1, 9);
      // x03-i2: no correlation with the rest at all.
      expect(byId["x03-i2"]?.facility).toBe(0.5);
      expect(byId["x03-i2"]?.discrimination).toBeCloseTo(0, 9);
      // x04-i3: x = 1,1,1,0; rest = 2,1,0,2: negative.
      expect(byId["x04-i3"]?.discrimination).toBeCloseTo(-0.75 / Math.sqrt(0.75 * 2.75), 9);
      expect(byId["x04-i3"]?.efficiency).toBeCloseTo(-0.6, 9);
      // Too few responses to flag anything.
      expect(report.items.flatMap((i) => i.flags)).toEqual([]);
      expect(byId["x03-i2"]?.noResponse).toBe(1); // L3 left it unanswered
      // Without the pool (and for officers): letters and counts, no texts, no key.
      expect(byId["x03-i2"]?.options).toEqual([
        { label: "A", count: 2 },
        { label: "B", count: 1 },
      ]);
      expect(byId["x04-i3"]?.options).toEqual([
        { label: "A", count: 1 },
        { label: "C", count: 4 },
      ]);
    });

    it("item analysis of all attempts counts L3's retake as another attempt", async () => {
      const report = await itemAnalysis(sql, scope, { attempts: "all" });
      expect(report.attemptsCounted).toBe(5);
      const i1 = report.items.find((i) => i.itemId === "x02-i1");
      expect(i1?.attempts).toBe(5);
      expect(i1?.facility).toBe(0.8);
      expect(i1?.discrimination).toBeCloseTo(0.25, 9); // x = 1,1,0,1,1; rest = 2,1,1,1,1
    });

    it("gives item texts and the key only with `keys` (administrators), letters in bank order", async () => {
      const pool = [
        {
          id: "x03-i2",
          section: 3,
          clauses: ["3.2"],
          type: "single" as const,
          stem: "Stem of x03-i2",
          options: [
            { id: "a", text: "Right", correct: true },
            { id: "b", text: "Wrong", correct: false },
            { id: "c", text: "Also wrong", correct: false },
          ],
        },
      ];
      const admin = await itemAnalysis(sql, scope, { pool, keys: true });
      const item = admin.items.find((i) => i.itemId === "x03-i2");
      expect(admin.keys).toBe(true);
      expect(item).toMatchObject({ stem: "Stem of x03-i2", clauses: ["3.2"] });
      expect(item?.options).toEqual([
        { label: "A", text: "Right", correct: true, count: 2 },
        { label: "B", text: "Wrong", correct: false, count: 1 },
        { label: "C", text: "Also wrong", correct: false, count: 0 },
      ]);
      // An officer: the same counts, the pool's clauses, no stem, no texts, no key.
      const officer = await itemAnalysis(sql, scope, { pool });
      const seen = officer.items.find((i) => i.itemId === "x03-i2");
      expect(officer.keys).toBe(false);
      expect(seen).toMatchObject({ stem: null, clauses: ["3.2"] });
      expect(seen?.options).toEqual([
        { label: "A", count: 2 },
        { label: "B", count: 1 },
        { label: "C", count: 0 },
      ]);
      expect(JSON.stringify(officer)).not.toMatch(/Right|Wrong|correct/u);
    });

    it("clause heatmap: practice and exam apart, all and first answers, distinct learners", async () => {
      const heat = await clauseHeatmap(sql, scope);
      expect(heat.map((h) => h.clause)).toEqual(["2.13", "3.2", "4.1"]);
      expect(heat[0]).toEqual({
        clause: "2.13",
        section: 2,
        sectionLevel: false,
        practice: { answers: 3, wrong: 1, firstAnswers: 2, firstWrong: 1, learners: 2 },
        exam: { answers: 5, wrong: 1, firstAnswers: 4, firstWrong: 1, learners: 4 },
      });
      expect(heat[1]?.exam).toEqual({
        answers: 5,
        wrong: 3,
        firstAnswers: 4,
        firstWrong: 2,
        learners: 4,
      });
    });

    it("compares units by section, every unit in scope with its row", async () => {
      const units = await unitSections(sql, { ...scope, units: ["U", "X"] });
      expect(units.map((u) => u.unit)).toEqual(["U", "X"]);
      const [u, x] = units;
      expect(u?.sections[1]).toEqual({
        section: 2,
        practice: { answers: 3, wrong: 1, firstAnswers: 2, firstWrong: 1 },
        exam: { answers: 5, wrong: 1, firstAnswers: 4, firstWrong: 1 },
      });
      expect(u?.sections[2]?.exam).toEqual({
        answers: 5,
        wrong: 3,
        firstAnswers: 4,
        firstWrong: 2,
      });
      expect(x?.sections[1]?.exam).toEqual({
        answers: 1,
        wrong: 1,
        firstAnswers: 1,
        firstWrong: 1,
      });
      const empty = await unitSections(sql, { ...scope, units: ["U", "Z"] });
      expect(empty.map((e) => e.unit)).toEqual(["U", "Z"]);
      expect(empty[1]?.sections.every((s) => s.practice.answers + s.exam.answers === 0)).toBe(true);
    });

    it("counts a unit comparison within dates from the answers, the same as the kept totals", async () => {
      // No dates: the totals kept per person and section; a range holding everything: the
      // answers themselves. Both must give the hand-computed figures above.
      const f = { ...scope, units: ["U", "X"] };
      const kept = await unitSections(sql, f);
      const counted = await unitSections(sql, {
        ...f,
        from: "2000-01-01T00:00:00.000Z",
        to: "2100-01-01T00:00:00.000Z",
      });
      expect(counted).toEqual(kept);
      expect(kept[0]?.sections[1]?.practice.answers).toBe(3);
      // A range that leaves out the older answers counts fewer.
      const recent = await unitSections(sql, {
        ...f,
        from: new Date(NOW.getTime() - 45 * DAY).toISOString(),
      });
      const total = (u: (typeof kept)[number] | undefined) =>
        (u?.sections ?? []).reduce((n, s) => n + s.practice.answers + s.exam.answers, 0);
      expect(total(recent[0])).toBeLessThan(total(kept[0]));
    });

    it("monthly trends fill every month of the range, in the reports' time zone", async () => {
      const { months, omitted } = await monthlyTrends(sql, scope);
      expect(omitted).toBe(0);
      expect(months.map((m) => m.month)).toEqual([
        "2025-12",
        ...Array.from({ length: 11 }, (_, i) => `2026-${String(i + 1).padStart(2, "0")}`),
      ]);
      const at = (m: string) => months.find((t) => t.month === m);
      expect(at("2025-12")).toMatchObject({ examAttempts: 1, examPassed: 1, passRate: 1 });
      expect(at("2026-05")).toEqual({
        month: "2026-05",
        lessonCompletions: 0,
        lessonLearners: 0,
        courseCompletions: 0,
        examAttempts: 0,
        examPassed: 0,
        passRate: null,
      });
      expect(at("2026-10")).toMatchObject({
        lessonCompletions: 11,
        lessonLearners: 1,
        courseCompletions: 1,
        examAttempts: 2,
        examPassed: 0,
      });
      expect(at("2026-11")).toMatchObject({
        lessonCompletions: 2,
        lessonLearners: 1,
        courseCompletions: 0,
        examAttempts: 2,
        passRate: 0.5,
      });
    });

    it("applies the date range", async () => {
      const recent = await overview(sql, {
        ...scope,
        from: new Date(NOW.getTime() - 7 * DAY).toISOString(),
      });
      expect(recent[0]?.examAttempts).toBe(1);
      const { months } = await monthlyTrends(sql, {
        ...scope,
        from: "2026-09-30T19:00:00.000Z", // 1 October, midnight in Almaty
        to: "2026-10-31T19:00:00.000Z",
      });
      expect(months.map((m) => m.month)).toEqual(["2026-10"]);
    });

    it("builds a learner's transcript: lessons, quiz completions, one row per exam attempt", async () => {
      const l2 = await transcript(sql, "L2", {});
      expect(l2.lessons).toEqual([
        {
          section: 1,
          firstOpened: expect.any(String),
          completed: expect.any(String),
          durationMs: 30_000,
        },
        {
          section: 2,
          firstOpened: expect.any(String),
          completed: expect.any(String),
          durationMs: 30_000,
        },
      ]);
      expect(l2.quizzes).toEqual([
        {
          section: 2,
          completedAt: expect.any(String),
          scaled: 1,
          success: true,
          durationMs: 65_000,
        },
      ]);
      expect(l2.exams).toEqual([
        {
          registration: expect.any(String),
          attempt: 1,
          startedAt: new Date(NOW.getTime() - 5 * DAY - 750_000).toISOString(),
          endedAt: new Date(NOW.getTime() - 5 * DAY).toISOString(),
          scaled: 2 / 3,
          passed: false,
          durationMs: 750_000,
        },
      ]);
      const l3 = await transcript(sql, "L3", {});
      expect(l3.exams.map((e) => [e.attempt, e.passed])).toEqual([
        [1, false],
        [2, false],
      ]);
      const lately = await transcript(sql, "L3", {
        from: new Date(NOW.getTime() - 29 * DAY).toISOString(),
      });
      expect(lately.exams.map((e) => e.attempt)).toEqual([2]);
    });
  });
}
