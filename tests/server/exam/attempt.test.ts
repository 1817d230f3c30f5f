import { describe, expect, it } from "vitest";
import {
  type Attempt,
  type ExamPoolItem,
  grade,
  recordAnswer,
} from "../../../src/server/exam/attempt.ts";

const pool = new Map<string, ExamPoolItem>([
  [
    "x02-gift",
    {
      id: "x02-gift",
      section: 2,
      clauses: ["2.13"],
      type: "single",
      stem: "…",
      options: [
        { id: "a", text: "қабылдау", correct: false },
        { id: "b", text: "бас тарту", correct: true },
        { id: "c", text: "кейін шешу", correct: false },
      ],
    },
  ],
  [
    "x10-dacha",
    {
      id: "x10-dacha",
      section: 10,
      clauses: ["10.2", "10.1"],
      type: "multiple",
      stem: "…",
      options: [
        { id: "a", text: "1", correct: true },
        { id: "b", text: "2", correct: false },
        { id: "c", text: "3", correct: true },
      ],
    },
  ],
]);

const start = Date.UTC(2026, 10, 25, 9, 0);
const attempt: Attempt = {
  id: "att-1",
  learnerId: "u1",
  startedAt: start,
  deadline: start + 30 * 60_000,
  items: [
    { itemId: "x02-gift", optionOrder: ["c", "a", "b"] },
    { itemId: "x10-dacha", optionOrder: ["b", "c", "a"] },
  ],
  answers: {},
  submittedAt: null,
};

describe("recordAnswer", () => {
  it("keeps the latest answer per item", () => {
    let a = recordAnswer(attempt, "x02-gift", ["a"], start + 1000);
    a = recordAnswer(a, "x02-gift", ["b"], start + 2000);
    expect(a.answers).toEqual({ "x02-gift": ["b"] });
    expect(attempt.answers).toEqual({});
  });

  it("refuses answers at or after the deadline", () => {
    expect(() => recordAnswer(attempt, "x02-gift", ["b"], attempt.deadline)).toThrow(
      /time for this attempt is over/u,
    );
  });

  it("refuses answers after submission, foreign items and unknown or repeated options", () => {
    expect(() =>
      recordAnswer({ ...attempt, submittedAt: start }, "x02-gift", ["b"], start + 1),
    ).toThrow(/already been submitted/u);
    expect(() => recordAnswer(attempt, "x03-other", ["a"], start + 1)).toThrow(
      /not part of this attempt/u,
    );
    expect(() => recordAnswer(attempt, "x02-gift", ["z"], start + 1)).toThrow(/Unknown option/u);
    expect(() => recordAnswer(attempt, "x10-dacha", ["a", "a"], start + 1)).toThrow(/twice/u);
  });
});

describe("grade", () => {
  it("scores exact matches only and lists the clauses to review in order", () => {
    const answered = { ...attempt, answers: { "x02-gift": ["b"], "x10-dacha": ["a"] } };
    const result = grade(answered, pool, 0.8);
    expect(result).toMatchObject({ correct: 1, total: 2, scaled: 0.5, passed: false });
    expect(result.clausesToReview).toEqual(["10.1", "10.2"]);
  });

  it("passes at the pass mark and counts unanswered items as wrong", () => {
    const all = { ...attempt, answers: { "x02-gift": ["b"], "x10-dacha": ["a", "c"] } };
    expect(grade(all, pool, 1).passed).toBe(true);
    const none = grade(attempt, pool, 0.5);
    expect(none).toMatchObject({ correct: 0, scaled: 0, passed: false });
    expect(none.clausesToReview).toEqual(["2.13", "10.1", "10.2"]);
  });
});
