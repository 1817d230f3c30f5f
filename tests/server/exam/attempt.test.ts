import { describe, expect, it } from "vitest";
import {
  type Attempt,
  attemptOptions,
  type ExamPoolItem,
  grade,
  OPTION_ID,
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
  // Per-attempt ids (as the browser sees them) standing for the bank's options.
  items: [
    {
      itemId: "x02-gift",
      options: [
        { id: "QX7H2KMA3P", bank: "c" },
        { id: "B4NWZ6TRYE", bank: "a" },
        { id: "M2DK7VQS5L", bank: "b" },
      ],
    },
    {
      itemId: "x10-dacha",
      options: [
        { id: "T6HJ3ZWXQA", bank: "b" },
        { id: "R5PLM2NCEU", bank: "c" },
        { id: "K7WQ4ZDBYS", bank: "a" },
      ],
    },
  ],
  answers: {},
  submittedAt: null,
};

describe("recordAnswer", () => {
  it("keeps the latest answer per item", () => {
    let a = recordAnswer(attempt, "x02-gift", ["B4NWZ6TRYE"], start + 1000);
    a = recordAnswer(a, "x02-gift", ["M2DK7VQS5L"], start + 2000);
    expect(a.answers).toEqual({ "x02-gift": ["M2DK7VQS5L"] });
    expect(attempt.answers).toEqual({});
  });

  it("refuses answers at or after the deadline, or after the grace when there is one", () => {
    expect(() => recordAnswer(attempt, "x02-gift", ["M2DK7VQS5L"], attempt.deadline)).toThrow(
      /time for this attempt is over/u,
    );
    const grace = 30_000;
    expect(
      recordAnswer(attempt, "x02-gift", ["M2DK7VQS5L"], attempt.deadline + grace - 1, grace)
        .answers,
    ).toEqual({ "x02-gift": ["M2DK7VQS5L"] });
    expect(() =>
      recordAnswer(attempt, "x02-gift", ["M2DK7VQS5L"], attempt.deadline + grace, grace),
    ).toThrow(/time for this attempt is over/u);
  });

  it("refuses answers after submission, foreign items and unknown or repeated options", () => {
    expect(() =>
      recordAnswer({ ...attempt, submittedAt: start }, "x02-gift", ["M2DK7VQS5L"], start + 1),
    ).toThrow(/already been submitted/u);
    expect(() => recordAnswer(attempt, "x03-other", ["B4NWZ6TRYE"], start + 1)).toThrow(
      /not part of this attempt/u,
    );
    // The bank's own letters mean nothing to an attempt.
    expect(() => recordAnswer(attempt, "x02-gift", ["b"], start + 1)).toThrow(/Unknown option/u);
    expect(() => recordAnswer(attempt, "x02-gift", ["T6HJ3ZWXQA"], start + 1)).toThrow(
      /Unknown option/u,
    );
    expect(() =>
      recordAnswer(attempt, "x10-dacha", ["K7WQ4ZDBYS", "K7WQ4ZDBYS"], start + 1),
    ).toThrow(/twice/u);
  });
});

describe("grade", () => {
  it("scores exact matches only and lists the clauses to review in order", () => {
    const answered = {
      ...attempt,
      answers: { "x02-gift": ["M2DK7VQS5L"], "x10-dacha": ["K7WQ4ZDBYS"] },
    };
    const result = grade(answered, pool, 0.8);
    expect(result).toMatchObject({ correct: 1, total: 2, scaled: 0.5, passed: false });
    expect(result.clausesToReview).toEqual(["10.1", "10.2"]);
    // The record keeps the attempt's ids; the bank's ids stay for the server's own analysis.
    expect(result.items.map((i) => [i.response, i.bankResponse])).toEqual([
      [["M2DK7VQS5L"], ["b"]],
      [["K7WQ4ZDBYS"], ["a"]],
    ]);
  });

  it("passes at the pass mark and counts unanswered items as wrong", () => {
    const all = {
      ...attempt,
      answers: { "x02-gift": ["M2DK7VQS5L"], "x10-dacha": ["R5PLM2NCEU", "K7WQ4ZDBYS"] },
    };
    expect(grade(all, pool, 1).passed).toBe(true);
    const none = grade(attempt, pool, 0.5);
    expect(none).toMatchObject({ correct: 0, scaled: 0, passed: false });
    expect(none.clausesToReview).toEqual(["2.13", "10.1", "10.2"]);
  });
});

describe("attemptOptions", () => {
  it("gives every bank option a fresh random id, unique within the attempt", () => {
    const taken = new Set<string>();
    const first = attemptOptions(["c", "a", "b"], taken);
    const second = attemptOptions(["c", "a", "b"], taken);
    expect(first.map((o) => o.bank)).toEqual(["c", "a", "b"]);
    for (const o of [...first, ...second]) expect(o.id).toMatch(OPTION_ID);
    expect(new Set([...first, ...second].map((o) => o.id)).size).toBe(6);
  });
});
