// Rules R1–R8 of quizzes/README.md: each test feeds a small synthetic bank that breaks one rule
// and asserts the problem names the file and the item (or the files and items of a pool rule).
import { describe, expect, it } from "vitest";
import { type BankFile, checkBanks } from "../../../src/lib/quiz/check.ts";
import { cites } from "../../../src/lib/quiz/cite.ts";
import { questionEnding } from "../../../src/lib/quiz/cues.ts";
import type { BranchStep, QuizItem, QuizOption } from "../../../src/lib/quiz/schema.ts";
import { jaccard, stemSet } from "../../../src/lib/quiz/similarity.ts";

const clauseIds = ["1", "2.1", "2.2", "2.10", "11"];
const PRACTICE = "quizzes/practice/02-x.yaml";
const EXAM = "quizzes/exam/02-x.yaml";

const option = (text: string, correct: boolean, feedback = `${text} (2.1-тармақ)`): QuizOption => ({
  text,
  correct,
  feedback,
});
/** A single item whose key sits at `key` among options of the given lengths. */
const single = (id: string, key = 1, lengths = [10, 10, 10], stem = `Жағдай ${id}`): QuizItem => ({
  id,
  section: 2,
  type: "single",
  clauses: ["2.1"],
  difficulty: 1,
  stem,
  explanation: "2.1-тармақ",
  options: lengths.map((n, i) => option(`${"а".repeat(n - 1)}${i}`, i === key)),
});
const judgement = (id: string, acceptable: boolean, stem = `Жағдай ${id}`): QuizItem => ({
  id,
  section: 2,
  type: "judgement",
  clauses: ["2.1"],
  difficulty: 1,
  stem,
  explanation: "2.1-тармақ",
  options: [option("Рұқсат етіледі", acceptable), option("Рұқсат етілмейді", !acceptable)],
});
const multiple = (id: string, keys: boolean[]): QuizItem => ({
  id,
  section: 2,
  type: "multiple",
  clauses: ["2.1"],
  difficulty: 2,
  stem: `Жағдай ${id}`,
  explanation: "2.1-тармақ",
  options: keys.map((k, i) => option(`нұсқа ${i}`, k)),
});
const scenario = (id: string, steps: BranchStep[]): QuizItem => ({
  id,
  section: 2,
  type: "branching",
  clauses: ["2.2", "2.1"],
  difficulty: 3,
  stem: `Сценарий ${id}`,
  explanation: "2.2-тармақ",
  steps,
});

function check(practice: QuizItem[], exam: QuizItem[] = []): string[] {
  const files: BankFile[] = [
    { file: PRACTICE, kind: "practice", bank: { section: 2, items: practice } },
    { file: EXAM, kind: "exam", bank: { section: 2, items: exam } },
  ];
  return checkBanks(files, clauseIds).problems;
}
const tagged = (problems: string[], rule: string) =>
  problems.filter((p) => p.includes(`(${rule})`));

describe("R1 citations", () => {
  it("matches clause ids as whole number tokens, and sections 1 and 11 as N-бөлім", () => {
    expect(cites("2.10-тармақ бойынша", "2.10")).toBe(true);
    expect(cites("(2.10-тармақ).", "2.1")).toBe(false);
    expect(cites("2.1.", "2.1")).toBe(true);
    expect(cites("12.1", "2.1")).toBe(false);
    expect(cites("11-бөлімде айтылғандай", "1")).toBe(false);
    expect(cites("11-бөлімде айтылғандай", "11")).toBe(true);
    expect(cites("1-бөлімнің мақсаты", "1")).toBe(true);
  });

  it("needs the explanation to cite one of the item's own clauses", () => {
    const item = { ...single("p02-cite"), explanation: "2.10-тармақ: өзге тармақ." } as QuizItem;
    expect(tagged(check([item]), "R1")).toEqual([
      `${PRACTICE}: item p02-cite: the explanation must cite one of the item's clauses (2.1-тармақ) (R1)`,
    ]);
  });

  it("needs every option's feedback, right or wrong, to cite a clause, in branching steps too", () => {
    const item = single("p02-feedback");
    if (item.type === "single" && item.options[0]) item.options[0].feedback = "Қате, себебі жоқ.";
    if (item.type === "single" && item.options[1]) item.options[1].feedback = "Дұрыс.";
    const branch = scenario("p02-branch-cite", [
      {
        id: "start",
        prompt: "?",
        options: [
          { ...option("иә", true), next: "end" },
          { ...option("жоқ", false, "Қате."), next: "cost" },
        ],
      },
      { id: "cost", prompt: "?", options: [option("а", true), option("ә", false)] },
      { id: "end", prompt: "?", options: [option("а", true), option("ә", false)] },
    ]);
    expect(tagged(check([item, branch]), "R1")).toEqual([
      `${PRACTICE}: item p02-feedback: the feedback of wrong option "ааааааааа0" must cite a clause, e.g. (2.10-тармақ) (R1)`,
      `${PRACTICE}: item p02-feedback: the feedback of right option "ааааааааа1" must cite a clause, e.g. (2.10-тармақ) (R1)`,
      `${PRACTICE}: item p02-branch-cite: the feedback of wrong option "жоқ" in step start must cite a clause, e.g. (2.10-тармақ) (R1)`,
    ]);
  });
});

describe("R1 the clauses the right answer rests on", () => {
  it("must be among the item's clauses, for choice items and in every step of a scenario", () => {
    const item = single("p02-relies");
    if (item.type === "single" && item.options[1])
      item.options[1].feedback =
        "Дұрыс: бас тартады (2.1-тармақ) және басшыға баяндайды (2.10, 2.2-тармақтар).";
    const branch = scenario("p02-branch-relies", [
      {
        id: "start",
        prompt: "?",
        options: [
          { ...option("иә", true, "Дұрыс (2.10-тармақ)."), next: "end" },
          { ...option("жоқ", false), next: "cost" },
        ],
      },
      { id: "cost", prompt: "?", options: [option("а", true), option("ә", false)] },
      { id: "end", prompt: "?", options: [option("а", true), option("ә", false)] },
    ]);
    expect(tagged(check([item, branch]), "R1")).toEqual([
      `${PRACTICE}: item p02-relies: the feedback of the right answer cites 2.2-тармақ, 2.10-тармақ, not among the item's clauses (2.1): add them to clauses (R1)`,
      `${PRACTICE}: item p02-branch-relies: the feedback of the right answer cites 2.10-тармақ, not among the item's clauses (2.2, 2.1): add it to clauses (R1)`,
    ]);
    // A wrong option may cite any clause, e.g. the one it confuses with the right one.
    const contrast = single("p02-contrast");
    if (contrast.type === "single" && contrast.options[0])
      contrast.options[0].feedback = "Қате: бұл 2.10-тармақ туралы емес (2.1-тармақ).";
    expect(tagged(check([contrast]), "R1")).toEqual([]);
  });
});

describe("R2 real branching", () => {
  it("refuses a scenario where every wrong choice goes where the right one goes", () => {
    const linear = scenario("p02-linear", [
      {
        id: "start",
        prompt: "?",
        options: [
          { ...option("иә", true), next: "end" },
          { ...option("жоқ", false), next: "end" },
        ],
      },
      { id: "end", prompt: "?", options: [option("а", true), option("ә", false)] },
    ]);
    expect(tagged(check([linear]), "R2")).toEqual([
      `${PRACTICE}: item p02-linear: no wrong choice leads to a step of its own: at least one wrong option must lead to a consequence step (what happened, then the next decision) that the right option does not (R2)`,
    ]);
  });

  it("accepts a wrong choice that leads to a consequence step and a recovery decision", () => {
    const real = scenario("p02-real", [
      {
        id: "start",
        prompt: "?",
        options: [
          { ...option("иә", true), next: "end" },
          { ...option("жоқ", false), next: "cost" },
        ],
      },
      { id: "cost", prompt: "Салдары…", options: [option("а", true), option("ә", false)] },
      { id: "end", prompt: "?", options: [option("а", true), option("ә", false)] },
    ]);
    expect(check([real]).filter((p) => p.includes("p02-real"))).toEqual([]);
  });
});

describe("R3 judgement balance", () => {
  it("needs one acceptable item in a bank of three judgements and 30 % in the pool", () => {
    const items = [1, 2, 3].map((n) => judgement(`p02-j${n}`, false));
    expect(tagged(check(items), "R3")).toEqual([
      `practice pool: 0 of 3 judgement items (0 %) are keyed «Рұқсат етіледі»; at least 30 % must be (R3). Keyed so now: none`,
      `${PRACTICE}: none of its 3 judgement items is keyed «Рұқсат етіледі»; at least one must be (R3)`,
    ]);
    const four = [...items, judgement("p02-j4", false), judgement("p02-ok", true)];
    expect(tagged(check(four), "R3")).toEqual([
      `practice pool: 1 of 5 judgement items (20 %) are keyed «Рұқсат етіледі»; at least 30 % must be (R3). Keyed so now: ${PRACTICE}: p02-ok`,
    ]);
    // 1 of 3 (33 %) meets both floors.
    expect(tagged(check([...items.slice(1), judgement("p02-ok", true)]), "R3")).toEqual([]);
  });
});

describe("R4 length cue", () => {
  it("refuses a pool where the key is the strictly longest option in more than half", () => {
    const items = [
      single("p02-long1", 1, [10, 30, 10]),
      single("p02-long2", 2, [10, 10, 30]),
      single("p02-tie", 1, [30, 30, 10]),
    ];
    expect(tagged(check(items), "R4")).toEqual([
      `practice pool: the correct option is the strictly longest in 2 of 3 single items (67 %; at most 50 %) (R4): ${PRACTICE}: p02-long1, p02-long2`,
    ]);
    expect(tagged(check([...items, single("p02-short", 1, [20, 5, 20])]), "R4")).toEqual([]);
  });
});

describe("R5 position cue", () => {
  it("limits keys in first place among single items, per pool and per bank", () => {
    const items = [single("x02-f1", 0), single("x02-f2", 0)];
    expect(tagged(check([], items), "R5")).toEqual([
      `exam pool: the correct option is first in 2 of 2 single items (100 %; at most 40 %) (R5): ${EXAM}: x02-f1, x02-f2`,
      `${EXAM}: the correct option is first in every single item (x02-f1, x02-f2) (R5)`,
    ]);
    const mixed = [...items, single("x02-m1", 1), single("x02-m2", 2), single("x02-m3", 1)];
    expect(tagged(check([], mixed), "R5")).toEqual([]);
  });

  it("limits multiple items whose keys are all at the top", () => {
    const items = [
      multiple("p02-top", [true, true, false]),
      multiple("p02-mix", [true, false, true]),
    ];
    expect(tagged(check(items), "R5")).toEqual([]);
    const more = [...items, multiple("p02-top2", [true, true, true, false])];
    expect(tagged(check(more), "R5")).toEqual([
      `practice pool: the correct options are all at the top in 2 of 3 multiple items (67 %; at most 50 %) (R5): ${PRACTICE}: p02-top, p02-top2`,
    ]);
  });
});

describe("R8 judgement stems that give the key away", () => {
  const words = (n: number, end: string) => `${"сөз ".repeat(n)}${end}`;
  it("refuses a pool whose acceptable stems are on average more than 15 % longer", () => {
    const long = [1, 2].map((n) =>
      judgement(`p02-yes${n}`, true, words(40, "Бұлай етуге бола ма?")),
    );
    const short = [1, 2, 3].map((n) =>
      judgement(`p02-no${n}`, false, words(30, "Осыған бола ма?")),
    );
    const [problem] = tagged(check([...long, ...short]), "R8");
    expect(problem).toMatch(
      /^practice pool: judgement stems keyed «Рұқсат етіледі» average 180 characters, those keyed «Рұқсат етілмейді» 135: the acceptable ones are 33\.3 % longer \(at most 15 %\), so length gives the key away \(R8\)\. Longest of them: p02-yes1 \(180\), p02-yes2 \(180\); shortest of the others: p02-no1 \(135\)/u,
    );
    // Not-acceptable stems given as much detail: the gap is gone.
    const evened = short.map((i) => ({ ...i, stem: words(39, "Осыған бола ма?") }));
    expect(tagged(check([...long, ...evened]), "R8")).toEqual([]);
  });

  it("refuses a question ending that 5 or more stems share when over 70 % of them have one key", () => {
    const same = "Бұған рұқсат етіле ме?";
    const items = [
      ...[1, 2, 3, 4].map((n) => judgement(`x02-no${n}`, false, words(10, same))),
      judgement("x02-yes1", true, words(10, same)),
      judgement("x02-yes2", true, words(10, "Оның бұлай әрекет етуіне рұқсат етіле ме?")),
    ];
    const endings = (problems: string[]) =>
      tagged(problems, "R8").filter((p) => p.includes("ending"));
    expect(endings(check([], items))).toEqual([
      "exam pool: 4 of the 5 judgement stems ending «…бұған рұқсат етіле ме?» (80 %; at most 70 %) are keyed «Рұқсат етілмейді», so the question's wording gives the key away (R8): x02-no1, x02-no2, x02-no3, x02-no4",
    ]);
    // 3 of 5 (60 %) is allowed, and endings shared by fewer than 5 items are not counted.
    items[0] = judgement("x02-no1", false, words(10, "Оның бұлай әрекет етуіне рұқсат етіле ме?"));
    items[4] = judgement("x02-yes1", true, words(10, same));
    items.push(judgement("x02-yes3", true, words(10, same)));
    expect(endings(check([], items))).toEqual([]);
  });

  it("takes the last four words as the ending", () => {
    expect(questionEnding("Инспектордың бұлай әрекет етуіне рұқсат етіле ме?")).toBe(
      "етуіне рұқсат етіле ме",
    );
    expect(questionEnding("«Бұл — дәстүр». Бұған рұқсат етіле ме?")).toBe("бұған рұқсат етіле ме");
  });
});

describe("R6 exam banks for sections 1 and 11", () => {
  it("names the missing exam banks", () => {
    const problems = check([single("p02-a")]);
    expect(problems).toEqual(
      expect.arrayContaining([
        "section 1: needs an exam bank quizzes/exam/01-<slug>.yaml with at least 3 items (has 0) (R6)",
        "section 11: needs an exam bank quizzes/exam/11-<slug>.yaml with at least 3 items (has 0) (R6)",
      ]),
    );
  });
});

describe("R7 near-duplicates", () => {
  const practiceStem =
    "Жол патрульдік полициясының инспекторы көлікті тоқтатқанда жүргізуші куәлігінің ішіне ақша салып ұсынды. Инспектор не істеуі керек?";
  const examStem =
    "Жол патрульдік полициясы инспекторы тоқтатқан көліктің жүргізушісі куәлігіне ақша салып берді. Инспектор не істеуге тиіс?";

  it("stems words by their first letters and measures token-set Jaccard", () => {
    expect(jaccard(stemSet(practiceStem), stemSet(examStem))).toBeGreaterThanOrEqual(0.5);
    expect(jaccard(stemSet("Тергеуші куәні шақырды"), stemSet(practiceStem))).toBeLessThan(0.2);
  });

  it("refuses an exam item with a near-duplicate stem and the same key", () => {
    const problems = check(
      [single("p02-bribe", 1, [10, 10, 10], practiceStem)],
      [single("x02-bribe", 1, [10, 10, 10], examStem)],
    );
    expect(tagged(problems, "R7")).toEqual([
      expect.stringMatching(
        /^quizzes\/exam\/02-x\.yaml: item x02-bribe: near-duplicate of practice item p02-bribe \(stem similarity 0\.\d\d ≥ 0\.5\) \(R7\)$/u,
      ),
    ]);
  });

  it("refuses an exam option that repeats practice text, since the site shows practice items", () => {
    const shared = "Өкімнің заңдылығына күдігі туралы басшыға дереу жазбаша хабарлайды.";
    const practiceItem = single("p02-order", 1, [10, 10, 10], "Басшы ауызша бұйырды.");
    const examItem = single("x02-order", 1, [10, 10, 10], "Командир тапсырма берді.");
    if (practiceItem.type === "single" && practiceItem.options[0])
      practiceItem.options[0].feedback = `Дұрыс жолы: ${shared} (2.1-тармақ)`;
    if (examItem.type === "single" && examItem.options[1]) examItem.options[1].text = shared;
    expect(tagged(check([practiceItem], [examItem]), "R7")).toEqual([
      `${EXAM}: item x02-order: option "${shared.slice(0, 40)}…" repeats the text of practice item p02-order, which the site shows (R7)`,
    ]);
  });

  it("lets a judgement pair with opposite keys contrast the same situation", () => {
    const problems = check(
      [judgement("p02-gift", false, practiceStem)],
      [judgement("x02-gift", true, examStem)],
    );
    expect(tagged(problems, "R7")).toEqual([]);
  });
});
