// The product's own exam pool and blueprint (quizzes/exam/) must be able to draw attempts, and
// the loader takes banks for any section 1–11, leaving branching scenarios out on purpose.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { drawItems, seededRandom } from "../../../src/server/exam/draw.ts";
import { loadBlueprint, loadExamPool } from "../../../src/server/exam/pool.ts";
import { clauseCounts as readClauseCounts } from "../../../src/server/platform/standards.ts";

const pool = loadExamPool("quizzes/exam");
const blueprint = loadBlueprint("quizzes/exam");
const clauseCounts = readClauseCounts();

describe("the exam pool in quizzes/exam", () => {
  it("draws the blueprint's number of distinct items, every required section represented", () => {
    const poolSections = new Set(pool.map((i) => i.section));
    for (let seed = 1; seed <= 50; seed++) {
      const items = drawItems(pool, blueprint, clauseCounts, seededRandom(seed));
      expect(items).toHaveLength(blueprint.items);
      expect(new Set(items.map((i) => i.id)).size).toBe(blueprint.items);
      const drawn = new Set(items.map((i) => i.section));
      for (const s of blueprint.sections) expect(drawn.has(s), `section ${s}`).toBe(true);
      for (const s of drawn) expect(poolSections.has(s)).toBe(true);
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

  it("counts sections 1 and 11 (one unnumbered clause each) as one clause for the weights", () => {
    expect(clauseCounts.get(1)).toBe(1);
    expect(clauseCounts.get(11)).toBe(1);
    expect(clauseCounts.get(2)).toBe(22);
  });
});

describe("the browser tests' fixture pool", () => {
  it("does not put the right option first in most single-choice items", () => {
    const singles = loadExamPool("tests/fixtures/quizzes/exam").filter((i) => i.type === "single");
    const first = singles.filter((i) => i.options[0]?.correct).length;
    expect(singles.length).toBeGreaterThan(5);
    expect(first / singles.length).toBeLessThanOrEqual(0.4);
  });
});

function bank(section: number, items: object[]) {
  return stringify({ section, items });
}

const option = (text: string, correct: boolean) => ({
  text,
  correct,
  feedback: `${correct ? "Дұрыс" : "Қате"}: ${section2}-тармақ.`,
});
const section2 = "2.1";

function choice(id: string, section: number, clauses: string[]) {
  return {
    id,
    section,
    type: "single",
    clauses,
    difficulty: 1,
    stem: `Жағдай ${id}: қызметкер не істеуі керек?`,
    options: [
      option("Бірінші жауап", false),
      option("Екінші жауап", true),
      option("Үшінші", false),
    ],
    explanation: "Түсініктеме.",
  };
}

describe("loadExamPool", () => {
  it("accepts banks for sections 1 and 11 and leaves branching scenarios out, saying so", () => {
    const dir = mkdtempSync(join(tmpdir(), "adal-pool-"));
    writeFileSync(join(dir, "01-maqsaty.yaml"), bank(1, [choice("x01-purpose", 1, ["1"])]));
    writeFileSync(join(dir, "11-jauapkershilik.yaml"), bank(11, [choice("x11-duty", 11, ["11"])]));
    const scenario = {
      id: "x02-scenario",
      section: 2,
      type: "branching",
      clauses: ["2.1"],
      difficulty: 2,
      stem: "Сценарий: азамат сыйлық әкелді.",
      explanation: "Түсініктеме.",
      steps: [
        {
          id: "start",
          prompt: "Не істейсіз?",
          options: [
            { ...option("Бас тартамын", true), next: "end" },
            { ...option("Аламын", false), next: "end" },
          ],
        },
        {
          id: "end",
          prompt: "Кейін не істейсіз?",
          options: [option("Баяндаймын", true), option("Үндемеймін", false)],
        },
      ],
    };
    writeFileSync(
      join(dir, "02-kundelikti.yaml"),
      bank(2, [choice("x02-gift", 2, ["2.1"]), scenario]),
    );
    const skipped: string[] = [];
    const loaded = loadExamPool(dir, { onSkip: (id) => skipped.push(id) });
    expect(loaded.map((i) => [i.id, i.section])).toEqual([
      ["x01-purpose", 1],
      ["x02-gift", 2],
      ["x11-duty", 11],
    ]);
    expect(skipped).toEqual(["x02-scenario"]);
    // Bank option ids stay positional on the server only.
    expect(loaded[0]?.options.map((o) => o.id)).toEqual(["a", "b", "c"]);
  });

  it("refuses a bank whose file name, section and items disagree, or a repeated id", () => {
    const dir = mkdtempSync(join(tmpdir(), "adal-pool-"));
    writeFileSync(join(dir, "03-qyzmet.yaml"), bank(4, [choice("x04-a", 4, ["4.1"])]));
    expect(() => loadExamPool(dir)).toThrow(/file name says section 3, the bank 4/u);
    const other = mkdtempSync(join(tmpdir(), "adal-pool-"));
    writeFileSync(join(other, "04-a.yaml"), bank(4, [choice("x05-a", 5, ["5.1"])]));
    expect(() => loadExamPool(other)).toThrow(/item x05-a is in section 5, the bank in 4/u);
    const twice = mkdtempSync(join(tmpdir(), "adal-pool-"));
    writeFileSync(join(twice, "04-a.yaml"), bank(4, [choice("x04-a", 4, ["4.1"])]));
    writeFileSync(join(twice, "04-b.yaml"), bank(4, [choice("x04-a", 4, ["4.2"])]));
    expect(() => loadExamPool(twice)).toThrow(/x04-a appears twice/u);
  });
});
