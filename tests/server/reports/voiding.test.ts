// A voided statement leaves the reports in the voiding transaction, and what was derived from it
// follows: later attempt numbers, rest-of-attempt scores, first-try and first-learner flags.
// Expected figures are worked out by hand from the fixture (fixture.ts; reports.test.ts has the
// figures before voiding). Each case has its own database: it changes data.
import { describe, expect, it } from "vitest";
import type { Sql } from "../../../src/server/db/sql.ts";
import { clauseHeatmap, unitSections } from "../../../src/server/reports/heatmap.ts";
import { itemAnalysis } from "../../../src/server/reports/items.ts";
import { stuckLearners } from "../../../src/server/reports/queries.ts";
import { ReportProjection } from "../../../src/server/reports/store.ts";
import { transcript } from "../../../src/server/reports/transcript.ts";
import { databases } from "../helpers/databases.ts";
import { history, NOW, ORIGIN, PRACTICE } from "./fixture.ts";
import { load } from "./load.ts";

const scope = { units: ["U"], role: "learner" as const, now: NOW };

async function withHistory(
  database: (typeof databases)[number],
  run: (sql: Sql, projection: ReportProjection) => Promise<void>,
) {
  const { sql, close } = await load(database);
  try {
    const projection = new ReportProjection(sql, ORIGIN, { practice: PRACTICE });
    await projection.ingest(history());
    await run(sql, projection);
  } finally {
    await close();
  }
}

const ids = async (sql: Sql, where: string, params: string[] = []) =>
  (
    await sql.all<{ statement_id: string }>(
      `SELECT statement_id FROM learning_events WHERE ${where} ORDER BY ts`,
      params,
    )
  ).map((r) => r.statement_id);

for (const database of databases) {
  describe(`voiding on ${database.name}`, () => {
    it("forgets voided statements", async () => {
      await withHistory(database, async (sql, projection) => {
        expect((await stuckLearners(sql, scope)).total).toBe(1);
        const [lesson] = await ids(sql, "personnel_number = 'L3' AND kind = 'lesson'");
        await projection.forget([lesson ?? ""]);
        expect((await stuckLearners(sql, scope)).rows).toEqual([]);
      });
    });

    it("makes the next practice answer the first try, and keeps the learner counted", async () => {
      await withHistory(database, async (sql, projection) => {
        // L1's first answer to p02-gift (wrong); their second (right) becomes their first try.
        const [first] = await ids(sql, "personnel_number = 'L1' AND kind = 'quiz-item'");
        await projection.forget([first ?? ""]);
        const [heat] = await clauseHeatmap(sql, scope);
        expect(heat?.practice).toEqual({
          answers: 2,
          wrong: 0,
          firstAnswers: 2,
          firstWrong: 0,
          learners: 2,
        });
        const [u] = await unitSections(sql, scope);
        expect(u?.sections[1]?.practice).toEqual({
          answers: 2,
          wrong: 0,
          firstAnswers: 2,
          firstWrong: 0,
        });
      });
    });

    it("renumbers the later exam attempts when a whole attempt is voided", async () => {
      await withHistory(database, async (sql, projection) => {
        // L3's first attempt (failed, 30 days ago): the retake becomes the first of the cycle.
        const [registration] = (
          await sql.all<{ registration: string }>(
            "SELECT registration FROM learning_events WHERE personnel_number = 'L3' AND verb = 'failed' ORDER BY ts",
          )
        ).map((r) => r.registration);
        await projection.forget(await ids(sql, "registration = ?", [registration ?? ""]));
        expect((await transcript(sql, "L3", {})).exams.map((e) => e.attempt)).toEqual([1]);
        // First attempts now: L1 (1,1,1), L2 (1,0,1), L3's retake (1,0,1), L4 (1,1,0).
        const report = await itemAnalysis(sql, scope);
        expect(report.attemptsCounted).toBe(4);
        const byId = Object.fromEntries(report.items.map((i) => [i.itemId, i]));
        expect(byId["x02-i1"]).toMatchObject({ attempts: 4, facility: 1, discrimination: null });
        // x03-i2: x = 1,0,0,1; rest = 2,2,2,1: cov = −0.5, Σ(x−x̄)² = 1, Σ(X−X̄)² = 0.75.
        expect(byId["x03-i2"]?.facility).toBe(0.5);
        expect(byId["x03-i2"]?.discrimination).toBeCloseTo(-0.5 / Math.sqrt(0.75), 9);
        const heat = (await clauseHeatmap(sql, scope)).find((h) => h.clause === "2.13");
        expect(heat?.exam).toEqual({
          answers: 4,
          wrong: 0,
          firstAnswers: 4,
          firstWrong: 0,
          learners: 4,
        });
      });
    });

    it("recomputes the rest-of-attempt scores when one answer of an attempt is voided", async () => {
      await withHistory(database, async (sql, projection) => {
        // L1's right answer to x03-i2: the rest of L1's attempt drops from 2 to 1.
        const [answer] = await ids(sql, "personnel_number = 'L1' AND item_id = 'x03-i2'");
        await projection.forget([answer ?? ""]);
        const rest = await sql.all<{ item_id: string; rest: number }>(
          "SELECT item_id, rest FROM learning_events WHERE personnel_number = 'L1' AND kind = 'exam-item' ORDER BY item_id",
        );
        expect(rest.map((r) => [r.item_id, Number(r.rest)])).toEqual([
          ["x02-i1", 1],
          ["x04-i3", 1],
        ]);
        // x02-i1's rest scores are now 1, 1, 1, 1 (L1, L2, L3, L4): no variance, no D.
        const report = await itemAnalysis(sql, scope);
        expect(report.items.find((i) => i.itemId === "x02-i1")?.discrimination).toBeNull();
      });
    });
  });
}
