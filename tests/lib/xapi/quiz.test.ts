import { describe, expect, it } from "vitest";
import { type BranchDecision, optionId } from "../../../src/lib/quiz/play.ts";
import type { BranchingItem, QuizItem } from "../../../src/lib/quiz/schema.ts";
import {
  answeredStatement,
  decisionStatement,
  interactionName,
  quizCompletedStatement,
  replayScenario,
  scenarioStatement,
} from "../../../src/lib/xapi/quiz.ts";
import { loadPracticeCatalogue } from "../../../src/server/banks/practice.ts";
import { projectStatement } from "../../../src/server/reports/projection.ts";
import { validateStatement } from "../../../src/server/xapi/validate.ts";
import { practiceItem, practiceItems, walk } from "../quiz/practice-banks.ts";

type ChoiceItem = Exclude<QuizItem, BranchingItem>;
const origin = "https://adal.test";
let n = 0;
const common = () => ({
  id: `0b8f6c1e-3f1a-4c9e-9d6f-${String(++n).padStart(12, "0")}`,
  actor: { objectType: "Agent" as const, account: { homePage: origin, name: "100001" } },
  origin,
  timestamp: "2026-11-25T09:00:00.000Z",
  registration: "4b6f1a0e-5c7d-4e8f-9a0b-1c2d3e4f5a6b",
});

const valid = (s: unknown) => {
  expect(validateStatement(s, "1.0.3")).toEqual([]);
  expect(validateStatement(s, "2.0.0")).toEqual([]);
};

const scenario = practiceItem("p02-scenario-grateful-citizen") as BranchingItem;

describe("answered for single, multiple and judgement items", () => {
  it("a judgement is a true-false interaction whose key is «Рұқсат етілмейді»", () => {
    const item = practiceItem("p02-gift-after-car") as ChoiceItem;
    const s = answeredStatement({ ...common(), item, chosen: ["b"], success: true });
    valid(s);
    expect(s.object.definition).toMatchObject({
      interactionType: "true-false",
      correctResponsesPattern: ["false"],
    });
    expect("choices" in s.object.definition).toBe(false);
    expect(s.result).toEqual({ response: "false", success: true });
    expect(s.context.extensions["https://adal.kz/xapi/extensions/clauses"]).toEqual(["2.10"]);
  });

  it("a select-all item is a choice interaction with a sorted response", () => {
    const item = practiceItem("p02-what-to-report") as ChoiceItem;
    // Expectations come from the bank, so rebalancing option order does not break the test.
    const ids = item.options.map((_, i) => optionId(i));
    const keys = ids.filter((_, i) => item.options[i]?.correct);
    const chosen = [ids[ids.length - 1] ?? "", ids[0] ?? ""];
    const s = answeredStatement({ ...common(), item, chosen, success: false });
    valid(s);
    expect(s.object.definition).toMatchObject({
      interactionType: "choice",
      correctResponsesPattern: [keys.join("[,]")],
    });
    const choices = "choices" in s.object.definition ? s.object.definition.choices : [];
    expect(choices.map((c) => c.id)).toEqual(ids);
    expect(s.result.response).toBe([...chosen].sort().join("[,]"));
    expect(s.context.contextActivities.parent[0]?.id).toBe(
      `${origin}/xapi/activities/quiz/practice/2`,
    );
    expect(s.context.language).toBe("kk-KZ");
  });

  it("every practice item gives a valid statement", () => {
    for (const item of practiceItems) {
      if (item.type === "branching") continue;
      const chosen = item.options.flatMap((o, i) => (o.correct ? [optionId(i)] : []));
      valid(answeredStatement({ ...common(), item, chosen, success: true }));
    }
  });
});

describe("branching scenarios", () => {
  it("record each decision as a choice among the step's options, under the scenario", () => {
    const step = scenario.steps[0] as BranchingItem["steps"][number];
    const right = step.options.findIndex((o) => o.correct);
    const wrong = step.options.findIndex((o) => !o.correct);
    const s = decisionStatement({ ...common(), item: scenario, step, option: wrong });
    valid(s);
    expect(s.verb.id).toBe("http://adlnet.gov/expapi/verbs/answered");
    expect(s.object.id).toBe(
      `${origin}/xapi/activities/quiz-item/p02-scenario-grateful-citizen/step/${step.id}`,
    );
    expect(s.object.definition).toMatchObject({
      type: "http://adlnet.gov/expapi/activities/cmi.interaction",
      interactionType: "choice",
      choices: step.options.map((o, i) => ({ id: optionId(i), description: { "kk-KZ": o.text } })),
      correctResponsesPattern: [optionId(right)],
      description: { "kk-KZ": step.prompt },
    });
    expect(s.result).toEqual({ response: optionId(wrong), success: false });
    expect(s.context.contextActivities).toEqual({
      parent: [
        { objectType: "Activity", id: `${origin}/xapi/activities/quiz-item/${scenario.id}` },
      ],
      grouping: [
        { objectType: "Activity", id: `${origin}/xapi/activities/quiz/practice/2` },
        { objectType: "Activity", id: `${origin}/xapi/activities/course/anticorruption-standards` },
      ],
    });
  });

  it("record the outcome on the scenario: the path, the all-right path and the share right", () => {
    const decisions = walk(scenario, (i) => i !== 1);
    const path = (ds: BranchDecision[]) =>
      ds.map((d) => `${d.step}.${optionId(d.option)}`).join("[,]");
    const allRight = walk(scenario, () => true);
    const s = scenarioStatement({ ...common(), item: scenario, decisions });
    valid(s);
    expect(s.object.id).toBe(`${origin}/xapi/activities/quiz-item/${scenario.id}`);
    expect(s.object.definition).toMatchObject({
      interactionType: "other",
      correctResponsesPattern: [path(allRight)],
    });
    expect("choices" in s.object.definition).toBe(false);
    const right = decisions.filter((d) => d.correct).length;
    expect(right).toBe(decisions.length - 1);
    expect(s.result).toEqual({
      response: path(decisions),
      score: { scaled: right / decisions.length, raw: right, min: 0, max: decisions.length },
      success: false,
    });
    const perfect = scenarioStatement({
      ...common(),
      item: scenario,
      decisions: walk(scenario, () => true),
    });
    expect(perfect.result).toMatchObject({ success: true, score: { scaled: 1 } });
    expect(perfect.result.response).toBe(perfect.object.definition.correctResponsesPattern[0]);
  });

  it("every scenario of the banks gives valid statements, never a sequencing interaction", () => {
    for (const item of practiceItems) {
      if (item.type !== "branching") continue;
      const decisions = walk(item, (i) => i % 2 === 0);
      for (const d of decisions) {
        const step = item.steps.find((x) => x.id === d.step) as BranchingItem["steps"][number];
        const s = decisionStatement({ ...common(), item, step, option: d.option });
        valid(s);
        expect(s.result.success).toBe(d.correct);
      }
      const outcome = scenarioStatement({ ...common(), item, decisions });
      valid(outcome);
      expect(outcome.object.definition.interactionType).toBe("other");
      expect(outcome.object.definition.correctResponsesPattern).toHaveLength(1);
    }
  });

  it("takes right and wrong from the bank, not from the caller", () => {
    const honest = walk(scenario, (i) => i !== 0);
    const forged = honest.map((d) => ({ ...d, correct: true }));
    const s = scenarioStatement({ ...common(), item: scenario, decisions: forged });
    const right = honest.filter((d) => d.correct).length;
    expect(right).toBe(honest.length - 1);
    expect(s.result).toMatchObject({
      success: false,
      score: { raw: right, max: honest.length, scaled: right / honest.length },
    });
    expect(replayScenario(scenario, forged)).toEqual(honest);
  });

  it("refuses a path that cannot happen", () => {
    const right = walk(scenario, () => true);
    const [first, second] = right as [BranchDecision, BranchDecision];
    const wrongFirst = walk(scenario, (i) => i !== 0);
    const make = (decisions: BranchDecision[]) => () =>
      scenarioStatement({ ...common(), item: scenario, decisions });
    // A step the previous choice does not lead to (a wrong first choice leads to its consequence).
    expect(make([wrongFirst[0] as BranchDecision, ...right.slice(1)])).toThrow(
      /is not on step .*, where the path leads/u,
    );
    // Not starting at the first step, an option the step lacks, stopping early, going on after
    // the end, and an empty path.
    expect(make(right.slice(1))).toThrow(/decision 1 .* is not on step/u);
    expect(make([{ ...first, option: 9 }, ...right.slice(1)])).toThrow(/has no such option/u);
    expect(make([first, second])).toThrow(/stops before the scenario ends/u);
    expect(make([...right, first])).toThrow(/comes after the scenario has ended/u);
    expect(make([])).toThrow(/\(empty\) stops before the scenario ends/u);
  });

  it("count once in the reports: decisions are not projected as items, the outcome is", () => {
    const decisions = walk(scenario, () => true);
    const step = scenario.steps[0] as BranchingItem["steps"][number];
    const decision = decisionStatement({ ...common(), item: scenario, step, option: 0 });
    const practice = loadPracticeCatalogue("quizzes/practice").items;
    expect(projectStatement(decision, origin, practice)).toBeNull();
    const outcome = projectStatement(
      scenarioStatement({ ...common(), item: scenario, decisions }),
      origin,
      practice,
    );
    expect(outcome).toMatchObject({
      kind: "quiz-item",
      itemId: scenario.id,
      section: 2,
      success: 1,
    });
  });
});

describe("interaction names", () => {
  it("are the whole text when it is short", () => {
    expect(interactionName("Инспекторға сыйлықты алуға рұқсат етіле ме?")).toBe(
      "Инспекторға сыйлықты алуға рұқсат етіле ме?",
    );
  });

  it("are cut at a word boundary with an ellipsis, never mid-word", () => {
    expect(interactionName("бір екі үш төрт", 10)).toBe("бір екі…");
    expect(interactionName("бір екі, үш төрт", 9)).toBe("бір екі…");
    for (const item of practiceItems) {
      const name = interactionName(item.stem);
      expect(name.length, item.id).toBeLessThanOrEqual(120);
      if (name === item.stem) continue;
      expect(name.endsWith("…"), item.id).toBe(true);
      const head = name.slice(0, -1);
      expect(item.stem.startsWith(head), item.id).toBe(true);
      expect(item.stem.slice(head.length), item.id).toMatch(/^[\s,;:.—–-]*\s/u);
    }
  });

  it("go with the full text in the description", () => {
    const long = practiceItems.find(
      (i) => i.stem.length > 120 && i.type !== "branching",
    ) as ChoiceItem;
    const s = answeredStatement({ ...common(), item: long, chosen: ["a"], success: true });
    expect(s.object.definition.description).toEqual({ "kk-KZ": long.stem });
    expect(s.object.definition.name["kk-KZ"]).toBe(interactionName(long.stem));
  });
});

describe("completed", () => {
  it("carries the score of the quiz", () => {
    const s = quizCompletedStatement({
      ...common(),
      section: 2,
      correct: 5,
      total: 8,
      durationMs: 300_000,
    });
    valid(s);
    expect(s.result).toEqual({
      score: { scaled: 0.625, raw: 5, min: 0, max: 8 },
      success: false,
      completion: true,
      duration: "PT5M",
    });
  });
});
