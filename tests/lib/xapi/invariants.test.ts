// Invariants of the interaction statements over every item of both pools. The project's own
// statement validator does not parse correctResponsesPattern, so this checks it: every id in a
// choice pattern or response is one of the interaction's choices, a true-false pattern and
// response are "true" or "false", and a scenario's pattern and responses name real steps and
// options along a path the bank allows. Exam items never leave the server with their keys, but
// the same builders must hold for them, since the banks share one schema.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readBanks, YAML_FILE } from "../../../src/lib/quiz/bank-file.ts";
import { type BranchDecision, branchState, optionId } from "../../../src/lib/quiz/play.ts";
import type { BranchingItem, QuizItem } from "../../../src/lib/quiz/schema.ts";
import {
  answeredStatement,
  decisionStatement,
  replayScenario,
  scenarioStatement,
} from "../../../src/lib/xapi/quiz.ts";

type ChoiceItem = Exclude<QuizItem, BranchingItem>;

function bankItems(kind: "practice" | "exam"): QuizItem[] {
  const dir = join("quizzes", kind);
  const read = readBanks(
    readdirSync(dir)
      .filter((f) => YAML_FILE.test(f))
      .map((f) => ({ file: join(dir, f), kind, text: readFileSync(join(dir, f), "utf8") })),
  );
  expect(read.problems).toEqual([]);
  return read.files.flatMap((f) => f.bank.items);
}

const items = [...bankItems("practice"), ...bankItems("exam")];
const origin = "https://adal.test";
const common = {
  id: "0b8f6c1e-3f1a-4c9e-9d6f-000000000001",
  actor: { objectType: "Agent" as const, account: { homePage: origin, name: "100001" } },
  origin,
  timestamp: "2026-11-25T09:00:00.000Z",
};

/** Every non-empty subset of option ids (at most 7 options: 127 subsets). */
function answers(ids: string[]): string[][] {
  const out: string[][] = [];
  for (let mask = 1; mask < 1 << ids.length; mask++)
    out.push(ids.filter((_, i) => mask & (1 << i)));
  return out;
}

/** Every walk through a scenario from its first step to an end. */
function paths(item: BranchingItem): BranchDecision[][] {
  const out: BranchDecision[][] = [];
  const go = (decisions: BranchDecision[]) => {
    const { step, finished } = branchState(item, decisions);
    if (finished || !step) {
      out.push(decisions);
      return;
    }
    step.options.forEach((o, i) => {
      go([...decisions, { step: step.id, option: i, correct: o.correct }]);
    });
  };
  go([]);
  return out;
}

describe("interaction statements of every bank item", () => {
  it("covers both pools", () => {
    expect(items.filter((i) => i.id.startsWith("p")).length).toBeGreaterThan(100);
    expect(items.filter((i) => i.id.startsWith("x")).length).toBeGreaterThan(100);
  });

  for (const item of items) {
    if (item.type === "branching") {
      it(`${item.id}: every decision and every path stays within the steps' options`, () => {
        const all = paths(item);
        expect(all.length).toBeGreaterThan(1);
        for (const step of item.steps)
          step.options.forEach((_, option) => {
            const s = decisionStatement({ ...common, item, step, option });
            const choices = s.object.definition.choices.map((c) => c.id);
            expect(choices).toEqual(step.options.map((_, i) => optionId(i)));
            expect(s.object.definition.correctResponsesPattern).toHaveLength(1);
            for (const p of s.object.definition.correctResponsesPattern)
              expect(choices).toContain(p);
            expect(choices).toContain(s.result.response);
          });
        const ids = (stepId: string) =>
          (item.steps.find((s) => s.id === stepId)?.options ?? []).map((_, i) => optionId(i));
        const validPair = (pair: string) => {
          const [stepId, id] = pair.split(".");
          const step = item.steps.find((s) => s.id === stepId);
          return !!step && step.options.some((_, i) => optionId(i) === id);
        };
        for (const decisions of all) {
          const s = scenarioStatement({ ...common, item, decisions });
          const [pattern] = s.object.definition.correctResponsesPattern;
          for (const response of [pattern ?? "", s.result.response]) {
            const pairs = response.split("[,]");
            expect(pairs.every(validPair), `${item.id}: ${response}`).toBe(true);
            // A pattern or response is a walk the bank allows, from the first step to an end.
            const replayed = replayScenario(
              item,
              pairs.map((p) => {
                const [step = "", id = ""] = p.split(".");
                return { step, option: ids(step).indexOf(id) };
              }),
            );
            expect(replayed).toHaveLength(pairs.length);
          }
        }
      });
      continue;
    }
    it(`${item.id}: pattern and every possible response are within the choices`, () => {
      const choiceItem = item as ChoiceItem;
      const ids = choiceItem.options.map((_, i) => optionId(i));
      const possible =
        choiceItem.type === "multiple" ? answers(ids) : ids.map((id) => [id] as string[]);
      for (const chosen of possible) {
        const s = answeredStatement({ ...common, item: choiceItem, chosen, success: false });
        const { definition } = s.object;
        if (choiceItem.type === "judgement") {
          expect(definition.interactionType).toBe("true-false");
          expect("choices" in definition).toBe(false);
          expect(definition.correctResponsesPattern).toHaveLength(1);
          expect(["true", "false"]).toContain(definition.correctResponsesPattern[0]);
          expect(["true", "false"]).toContain(s.result.response);
          continue;
        }
        if (!("choices" in definition)) throw new Error(`${item.id}: no choices`);
        const choices = definition.choices.map((c) => c.id);
        expect(choices).toEqual(ids);
        expect(definition.correctResponsesPattern).toHaveLength(1);
        const key = (definition.correctResponsesPattern[0] ?? "").split("[,]");
        expect(new Set(key).size).toBe(key.length);
        for (const id of key) expect(choices).toContain(id);
        if (choiceItem.type === "single") expect(key).toHaveLength(1);
        else expect(key.length).toBeGreaterThanOrEqual(2);
        const response = s.result.response.split("[,]");
        expect(response).toEqual([...chosen].sort());
        for (const id of response) expect(choices).toContain(id);
      }
    });
  }
});
