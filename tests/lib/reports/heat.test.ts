import { describe, expect, it } from "vitest";
import {
  contrastRatio,
  focusClauses,
  HEAT_COLOURS,
  HEAT_TEXT,
  heatClass,
  heatValue,
  MIN_ANSWERS,
  quantileBreaks,
  wilson,
} from "../../../src/lib/reports/heat.ts";
import type { ClauseHeat } from "../../../src/lib/reports/types.ts";

const heat = (clause: string, answers: number, wrong: number, first = answers): ClauseHeat => ({
  clause,
  section: Number(clause.split(".")[0]),
  sectionLevel: !clause.includes("."),
  practice: {
    answers,
    wrong,
    firstAnswers: first,
    firstWrong: Math.min(wrong, first),
    learners: first,
  },
  exam: { answers: 0, wrong: 0, firstAnswers: 0, firstWrong: 0, learners: 0 },
});

describe("heat colours", () => {
  it("keep every text colour at WCAG AA contrast on its cell", () => {
    HEAT_COLOURS.forEach((bg, k) => {
      expect(contrastRatio(HEAT_TEXT[k] ?? "", bg), bg).toBeGreaterThanOrEqual(4.5);
    });
  });

  it("spread narrow real rates (12–42 %) over all five classes", () => {
    const rates = [0.12, 0.15, 0.18, 0.2, 0.22, 0.25, 0.28, 0.31, 0.35, 0.42];
    const breaks = quantileBreaks(rates);
    expect(breaks).toHaveLength(4);
    expect(new Set(rates.map((r) => heatClass(r, breaks)))).toEqual(new Set([0, 1, 2, 3, 4]));
    expect(heatClass(0.12, breaks)).toBe(0);
    expect(heatClass(0.42, breaks)).toBe(4);
  });
});

describe("rates and confidence", () => {
  it("computes the Wilson interval", () => {
    const { low, high } = wilson(10, 50);
    expect(low).toBeCloseTo(0.1124, 3);
    expect(high).toBeCloseTo(0.3304, 3);
    expect(wilson(0, 0)).toEqual({ low: 0, high: 1 });
  });

  it("suppresses rates with fewer than MIN_ANSWERS answers and uses first tries on request", () => {
    expect(heatValue(heat("2.1", MIN_ANSWERS - 1, 5), "practice", false).rate).toBeNull();
    expect(heatValue(heat("2.1", 40, 10, 20), "practice", false).rate).toBe(0.25);
    expect(heatValue(heat("2.1", 40, 10, 20), "practice", true)).toMatchObject({
      answers: 20,
      wrong: 10,
      rate: 0.5,
    });
    expect(heatValue(heat("2.1", 40, 10), "exam", false)).toMatchObject({ answers: 0, rate: null });
  });

  it("ranks the clauses to focus on by the lower end of the interval, leaving thin evidence out", () => {
    const list = focusClauses(
      [heat("2.1", 400, 160), heat("2.2", 25, 12), heat("2.3", 5, 5), heat("2.4", 300, 30)],
      "practice",
      false,
    );
    // 2.2 has the higher rate (48 %) but over 25 answers its interval starts lower than 2.1's.
    expect(list.map((c) => c.clause)).toEqual(["2.1", "2.2", "2.4"]);
  });
});
