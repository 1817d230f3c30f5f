import { describe, expect, it } from "vitest";
import { branchState, isCorrect, seeded, shuffled } from "../../../src/lib/quiz/play.ts";
import type { BranchingItem, QuizItem } from "../../../src/lib/quiz/schema.ts";
import { answeredStatement, quizCompletedStatement } from "../../../src/lib/xapi/quiz.ts";
import { validateStatement } from "../../../src/server/xapi/validate.ts";

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
});

describe("practice quiz statements", () => {
  const common = {
    actor: {
      objectType: "Agent" as const,
      account: { homePage: "https://adal.test", name: "100001" },
    },
    origin: "https://adal.test",
    timestamp: "2026-11-25T09:00:00Z",
  };

  it("answered: a valid cmi.interaction with choices, pattern, response, success and clauses", () => {
    const s = answeredStatement({
      ...common,
      id: "0b8f6c1e-3f1a-4c9e-9d6f-2a7b8c9d0e1f",
      item: multiple,
      chosen: ["c", "a"],
      success: true,
    });
    expect(validateStatement(s, "1.0.3")).toEqual([]);
    expect(validateStatement(s, "2.0.0")).toEqual([]);
    expect(s.verb.id).toBe("http://adlnet.gov/expapi/verbs/answered");
    expect(s.object.definition).toMatchObject({
      type: "http://adlnet.gov/expapi/activities/cmi.interaction",
      interactionType: "choice",
      correctResponsesPattern: ["a[,]c"],
    });
    expect(s.result).toEqual({ response: "a[,]c", success: true });
    expect(s.context.contextActivities.parent[0]?.id).toBe(
      "https://adal.test/xapi/activities/quiz/practice/2",
    );
    expect(s.context.extensions["https://adal.kz/xapi/extensions/clauses"]).toEqual(["2.5", "2.6"]);
    expect(s.context.language).toBe("kk-KZ");
  });

  it("answered for a branching scenario records the path of decisions", () => {
    const s = answeredStatement({
      ...common,
      id: "1c9f7d2f-4a2b-4dae-8e7f-3b8c9d0e1f2a",
      item: scenario,
      decisions: [
        { step: "start", option: 0, correct: true },
        { step: "report", option: 1, correct: false },
      ],
      success: false,
    });
    expect(validateStatement(s, "1.0.3")).toEqual([]);
    expect(s.result.response).toBe("start.a[,]report.b");
  });

  it("completed carries the score of the quiz", () => {
    const s = quizCompletedStatement({
      ...common,
      id: "2d0a8e3a-5b3c-4ebf-9f8a-4c9d0e1f2a3b",
      section: 2,
      correct: 5,
      total: 8,
      durationMs: 300_000,
    });
    expect(validateStatement(s, "1.0.3")).toEqual([]);
    expect(s.result).toEqual({
      score: { scaled: 0.625, raw: 5, min: 0, max: 8 },
      success: false,
      completion: true,
      duration: "PT5M",
    });
  });
});
