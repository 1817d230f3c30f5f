// `npm run check:quizzes`: validates every question bank (schema, item rules, coverage) and
// prints the coverage table. Exits 1 with every problem listed, each naming file and item.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type BankSource, readBanks, SECTIONS, YAML_FILE } from "../src/lib/quiz/bank-file.ts";
import { checkBanks } from "../src/lib/quiz/check.ts";
import { type CueFigures, endingCues, percent, stemLengthCue } from "../src/lib/quiz/cues.ts";
import { allClauses, parseStandards } from "../src/lib/standards/parse.ts";

const clauseIds = allClauses(
  parseStandards(readFileSync("content/standards/source.kk.txt", "utf8")),
).map((c) => c.id);
const problems: string[] = [];
const sources: BankSource[] = [];
for (const kind of ["practice", "exam"] as const) {
  const dir = join("quizzes", kind);
  if (!existsSync(dir)) {
    problems.push(
      `${dir}: the folder is missing; it holds one YAML bank per section (see quizzes/README.md)`,
    );
    continue;
  }
  for (const name of readdirSync(dir).filter((n) => YAML_FILE.test(n))) {
    const file = join(dir, name);
    sources.push({ file, kind, text: readFileSync(file, "utf8") });
  }
}
const read = readBanks(sources, { kinds: ["practice", "exam"], sections: SECTIONS });
problems.push(...read.problems);
const { files, unread } = read;
const { problems: ruleProblems, coverage, cues } = checkBanks(files, clauseIds, { unread });
problems.push(...ruleProblems);
const types = ["single", "multiple", "judgement", "branching"] as const;
console.log("Coverage: items per section, practice (P) and exam (X) per type");
console.table(
  coverage.map((r) => ({
    section: r.section,
    P: r.practice,
    X: r.exam,
    ...Object.fromEntries(
      types.flatMap((t) => [
        [`P ${t}`, r.practiceByType[t] ?? 0],
        ...(t === "branching" ? [] : [[`X ${t}`, r.examByType[t] ?? 0]]),
      ]),
    ),
    "uncovered (P / X)": `${r.uncoveredPractice.join(" ") || "—"} / ${r.uncoveredExam.join(" ") || "—"}`,
  })),
);
const cueRow = (name: string, f: CueFigures) => ({
  bank: name,
  "judgement: «Рұқсат етіледі»": `${f.acceptable.length}/${f.judgements} (${percent(f.acceptable.length, f.judgements)})`,
  "single: key longest": `${f.longest.length}/${f.singles} (${percent(f.longest.length, f.singles)})`,
  "single: key first": `${f.first.length}/${f.singles} (${percent(f.first.length, f.singles)})`,
  "multiple: keys on top": `${f.top.length}/${f.multiples} (${percent(f.top.length, f.multiples)})`,
  ...(() => {
    const lengths = stemLengthCue(f.judgementStems);
    const [ending] = endingCues(f.judgementStems);
    return {
      "judgement stem length ✓ / ✗": lengths
        ? `${Math.round(lengths.acceptable)} / ${Math.round(lengths.notAcceptable)} (${percent(lengths.gap, 1)})`
        : "—",
      "ending that best predicts": ending
        ? `«${ending.ending}» ${ending.same}/${ending.items} (${percent(ending.same, ending.items)})`
        : "—",
    };
  })(),
});
console.log(
  "\nCues (R3 «Рұқсат етіледі» ≥ 30 %, R4 key longest ≤ 50 %, R5 key first ≤ 40 %, keys on top ≤ 50 %, R8 stem length gap ≤ 15 % and an ending shared by 5+ items ≤ 70 % one key; limits per pool)",
);
console.table([
  ...cues.banks.map((b) => cueRow(b.file.replace(/^quizzes\//u, ""), b.cues)),
  cueRow("PRACTICE POOL", cues.pools.practice),
  cueRow("EXAM POOL", cues.pools.exam),
]);
if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s):\n${problems.join("\n")}`);
  process.exit(1);
}
console.log(
  `quizzes: ${files.length} banks, ${files.reduce((n, f) => n + f.bank.items.length, 0)} items, all rules met`,
);
