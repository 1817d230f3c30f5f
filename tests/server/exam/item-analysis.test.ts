// Distractor analysis of real graded attempts: the xAPI record carries each attempt's random
// option ids, so the reports must count answers by the bank's own options (exam_item_answers),
// or every answer would be an option of its own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { itemAnalysis } from "../../../src/server/reports/items.ts";
import { databases } from "../helpers/databases.ts";
import { examSetup, POOL, T0, type View } from "./setup.ts";

const people = ["100001", "100002", "100003", "100004"];

for (const database of databases) {
  describe(`item analysis of graded attempts (${database.name})`, () => {
    let t: Awaited<ReturnType<typeof examSetup>>;
    /** Per item, how many learners chose each bank option. */
    const expected = new Map<string, Map<string, number>>();

    beforeAll(async () => {
      t = await examSetup(database, { people });
      for (const [n, person] of people.entries()) {
        const cookie = await t.session(person);
        const view: View = await t.start(cookie);
        for (const item of view.items) {
          // Learners 1 and 2 choose the key, 3 and 4 the first wrong option shown.
          const option = n < 2 ? t.keyOf(item) : t.wrongOf(item);
          const text = item.options.find((o) => o.id === option)?.text;
          const bank = POOL.find((p) => p.id === item.id)?.options.find((o) => o.text === text);
          const counts = expected.get(item.id) ?? new Map<string, number>();
          counts.set(bank?.id ?? "?", (counts.get(bank?.id ?? "?") ?? 0) + 1);
          expected.set(item.id, counts);
          expect((await t.answer(cookie, view, item, option)).status).toBe(204);
        }
        const submitted = await t.call(`/exam/attempts/${view.id}/submit`, cookie, "POST");
        expect(submitted.status).toBe(200);
      }
    }, 120_000);
    afterAll(async () => t.close());

    it("counts each answer under the bank option chosen, never under a per-attempt id", async () => {
      const report = await itemAnalysis(
        t.db.sql,
        { units: ["DP"], now: new Date(T0 + 3_600_000) },
        { pool: POOL, keys: true },
      );
      expect(report.items.length).toBeGreaterThan(0);
      let checked = 0;
      for (const item of report.items) {
        const want = expected.get(item.itemId);
        if (!want) continue;
        for (const option of item.options) {
          // Only the bank's own options: a per-attempt id would come with no text.
          // Bank option ids are a, b, c… by position; the report labels them A, B, C….
          const id = option.label.toLowerCase();
          expect(option.text, `${item.itemId} ${id}`).not.toBeNull();
          expect(option.count, `${item.itemId} ${id}`).toBe(want.get(id) ?? 0);
        }
        expect(item.options.filter((o) => o.correct).map((o) => o.count)).toEqual([
          want.get(
            POOL.find((p) => p.id === item.itemId)?.options.find((o) => o.correct)?.id ?? "",
          ) ?? 0,
        ]);
        checked++;
      }
      expect(checked).toBe(report.items.length);
    });
  });
}
