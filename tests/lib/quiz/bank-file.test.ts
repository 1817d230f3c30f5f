// From YAML text to banks (src/lib/quiz/bank-file.ts): the messages an author sees for broken
// files, the file-name rule the checker and the site share, one bank per section, and no
// knock-on coverage errors for a bank that could not be read.
import { describe, expect, it } from "vitest";
import {
  BANK_FILE,
  type BankSource,
  parseBank,
  readBanks,
} from "../../../src/lib/quiz/bank-file.ts";
import { checkBanks } from "../../../src/lib/quiz/check.ts";

const FILE = "quizzes/practice/02-kundelikti-qyzmet.yaml";

const item = (extra = "", difficulty = "1") => `  - id: p02-gift
    section: 2
    type: judgement
    clauses: ["2.10"]
    difficulty: ${difficulty}
    stem: "Азамат инспекторға сыйлық ұсынды. Алуға бола ма?"
    options:
      - text: "Рұқсат етіледі"
        correct: false
        feedback: "Қате (2.10-тармақ)."
      - text: "Рұқсат етілмейді"
        correct: true
        feedback: "Дұрыс (2.10-тармақ)."
    explanation: "2.10-тармақ бойынша сыйлық алынбайды."
${extra}`;
const bank = (body = item()) => `section: 2\nitems:\n${body}`;

describe("parseBank", () => {
  it("returns the bank of a well-formed file", () => {
    const parsed = parseBank(FILE, bank());
    expect(parsed.problems).toEqual([]);
    expect(parsed.bank?.items.map((i) => i.id)).toEqual(["p02-gift"]);
  });

  it("says what difficulty may be, naming file and item", () => {
    expect(parseBank(FILE, bank(item("", "4"))).problems).toEqual([
      `${FILE}: item p02-gift: difficulty must be 1, 2 or 3 (1 easy, 2 medium, 3 hard)`,
    ]);
    expect(parseBank(FILE, bank(item("", "1.5"))).problems).toEqual([
      `${FILE}: item p02-gift: difficulty must be 1, 2 or 3 (1 easy, 2 medium, 3 hard)`,
    ]);
    expect(parseBank(FILE, bank(item("", '"2"'))).problems).toEqual([
      `${FILE}: item p02-gift: difficulty must be 1, 2 or 3 (1 easy, 2 medium, 3 hard)`,
    ]);
  });

  it("names a missing field, and the option it belongs to", () => {
    const noStem = bank(item().replace(/ {4}stem: .*\n/u, ""));
    expect(parseBank(FILE, noStem).problems).toEqual([`${FILE}: item p02-gift: stem is missing`]);
    const noFeedback = bank(item().replace(/ {8}feedback: "Дұрыс.*\n/u, ""));
    expect(parseBank(FILE, noFeedback).problems).toEqual([
      `${FILE}: item p02-gift: option 2: feedback is missing`,
    ]);
  });

  it("names an unknown key and lists the keys allowed there", () => {
    const typo = bank(item().replace("    explanation:", "    explanaton:"));
    expect(parseBank(FILE, typo).problems).toEqual([
      `${FILE}: item p02-gift: explanation is missing`,
      `${FILE}: item p02-gift: unknown key "explanaton" (allowed: id, section, clauses, difficulty, stem, explanation, type, options)`,
    ]);
  });

  it("names an unknown type and the types there are", () => {
    const odd = bank(item().replace("type: judgement", "type: truefalse"));
    expect(parseBank(FILE, odd).problems).toEqual([
      `${FILE}: item p02-gift: type must be one of single, multiple, judgement, branching, not the text "truefalse"`,
    ]);
  });

  it("refuses an empty file, a file of comments and a list", () => {
    const empty = `${FILE}: the file is empty: a bank is \`section: N\` and a list of \`items:\` (see quizzes/README.md)`;
    expect(parseBank(FILE, "").problems).toEqual([empty]);
    expect(parseBank(FILE, "# nothing yet\n").problems).toEqual([empty]);
    expect(parseBank(FILE, "- a\n- b\n").problems).toEqual([
      `${FILE}: a bank is a mapping with \`section:\` and \`items:\`, not a list (see quizzes/README.md)`,
    ]);
  });

  it("refuses bad YAML with its line, and a key given twice", () => {
    const [bad] = parseBank(FILE, "section: 2\nitems:\n  - id: p02-a\n   stem: x\n").problems;
    expect(bad).toMatch(
      /^quizzes\/practice\/02-kundelikti-qyzmet\.yaml: not valid YAML: .* at line 4, column \d+$/u,
    );
    const [twice] = parseBank(
      FILE,
      bank(item().replace("    section: 2\n", "    section: 2\n    section: 2\n")),
    ).problems;
    expect(twice).toMatch(/not valid YAML: Map keys must be unique/u);
  });

  it("refuses a bank without items or with a section out of range", () => {
    expect(parseBank(FILE, "section: 12\nitems: []\n").problems).toEqual([
      `${FILE}: section must be a whole number from 1 to 11`,
      `${FILE}: items needs at least 1 entry (has 0)`,
    ]);
  });
});

describe("readBanks", () => {
  const source = (file: string, text = bank()): BankSource => ({ file, kind: "practice", text });

  it("shares one file-name pattern: two digits, a lower-case slug, .yaml or .yml", () => {
    for (const ok of ["02-kundelikti-qyzmet.yaml", "11-a.yml"])
      expect(BANK_FILE.test(ok)).toBe(true);
    for (const bad of ["5-typo.yaml", "02_x.yaml", "02-Qyzmet.yaml", "02-x.YAML", "02-.yaml"])
      expect(BANK_FILE.test(bad)).toBe(false);
  });

  it("reports a misnamed YAML file instead of skipping it, and leaves other files alone", () => {
    const read = readBanks([
      source("quizzes/practice/5-typo.yaml"),
      source("quizzes/practice/notes.txt", "just notes"),
      { file: "quizzes/exam/blueprint.yaml", kind: "exam", text: "items: 30" },
    ]);
    expect(read.files).toEqual([]);
    expect(read.problems).toEqual([
      "quizzes/practice/5-typo.yaml: not a bank file name: a practice bank is named NN-<slug>.yaml (two-digit section, lower-case Latin slug, e.g. 02-kundelikti-qyzmet.yaml); rename the file or move it out of the folder",
    ]);
  });

  it("takes one bank per section and kind, and the section its file name gives", () => {
    const read = readBanks([
      source("quizzes/practice/02-a.yaml"),
      source("quizzes/practice/02-b.yml"),
      source("quizzes/practice/03-c.yaml"),
    ]);
    expect(read.files.map((f) => f.file)).toEqual(["quizzes/practice/02-a.yaml"]);
    expect(read.problems).toEqual([
      "quizzes/practice/02-b.yml: section 2 already has a practice bank, quizzes/practice/02-a.yaml: one file per section",
      "quizzes/practice/03-c.yaml: the file name says section 3, the bank says section 2",
    ]);
  });

  it("with expectations, names every section that lacks a bank of a kind", () => {
    const read = readBanks([source("quizzes/practice/02-a.yaml")], {
      kinds: ["practice", "exam"],
      sections: [2],
    });
    expect(read.problems).toEqual(["section 2: no exam bank; add quizzes/exam/02-<slug>.yaml"]);
    expect(read.unread).toEqual([{ kind: "exam", section: 2 }]);
  });

  it("gives no knock-on coverage errors for a section whose bank did not parse", () => {
    const read = readBanks([source("quizzes/practice/02-a.yaml", bank(item("", "4")))], {
      kinds: ["practice"],
      sections: [2],
    });
    expect(read.problems).toEqual([
      "quizzes/practice/02-a.yaml: item p02-gift: difficulty must be 1, 2 or 3 (1 easy, 2 medium, 3 hard)",
    ]);
    const { problems } = checkBanks(read.files, ["2.10"], { unread: read.unread });
    expect(problems.filter((p) => p.startsWith("section 2:") && p.includes("practice"))).toEqual(
      [],
    );
    // The exam bank was read (here: absent without being expected), so its rules still apply.
    expect(problems).toContain("section 2: needs at least 6 exam items (has 0)");
  });
});
