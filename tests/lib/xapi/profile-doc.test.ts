// docs/xapi-profile.md shows statements the product writes. Each example there follows a
// `<!-- example: name -->` marker and must equal what the real builders produce for the real
// practice item; `UPDATE_XAPI_PROFILE=1 npx vitest run --project unit tests/lib/xapi/profile-doc.test.ts`
// rewrites the examples after an intended change.
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isCorrect, optionId, planRound, seeded } from "../../../src/lib/quiz/play.ts";
import {
  PROGRESS_STATE_ID,
  progressDocument,
  restoreProgress,
} from "../../../src/lib/quiz/resume.ts";
import type { BranchingItem, QuizItem } from "../../../src/lib/quiz/schema.ts";
import { lessonStatement } from "../../../src/lib/xapi/lesson.ts";
import {
  answeredStatement,
  decisionStatement,
  quizCompletedStatement,
  scenarioStatement,
} from "../../../src/lib/xapi/quiz.ts";
import { validateStatement } from "../../../src/server/xapi/validate.ts";
import { practiceBanks, practiceItem, walk } from "../quiz/practice-banks.ts";

const DOC = "docs/xapi-profile.md";
const origin = "https://adal.example.kz";
const actor = {
  objectType: "Agent" as const,
  account: { homePage: origin, name: "100001" },
  name: "Ерлан Серікұлы",
};
const base = (id: string) => ({
  id,
  actor,
  origin,
  timestamp: "2026-11-25T09:00:00.000Z",
  registration: "4b6f1a0e-5c7d-4e8f-9a0b-1c2d3e4f5a6b",
});
type ChoiceItem = Exclude<QuizItem, BranchingItem>;
const scenario = practiceItem("p02-scenario-grateful-citizen") as BranchingItem;
const step = (id: string) =>
  scenario.steps.find((s) => s.id === id) as BranchingItem["steps"][number];
const bank1 = practiceBanks.find((b) => b.section === 1)?.items ?? [];

const examples: Record<string, unknown> = {
  "lesson-completed": lessonStatement({
    ...base("6c1bf2d5-a4c9-4e9f-8e66-1a7a1b2b3c4d"),
    section: 2,
    title: "Ішкі істер органдары қызметкерлерінің күнделікті қызметі",
    verb: "completed",
    durationMs: 754_000,
  }),
  "answered-judgement": answeredStatement({
    ...base("0b8f6c1e-3f1a-4c9e-9d6f-2a7b8c9d0e1f"),
    item: practiceItem("p02-gift-after-car") as ChoiceItem,
    chosen: ["b"],
    success: true,
  }),
  "answered-multiple": answeredStatement({
    ...base("1c9f7d2f-4a2b-4dae-8e7f-3b8c9d0e1f2a"),
    item: practiceItem("p02-what-to-report") as ChoiceItem,
    chosen: ["a", "b"],
    success: false,
  }),
  "answered-decision": decisionStatement({
    ...base("2d0a8e3a-5b3c-4ebf-9f8a-4c9d0e1f2a3b"),
    item: scenario,
    step: step("relative"),
    option: 1,
  }),
  "answered-scenario": scenarioStatement({
    ...base("3e1b9f4b-6c4d-4fc0-8a9b-5d0e1f2a3b4c"),
    item: scenario,
    // Walked through the bank: the envelope taken (wrong), which leads to its consequence step,
    // then every decision right.
    decisions: walk(scenario, (i) => i !== 0),
  }),
  "completed-quiz": quizCompletedStatement({
    ...base("4f2c0a5c-7d5e-4ad1-9bac-6e1f2a3b4c5d"),
    section: 2,
    correct: 9,
    total: 12,
    durationMs: 512_000,
  }),
  // The State document of a round of lesson 1's quiz, two of its items answered.
  "state-quiz-progress": (() => {
    const layout = planRound(bank1, seeded(1));
    const [first, second] = layout.map((l) => practiceItem(l.id) as ChoiceItem);
    const right = (item: ChoiceItem | undefined) =>
      (item?.options ?? []).flatMap((o, i) => (o.correct ? [optionId(i)] : []));
    return progressDocument({
      section: 1,
      registration: "4b6f1a0e-5c7d-4e8f-9a0b-1c2d3e4f5a6b",
      startedAt: "2026-11-25T09:00:00.000Z",
      layout,
      mode: "one",
      index: 2,
      answers: {
        [first?.id ?? ""]: { chosen: right(first), correct: true },
        [second?.id ?? ""]: { chosen: ["a"], correct: !!second && isCorrect(second, ["a"]) },
      },
      paths: {},
    });
  })(),
};

/** JSON with two-space indents, but arrays of plain values on one line. */
function pretty(value: unknown, indent = ""): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== "object" || v === null)) return JSON.stringify(value);
    return `[\n${value.map((v) => inner + pretty(v, inner)).join(",\n")}\n${indent}]`;
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${pretty(v, inner)}`).join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}

const MARKER = /<!-- example: ([a-z-]+) -->\n```json\n([\s\S]*?)\n```/gu;

function docExamples(text: string): Map<string, unknown> {
  return new Map(
    [...text.matchAll(MARKER)].map((m) => [m[1] ?? "", JSON.parse(m[2] ?? "null") as unknown]),
  );
}

if (process.env.UPDATE_XAPI_PROFILE === "1") {
  const text = readFileSync(DOC, "utf8").replace(MARKER, (whole, name: string) =>
    name in examples
      ? `<!-- example: ${name} -->\n\`\`\`json\n${pretty(examples[name])}\n\`\`\``
      : whole,
  );
  writeFileSync(DOC, text);
}

describe("docs/xapi-profile.md", () => {
  const inDoc = docExamples(readFileSync(DOC, "utf8"));

  it("shows every example, and only those the builders make", () => {
    expect([...inDoc.keys()].sort()).toEqual(Object.keys(examples).sort());
  });

  for (const [name, built] of Object.entries(examples)) {
    it(`example ${name} is exactly what the code produces`, () => {
      expect(inDoc.get(name), `${name} (regenerate with UPDATE_XAPI_PROFILE=1)`).toEqual(built);
      if (name.startsWith("state-")) {
        expect(restoreProgress(built, 1, bank1)).toEqual(built); // what resume reads back
      } else {
        expect(validateStatement(built, "1.0.3")).toEqual([]);
        expect(validateStatement(built, "2.0.0")).toEqual([]);
      }
    });
  }

  it("names the State documents the code uses", () => {
    const text = readFileSync(DOC, "utf8");
    expect(text).toContain(`\`stateId\` = \`${PROGRESS_STATE_ID}\``);
    expect(text).toContain("`stateId` = `resume`");
  });
});
