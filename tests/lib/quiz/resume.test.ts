import { describe, expect, it } from "vitest";
import { optionId, planRound, seeded } from "../../../src/lib/quiz/play.ts";
import { FINISHED, type QuizProgress, restoreProgress } from "../../../src/lib/quiz/resume.ts";
import type { BranchingItem, QuizItem } from "../../../src/lib/quiz/schema.ts";
import { practiceBanks } from "./practice-banks.ts";

const bank = practiceBanks.find((b) => b.section === 2) as { section: number; items: QuizItem[] };
const items = bank.items;
const choice = items.find((i) => i.type === "single") as Exclude<QuizItem, BranchingItem>;
const scenario = items.find((i) => i.type === "branching") as BranchingItem;
const rightOf = (item: Exclude<QuizItem, BranchingItem>) =>
  item.options.flatMap((o, i) => (o.correct ? [optionId(i)] : []));

function saved(overrides: Partial<QuizProgress> = {}): QuizProgress {
  const first = scenario.steps[0] as BranchingItem["steps"][number];
  return {
    version: 1,
    section: 2,
    registration: "4b6f1a0e-5c7d-4e8f-9a0b-1c2d3e4f5a6b",
    startedAt: "2026-11-25T09:00:00.000Z",
    layout: planRound(items, seeded(3)),
    mode: "one",
    index: 2,
    answers: { [choice.id]: { chosen: rightOf(choice), correct: false } },
    paths: { [scenario.id]: [{ step: first.id, option: 1, correct: true }] },
    ...overrides,
  };
}

// Round-trips through JSON, as the State document does.
const viaLrs = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe("resuming a practice round", () => {
  it("restores the layout, answers, scenario paths, position and run of a saved round", () => {
    const progress = restoreProgress(viaLrs(saved()), 2, items);
    expect(progress?.layout).toEqual(saved().layout);
    expect(progress?.index).toBe(2);
    expect(progress?.registration).toBe(saved().registration);
    expect(Object.keys(progress?.answers ?? {})).toEqual([choice.id]);
    expect(progress?.paths[scenario.id]).toHaveLength(1);
  });

  it("rescores from the bank instead of trusting the document", () => {
    const progress = restoreProgress(viaLrs(saved()), 2, items);
    expect(progress?.answers[choice.id]?.correct).toBe(true); // saved as false
    const first = scenario.steps[0] as BranchingItem["steps"][number];
    expect(progress?.paths[scenario.id]?.[0]?.correct).toBe(first.options[1]?.correct);
  });

  it("offers nothing when there is nothing to resume", () => {
    expect(restoreProgress(null, 2, items)).toBeNull();
    expect(restoreProgress(viaLrs(FINISHED), 2, items)).toBeNull();
    expect(restoreProgress(viaLrs(saved({ answers: {}, paths: {} })), 2, items)).toBeNull();
    const all = Object.fromEntries(
      items
        .filter((i) => i.type !== "branching")
        .map((i) => [i.id, { chosen: [optionId(0)], correct: false }]),
    );
    const walked = Object.fromEntries(
      items
        .filter((i): i is BranchingItem => i.type === "branching")
        .map((i) => {
          const decisions = [];
          let step = i.steps[0];
          while (step) {
            const o = step.options[0];
            decisions.push({ step: step.id, option: 0, correct: !!o?.correct });
            step = i.steps.find((s) => s.id === o?.next);
          }
          return [i.id, { chosen: [], decisions, correct: false }];
        }),
    );
    const finished = saved({ answers: { ...all, ...walked }, paths: {} });
    expect(restoreProgress(viaLrs(finished), 2, items)).toBeNull();
  });

  it("drops a round saved for another section or another version of the bank", () => {
    expect(restoreProgress(viaLrs(saved()), 3, items)).toBeNull();
    expect(restoreProgress(viaLrs(saved({ section: 3 })), 2, items)).toBeNull();
    expect(restoreProgress(viaLrs(saved()), 2, items.slice(1))).toBeNull();
    const shortOptions = saved();
    const entry = shortOptions.layout.find((l) => l.id === choice.id);
    if (entry) entry.options = entry.options.slice(1);
    expect(restoreProgress(viaLrs(shortOptions), 2, items)).toBeNull();
  });

  it("rejects answers and paths that do not fit the items", () => {
    const unknownOption = saved({ answers: { [choice.id]: { chosen: ["z"], correct: true } } });
    expect(restoreProgress(viaLrs(unknownOption), 2, items)).toBeNull();
    const twoForSingle = saved({
      answers: { [choice.id]: { chosen: ["a", "b"], correct: true } },
    });
    expect(restoreProgress(viaLrs(twoForSingle), 2, items)).toBeNull();
    const offPath = saved({
      paths: { [scenario.id]: [{ step: "no-such-step", option: 0, correct: true }] },
    });
    expect(restoreProgress(viaLrs(offPath), 2, items)).toBeNull();
    expect(restoreProgress(viaLrs({ ...saved(), startedAt: "yesterday" }), 2, items)).toBeNull();
  });

  it("keeps the position within the round", () => {
    expect(restoreProgress(viaLrs(saved({ index: 999 })), 2, items)?.index).toBe(items.length - 1);
    expect(restoreProgress(viaLrs(saved({ index: -4 })), 2, items)?.index).toBe(0);
  });
});
