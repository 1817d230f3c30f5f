// Wording of the explanations (never the official text): claims about the standards are checked
// against the source, and phrasings once found unnatural or wrong stay out.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseStandards } from "../../src/lib/standards/parse.ts";
import { OFFICIAL_TEXT } from "./official-text.ts";

const dir = "content/lessons";
const lessons = new Map(
  readdirSync(dir)
    .filter((f) => f.endsWith(".mdx"))
    .map((f) => [Number(f.slice(0, 2)), readFileSync(`${dir}/${f}`, "utf8")]),
);
const sections = parseStandards(readFileSync(OFFICIAL_TEXT, "utf8"));

/** "3-, 5–10-бөлімдер" for [3, 5, 6, 7, 8, 9, 10]. */
function sectionRange(numbers: number[]): string {
  const runs: number[][] = [];
  for (const n of numbers) {
    const run = runs.at(-1);
    if (run && run.at(-1) === n - 1) run.push(n);
    else runs.push([n]);
  }
  return `${runs.map((r) => (r.length > 1 ? `${r[0]}–${r.at(-1)}` : `${r[0]}`)).join("-, ")}-бөлімдер`;
}

describe("lesson explanations", () => {
  it("lesson 11 names exactly the sections whose requirements end with «ұсынылады»", () => {
    const recommending = sections
      .filter((s) => s.clauses.at(-1)?.text.trim().endsWith("ұсынылады."))
      .map((s) => s.number);
    expect(recommending).toEqual([3, 5, 6, 7, 8, 9, 10]); // section 4 ends «…болдырмау;»
    const text = lessons.get(11) ?? "";
    expect(text).toContain(`${sectionRange(recommending)}дің талаптары «ұсынылады»`);
    expect(text).not.toMatch(/3–10-бөлімдер/u);
  });

  const avoided: [number, string, string][] = [
    [2, "демалыс күнге қызметтік көлікті", "демалыс күні пайдалану үшін"],
    [2, "тікелей бағыныңызда", "қарамағыңызда немесе бақылауыңызда (2.12)"],
    [2, "Шымкенттегі қызметкер Дәуренге", "өтіну takes the ablative: Дәуреннен"],
    [1, "Дәуренге тәлімгері стандарттармен таныстырды", "таныстыру takes the accusative"],
    [5, "кінәсіз адамды жазалауы", "кінәсіз адамның жазалануына … әкелуі мүмкін"],
    [5, "Жоғалған хаттама", "the record was not lost but kept out of the file"],
    [5, "хаттаманы іске тіркеді", "a record is filed (тігіледі), not registered"],
    [5, "Қылмыстық іс қозғалады ма", "қозғала ма"],
  ];
  for (const [section, phrase, why] of avoided) {
    it(`lesson ${section} avoids «${phrase}» (${why})`, () => {
      expect(lessons.get(section)).toBeDefined();
      expect(lessons.get(section)).not.toContain(phrase);
    });
  }
});
