import { describe, expect, it } from "vitest";
import { type BankFile, checkBanks } from "../../../src/lib/quiz/check.ts";
import type { QuizItem } from "../../../src/lib/quiz/schema.ts";

const clauseIds = ["1", "2.1", "2.2", "11"];
const option = (text: string, correct: boolean) => ({
  text,
  correct,
  feedback: `${text}: себебі 2.1-тармақ`,
});
const single = (id: string, clauses = ["2.1"], stem = `Жағдай ${id}`): QuizItem => ({
  id,
  section: 2,
  type: "single",
  clauses,
  difficulty: 1,
  stem,
  explanation: "2.1-тармақ",
  options: [option("а", true), option("ә", false), option("б", false)],
});
const branching = (
  id: string,
  steps: Extract<QuizItem, { type: "branching" }>["steps"],
): QuizItem => ({
  id,
  section: 2,
  type: "branching",
  clauses: ["2.2", "2.1"],
  difficulty: 3,
  stem: "Сценарий",
  explanation: "2.2-тармақ",
  steps,
});
const good = branching("p02-branch", [
  {
    id: "start",
    prompt: "Не істейсіз?",
    options: [
      { ...option("иә", true), next: "end" },
      { ...option("жоқ", false), next: "cost" },
    ],
  },
  {
    id: "cost",
    prompt: "Салдары болды. Енді не істейсіз?",
    options: [option("түзетемін", true), option("жасырамын", false)],
  },
  {
    id: "end",
    prompt: "Ал енді?",
    options: [option("баяндаймын", true), option("үндемеймін", false)],
  },
]);

function files(practice: QuizItem[], exam: QuizItem[]): BankFile[] {
  return [
    { file: "quizzes/practice/02-x.yaml", kind: "practice", bank: { section: 2, items: practice } },
    { file: "quizzes/exam/02-x.yaml", kind: "exam", bank: { section: 2, items: exam } },
  ];
}

describe("checkBanks item rules", () => {
  it("accepts well-formed items", () => {
    const { problems } = checkBanks(
      files([single("p02-a"), good], [single("x02-a", ["2.1"], "Басқа жағдай")]),
      clauseIds,
    );
    expect(problems.filter((p) => p.includes(": item "))).toEqual([]);
  });

  it("names file and item for a single-answer item with two correct options", () => {
    const bad = single("p02-two");
    if (bad.type === "single" && bad.options[1]) bad.options[1].correct = true;
    const { problems } = checkBanks(files([bad], []), clauseIds);
    expect(problems).toContain(
      "quizzes/practice/02-x.yaml: item p02-two: a single-answer item needs exactly one correct option (has 2)",
    );
  });

  it("refuses unknown clauses, wrong id prefixes, duplicate ids and exam copies of practice stems", () => {
    const { problems } = checkBanks(
      files(
        [single("p02-a", ["2.9"]), single("p02-a")],
        [single("p02-b"), single("x02-c", ["2.1"], "Жағдай p02-a")],
      ),
      clauseIds,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        "quizzes/practice/02-x.yaml: item p02-a: clause 2.9 does not exist in the standards",
        "quizzes/practice/02-x.yaml: item p02-a: the id is already used in quizzes/practice/02-x.yaml",
        'quizzes/exam/02-x.yaml: item p02-b: exam item ids start with "x"',
        "quizzes/exam/02-x.yaml: item x02-c: duplicates practice item p02-a",
      ]),
    );
  });

  it("checks branching graphs: missing steps, loops, unreachable steps and path length", () => {
    const loop = branching("p02-loop", [
      {
        id: "start",
        prompt: "1",
        options: [
          { ...option("а", true), next: "two" },
          { ...option("ә", false), next: "nowhere" },
        ],
      },
      {
        id: "two",
        prompt: "2",
        options: [{ ...option("а", true), next: "start" }, option("ә", false)],
      },
      { id: "lost", prompt: "3", options: [option("а", true), option("ә", false)] },
    ]);
    const short = branching("p02-short", [
      {
        id: "start",
        prompt: "1",
        options: [option("а", true), { ...option("ә", false), next: "b" }],
      },
      { id: "b", prompt: "2", options: [option("а", true), option("ә", false)] },
    ]);
    const { problems } = checkBanks(files([loop, short], []), clauseIds);
    const about = (id: string) =>
      problems
        .filter((p) => p.includes(`item ${id}:`))
        .map((p) => p.split(": ").slice(2).join(": "));
    expect(about("p02-loop")).toEqual(
      expect.arrayContaining([
        'step start leads to a missing step "nowhere"',
        "the scenario loops back to step start",
        "step lost cannot be reached",
      ]),
    );
    expect(about("p02-short")).toEqual(["every path must have 2–4 decisions (found 1, 2)"]);
  });

  it("requires the fixed judgement answers and refuses branching items in the exam", () => {
    const judgement: QuizItem = {
      ...single("x02-j"),
      type: "judgement",
      options: [option("Иә", true), option("Жоқ", false)],
    } as QuizItem;
    const { problems } = checkBanks(
      files([], [judgement, { ...good, id: "x02-branch" }]),
      clauseIds,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'quizzes/exam/02-x.yaml: item x02-j: judgement options must be "Рұқсат етіледі" then "Рұқсат етілмейді"',
        "quizzes/exam/02-x.yaml: item x02-branch: the exam pool takes single, multiple and judgement items only",
      ]),
    );
  });
});

describe("checkBanks coverage", () => {
  it("reports missing counts, branching and untested clauses per section", () => {
    const { problems, coverage } = checkBanks(files([single("p02-a")], []), clauseIds);
    expect(coverage[1]).toMatchObject({
      section: 2,
      practice: 1,
      exam: 0,
      branching: 0,
      uncoveredPractice: ["2.2"],
      uncoveredExam: ["2.1", "2.2"],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        "section 2: needs at least 6 practice items (has 1)",
        "section 2: needs a branching scenario in the practice bank",
        "section 2: no practice item tests clause(s) 2.2",
        "section 1: needs at least 3 practice items (has 0)",
      ]),
    );
  });
});
