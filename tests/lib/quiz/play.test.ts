import { describe, expect, it } from "vitest";
import {
  branchResponse,
  branchState,
  type ItemLayout,
  isCorrect,
  planRound,
  rightPaths,
  seeded,
  shuffled,
  stepOrder,
} from "../../../src/lib/quiz/play.ts";
import type { BranchingItem, QuizItem } from "../../../src/lib/quiz/schema.ts";
import { practiceItems } from "./practice-banks.ts";

const option = (text: string, correct: boolean, next?: string) => ({
  text,
  correct,
  feedback: "…",
  ...(next ? { next } : {}),
});
const multiple: QuizItem = {
  id: "p02-select",
  section: 2,
  type: "multiple",
  clauses: ["2.5", "2.6"],
  difficulty: 2,
  stem: "Қайсысы дұрыс?",
  explanation: "2.5-тармақ",
  options: [option("бір", true), option("екі", false), option("үш", true)],
};
const scenario: BranchingItem = {
  id: "p10-dacha",
  section: 10,
  type: "branching",
  clauses: ["10.2"],
  difficulty: 3,
  stem: "Бастық саяжайын бояуды өтінді.",
  explanation: "10.2-тармақ",
  steps: [
    {
      id: "start",
      prompt: "Не істейсіз?",
      options: [option("бас тартамын", true, "report"), option("келісемін", false, "report")],
    },
    {
      id: "report",
      prompt: "Кейін?",
      options: [option("баяндаймын", true), option("үндемеймін", false)],
    },
  ],
};

describe("quiz mechanics", () => {
  it("scores a select-all item only when exactly the right options are chosen", () => {
    expect(isCorrect(multiple as Exclude<QuizItem, BranchingItem>, ["c", "a"])).toBe(true);
    expect(isCorrect(multiple as Exclude<QuizItem, BranchingItem>, ["a"])).toBe(false);
    expect(isCorrect(multiple as Exclude<QuizItem, BranchingItem>, ["a", "b", "c"])).toBe(false);
  });

  it("shuffles reproducibly per seed and keeps every element", () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    expect(shuffled(items, seeded(7))).toEqual(shuffled(items, seeded(7)));
    expect(shuffled(items, seeded(7))).not.toEqual(shuffled(items, seeded(8)));
    expect([...shuffled(items, seeded(7))].sort()).toEqual(items);
  });

  it("walks a branching scenario step by step to its end", () => {
    expect(branchState(scenario, []).step?.id).toBe("start");
    const afterOne = branchState(scenario, [{ step: "start", option: 1, correct: false }]);
    expect(afterOne.step?.id).toBe("report");
    const done = branchState(scenario, [
      { step: "start", option: 1, correct: false },
      { step: "report", option: 0, correct: true },
    ]);
    expect(done).toMatchObject({ finished: true, success: false });
    expect(
      branchState(scenario, [
        { step: "start", option: 0, correct: true },
        { step: "report", option: 0, correct: true },
      ]).success,
    ).toBe(true);
  });

  it("knows the all-right path of a scenario, in the form of a response", () => {
    expect(rightPaths(scenario)).toEqual(["start.a[,]report.a"]);
    expect(
      branchResponse([
        { step: "start", option: 0, correct: true },
        { step: "report", option: 0, correct: true },
      ]),
    ).toBe(rightPaths(scenario)[0]);
    for (const item of practiceItems)
      if (item.type === "branching") expect(rightPaths(item), item.id).toHaveLength(1);
  });
});

describe("a round's layout", () => {
  const isPermutationOf = (order: number[], n: number) =>
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));

  it("holds every item once, each with a permutation of its options or of each step's", () => {
    const plan = planRound(practiceItems, seeded(1));
    expect(plan.map((p) => p.id).sort()).toEqual(practiceItems.map((i) => i.id).sort());
    for (const layout of plan) {
      const item = practiceItems.find((i) => i.id === layout.id) as QuizItem;
      if (item.type === "branching") {
        expect(layout.options).toEqual([]);
        for (const step of item.steps)
          isPermutationOf(layout.steps[step.id] ?? [], step.options.length);
      } else isPermutationOf(layout.options, item.options.length);
    }
  });

  it("is shuffled already in the first round, and differently in the next", () => {
    const random = seeded(42);
    const first = planRound(practiceItems, random);
    const second = planRound(practiceItems, random);
    expect(first.map((p) => p.id)).not.toEqual(practiceItems.map((i) => i.id));
    expect(second.map((p) => p.id)).not.toEqual(first.map((p) => p.id));
    expect(planRound(practiceItems, seeded(42))).toEqual(first); // reproducible per seed
    const options = first.filter((p) => p.options.length > 0);
    expect(options.some((p) => p.options.some((o, i) => o !== i))).toBe(true);
    const steps = first.flatMap((p) => Object.values(p.steps));
    expect(steps.some((order) => order.some((o, i) => o !== i))).toBe(true);
  });

  // The banks list the right answer first for most single items and scenario steps and the
  // right verdict second for judgements: a fixed position must not be a way to pass.
  it("gives no position strategy: always picking the first (or last) option scores about 1 in n", () => {
    const random = seeded(2026);
    const rates: Record<string, { right: number; total: number }> = {};
    const count = (kind: string, ok: boolean) => {
      const r = rates[kind] ?? { right: 0, total: 0 };
      rates[kind] = r;
      r.total++;
      if (ok) r.right++;
    };
    for (let round = 0; round < 40; round++) {
      for (const layout of planRound(practiceItems, random)) {
        const item = practiceItems.find((i) => i.id === layout.id) as QuizItem;
        for (const at of ["first", "last"] as const) {
          const pick = (order: number[]) => (at === "first" ? order[0] : order.at(-1)) ?? -1;
          if (item.type === "branching") {
            for (const step of item.steps)
              count(`step/${at}`, !!step.options[pick(stepOrder(layout, step))]?.correct);
          } else if (item.type !== "multiple") {
            count(`${item.type}/${at}`, !!item.options[pick(layout.options)]?.correct);
          }
        }
      }
    }
    for (const [kind, { right, total }] of Object.entries(rates)) {
      expect(total, kind).toBeGreaterThan(300);
      expect(right / total, kind).toBeGreaterThan(0.15);
      expect(right / total, kind).toBeLessThan(0.7);
    }
  });

  it("falls back to bank order for a step the layout does not know", () => {
    const step = scenario.steps[0] as BranchingItem["steps"][number];
    const layout: ItemLayout = { id: scenario.id, options: [], steps: { start: [1, 0] } };
    expect(stepOrder(layout, step)).toEqual([1, 0]);
    expect(stepOrder({ ...layout, steps: { start: [1, 1] } }, step)).toEqual([0, 1]);
    expect(stepOrder(undefined, step)).toEqual([0, 1]);
  });
});
