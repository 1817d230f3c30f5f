// The rules the question banks must follow beyond their schema, and the coverage the course
// needs. Pure: banks in, problems, a coverage table and the cue figures out. Every message names
// the file and, where there is one, the item. Rules R1–R7: quizzes/README.md.
import { type BankKind, itemProblems, normalise } from "./check-item.ts";
import { bankCues, type CueFigures, cueProblems, sumCues } from "./cues.ts";
import type { QuizBank, QuizItem, QuizItemType } from "./schema.ts";
import { jaccard, NEAR_DUPLICATE, stemSet } from "./similarity.ts";

export interface BankFile {
  file: string;
  kind: BankKind;
  bank: QuizBank;
}

export interface CoverageRow {
  section: number;
  practice: number;
  exam: number;
  branching: number;
  practiceByType: Partial<Record<QuizItemType, number>>;
  examByType: Partial<Record<QuizItemType, number>>;
  uncoveredPractice: string[];
  uncoveredExam: string[];
}

export interface CheckResult {
  problems: string[];
  coverage: CoverageRow[];
  /** R3–R5 figures per bank file and per pool. */
  cues: {
    banks: { file: string; kind: BankKind; cues: CueFigures }[];
    pools: Record<BankKind, CueFigures>;
  };
}

/** Sections without numbered clauses: their only "clause" is the section itself. */
const ITEMLESS = new Set([1, 11]);

const judgementKey = (item: QuizItem) =>
  item.type === "judgement" ? item.options.findIndex((o) => o.correct) : -1;

/** R7: an exam stem must not be the same situation, with the same key, as a practice stem. */
function duplicateProblems(files: readonly BankFile[]): string[] {
  const problems: string[] = [];
  const practice = files
    .filter((f) => f.kind === "practice")
    .flatMap((f) => f.bank.items)
    .map((item) => ({ item, exact: normalise(item.stem), stems: stemSet(item.stem) }));
  // The practice banks are built into the site; an exam option that repeats practice text would
  // show up in dist/ (tests/build/no-exam-in-dist.test.ts looks for the first 40 characters).
  const practiceText = practice.map((p) => ({ id: p.item.id, text: JSON.stringify(p.item) }));
  for (const { file, kind, bank } of files) {
    if (kind !== "exam") continue;
    for (const item of bank.items) {
      if (item.type !== "branching")
        for (const o of item.options.filter((o) => o.text.length > 25)) {
          const needle = JSON.stringify(o.text.slice(0, 40)).slice(1, -1);
          const twin = practiceText.find((p) => p.text.includes(needle));
          if (twin)
            problems.push(
              `${file}: item ${item.id}: option "${o.text.slice(0, 40)}…" repeats the text of practice item ${twin.id}, which the site shows (R7)`,
            );
        }
      const exact = normalise(item.stem);
      const stems = stemSet(item.stem);
      const twin = practice.find((p) => p.exact === exact);
      if (twin) {
        problems.push(`${file}: item ${item.id}: duplicates practice item ${twin.item.id}`);
        continue;
      }
      for (const p of practice) {
        const similarity = jaccard(stems, p.stems);
        // A judgement pair with opposite keys is a deliberate contrast, not a rehearsed answer.
        const sameKey =
          item.type !== "judgement" ||
          p.item.type !== "judgement" ||
          judgementKey(item) === judgementKey(p.item);
        if (similarity >= NEAR_DUPLICATE && sameKey)
          problems.push(
            `${file}: item ${item.id}: near-duplicate of practice item ${p.item.id} (stem similarity ${similarity.toFixed(2)} ≥ ${NEAR_DUPLICATE}) (R7)`,
          );
      }
    }
  }
  return problems;
}

function coverageRows(files: readonly BankFile[], clauseIds: readonly string[]): CoverageRow[] {
  const rows: CoverageRow[] = [];
  for (let section = 1; section <= 11; section++) {
    const of = (kind: BankKind) =>
      files
        .filter((f) => f.kind === kind && f.bank.section === section)
        .flatMap((f) => f.bank.items);
    const practice = of("practice");
    const exam = of("exam");
    const sectionClauses = clauseIds.filter(
      (c) => c === String(section) || c.startsWith(`${section}.`),
    );
    const cited = (items: QuizItem[]) => new Set(items.flatMap((i) => i.clauses));
    const byType = (items: QuizItem[]) => {
      const counts: Partial<Record<QuizItemType, number>> = {};
      for (const i of items) counts[i.type] = (counts[i.type] ?? 0) + 1;
      return counts;
    };
    rows.push({
      section,
      practice: practice.length,
      exam: exam.length,
      branching: practice.filter((i) => i.type === "branching").length,
      practiceByType: byType(practice),
      examByType: byType(exam),
      uncoveredPractice: sectionClauses.filter((c) => !cited(practice).has(c)),
      uncoveredExam: sectionClauses.filter((c) => !cited(exam).has(c)),
    });
  }
  return rows;
}

/** The coverage rules of one section; `skip` leaves out the kinds whose bank was not read. */
function coverageProblems(row: CoverageRow, skip: ReadonlySet<BankKind> = new Set()): string[] {
  const { section } = row;
  const practice: string[] = [];
  const exam: string[] = [];
  if (ITEMLESS.has(section)) {
    const slug = `quizzes/exam/${String(section).padStart(2, "0")}-<slug>.yaml`;
    if (row.practice < 3)
      practice.push(`section ${section}: needs at least 3 practice items (has ${row.practice})`);
    if (row.exam < 3)
      exam.push(
        `section ${section}: needs an exam bank ${slug} with at least 3 items (has ${row.exam}) (R6)`,
      );
  } else {
    if (row.practice < 6)
      practice.push(`section ${section}: needs at least 6 practice items (has ${row.practice})`);
    if (row.branching < 1)
      practice.push(`section ${section}: needs a branching scenario in the practice bank`);
    if (row.uncoveredPractice.length > 0)
      practice.push(
        `section ${section}: no practice item tests clause(s) ${row.uncoveredPractice.join(", ")}`,
      );
    if (row.exam < 6)
      exam.push(`section ${section}: needs at least 6 exam items (has ${row.exam})`);
    if (row.uncoveredExam.length > 0)
      exam.push(`section ${section}: no exam item tests clause(s) ${row.uncoveredExam.join(", ")}`);
  }
  return [...(skip.has("practice") ? [] : practice), ...(skip.has("exam") ? [] : exam)];
}

/**
 * Every problem of every bank, the course's coverage rules, the coverage table, the cues.
 * `unread` names the banks that are missing or failed to parse (readBanks has said why): their
 * section's coverage rules for that kind are not applied, since they would only repeat it.
 */
export function checkBanks(
  files: readonly BankFile[],
  clauseIds: readonly string[],
  options: { unread?: readonly { kind: BankKind; section: number }[] } = {},
): CheckResult {
  const clauses = new Set(clauseIds);
  const problems: string[] = [];
  const ids = new Map<string, string>();
  for (const { file, kind, bank } of files) {
    for (const item of bank.items) {
      for (const p of itemProblems(item, kind, bank.section, clauses))
        problems.push(`${file}: item ${item.id}: ${p}`);
      const seen = ids.get(item.id);
      if (seen) problems.push(`${file}: item ${item.id}: the id is already used in ${seen}`);
      ids.set(item.id, file);
    }
  }
  problems.push(...duplicateProblems(files));
  const banks = files.map(({ file, kind, bank }) => ({ file, kind, cues: bankCues(bank) }));
  const pools = {} as Record<BankKind, CueFigures>;
  for (const kind of ["practice", "exam"] as const) {
    const own = banks.filter((b) => b.kind === kind);
    pools[kind] = sumCues(own.map((b) => b.cues));
    problems.push(...cueProblems(kind, own));
  }
  const coverage = coverageRows(files, clauseIds);
  for (const row of coverage) {
    const skip = new Set(
      (options.unread ?? []).filter((u) => u.section === row.section).map((u) => u.kind),
    );
    problems.push(...coverageProblems(row, skip));
  }
  return { problems, coverage, cues: { banks, pools } };
}
