// Which statements each event of a practice round produces: one per answer, decision or
// scenario outcome, and the round's `completed` (with its score and duration) only with the
// last one. All valid xAPI, all under the round's registration.
import { describe, expect, it } from "vitest";
import type { BranchingItem, QuizItem } from "../../../src/lib/quiz/schema.ts";
import { type RoundContext, roundStatements } from "../../../src/lib/xapi/round.ts";
import { validateStatement } from "../../../src/server/xapi/validate.ts";
import { practiceItem, walk } from "../quiz/practice-banks.ts";

type ChoiceItem = Exclude<QuizItem, BranchingItem>;
const origin = "https://adal.test";
const registration = "4b6f1a0e-5c7d-4e8f-9a0b-1c2d3e4f5a6b";
let n = 0;
const context: RoundContext = {
  actor: { objectType: "Agent", account: { homePage: origin, name: "100001" } },
  origin,
  section: 2,
  registration,
  startedAt: Date.parse("2026-11-25T09:00:00Z"),
  now: Date.parse("2026-11-25T09:07:30Z"),
  newId: () => `0b8f6c1e-3f1a-4c9e-9d6f-${String(++n).padStart(12, "0")}`,
};
const verbOf = (s: Record<string, unknown>) => (s.verb as { id: string }).id.split("/").pop();
const valid = (statements: Record<string, unknown>[]) => {
  for (const s of statements) {
    expect(validateStatement(s, "1.0.3")).toEqual([]);
    expect(validateStatement(s, "2.0.0")).toEqual([]);
    expect((s.context as { registration: string }).registration).toBe(registration);
  }
};

describe("the statements of a practice round's events", () => {
  const item = practiceItem("p02-gift-after-car") as ChoiceItem;
  const scenario = practiceItem("p02-scenario-grateful-citizen") as BranchingItem;

  it("an answer in the middle of the round: one answered statement", () => {
    const out = roundStatements(
      context,
      { kind: "choice", item, chosen: ["b"], correct: true },
      null,
    );
    valid(out);
    expect(out.map(verbOf)).toEqual(["answered"]);
    expect(out[0]?.timestamp).toBe("2026-11-25T09:07:30.000Z");
  });

  it("the last answer: answered, then completed with the round's score and duration", () => {
    const out = roundStatements(
      context,
      { kind: "choice", item, chosen: ["a"], correct: false },
      { correct: 4, total: 5 },
    );
    valid(out);
    expect(out.map(verbOf)).toEqual(["answered", "completed"]);
    expect(new Set(out.map((s) => s.id)).size).toBe(2);
    expect(out[1]?.result).toMatchObject({
      score: { scaled: 0.8, raw: 4, min: 0, max: 5 },
      duration: "PT7M30S",
    });
    expect(out[1]?.object).toMatchObject({ id: `${origin}/xapi/activities/quiz/practice/2` });
  });

  it("a scenario's decision, then its outcome ending the round", () => {
    const [step] = scenario.steps;
    if (!step) throw new Error("the scenario has no step");
    const decision = roundStatements(
      context,
      { kind: "decision", item: scenario, step, option: 0 },
      null,
    );
    valid(decision);
    expect(decision).toHaveLength(1);
    const decisions = walk(scenario, () => true);
    const outcome = roundStatements(
      context,
      { kind: "scenario", item: scenario, decisions },
      { correct: 1, total: 1 },
    );
    valid(outcome);
    expect(outcome.map(verbOf)).toEqual(["answered", "completed"]);
    expect(outcome[0]?.result).toMatchObject({ success: true });
  });
});
