// The product's own exam pool and blueprint (quizzes/exam/) must be able to draw attempts:
// every blueprint section supplied, the clause-weighted share of each section met by its pool.
import { describe, expect, it } from "vitest";
import { drawItems, seededRandom } from "../../../src/server/exam/draw.ts";
import { loadBlueprint, loadExamPool } from "../../../src/server/exam/pool.ts";
import { clauseCounts as readClauseCounts } from "../../../src/server/platform/standards.ts";

const pool = loadExamPool("quizzes/exam");
const blueprint = loadBlueprint("quizzes/exam");
const clauseCounts = readClauseCounts();

describe("the exam pool in quizzes/exam", () => {
  it("draws the blueprint's number of distinct items, every section represented", () => {
    for (let seed = 1; seed <= 50; seed++) {
      const items = drawItems(pool, blueprint, clauseCounts, seededRandom(seed));
      expect(items).toHaveLength(blueprint.items);
      expect(new Set(items.map((i) => i.id)).size).toBe(blueprint.items);
      expect(new Set(items.map((i) => i.section))).toEqual(new Set(blueprint.sections));
    }
  });

  it("gives section 2, which has the most clauses, the largest share", () => {
    const items = drawItems(pool, blueprint, clauseCounts, seededRandom(7));
    const perSection = (s: number) => items.filter((i) => i.section === s).length;
    for (const s of blueprint.sections) expect(perSection(2)).toBeGreaterThanOrEqual(perSection(s));
  });

  it("every item has at least one right and one wrong option", () => {
    for (const item of pool) {
      const correct = item.options.filter((o) => o.correct).length;
      expect(correct, item.id).toBeGreaterThanOrEqual(1);
      expect(correct, item.id).toBeLessThan(item.options.length);
    }
  });
});
