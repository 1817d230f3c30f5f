// The rules a question bank must follow beyond its schema, and the coverage the course needs.
// Pure: banks in, problems and a coverage table out. Messages name the file and the item.
import type { QuizBank, QuizItem } from "./schema.ts";
import { JUDGEMENT_OPTIONS } from "./schema.ts";

export interface BankFile {
  file: string;
  kind: "practice" | "exam";
  bank: QuizBank;
}

export interface CoverageRow {
  section: number;
  /** Sections 1 and 11 have no numbered clauses: practised, never examined. */
  examined: boolean;
  practice: number;
  exam: number;
  branching: number;
  byType: Record<string, number>;
  uncoveredPractice: string[];
  uncoveredExam: string[];
}

const normalise = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

function branchingProblems(item: Extract<QuizItem, { type: "branching" }>): string[] {
  const problems: string[] = [];
  const steps = new Map(item.steps.map((s) => [s.id, s]));
  if (steps.size !== item.steps.length) problems.push("two steps share an id");
  for (const step of item.steps) {
    if (step.options.filter((o) => o.correct).length !== 1)
      problems.push(`step ${step.id} needs exactly one correct option`);
    for (const o of step.options)
      if (o.next && !steps.has(o.next))
        problems.push(`step ${step.id} leads to a missing step "${o.next}"`);
  }
  const reached = new Set<string>();
  const depths: number[] = [];
  const walk = (id: string, path: string[]) => {
    const step = steps.get(id);
    if (!step) return;
    if (path.includes(id)) {
      problems.push(`the scenario loops back to step ${id}`);
      return;
    }
    reached.add(id);
    for (const o of step.options) {
      if (o.next) walk(o.next, [...path, id]);
      else depths.push(path.length + 1);
    }
  };
  const first = item.steps[0];
  if (first) walk(first.id, []);
  for (const s of item.steps)
    if (!reached.has(s.id)) problems.push(`step ${s.id} cannot be reached`);
  if (depths.some((d) => d < 2 || d > 4))
    problems.push(`every path must have 2–4 decisions (found ${[...new Set(depths)].join(", ")})`);
  return [...new Set(problems)];
}

function itemProblems(
  item: QuizItem,
  kind: BankFile["kind"],
  section: number,
  clauses: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  if (item.section !== section)
    problems.push(`section ${item.section} differs from the file's section ${section}`);
  if (!item.id.startsWith(kind === "exam" ? "x" : "p"))
    problems.push(`${kind} item ids start with "${kind === "exam" ? "x" : "p"}"`);
  if (item.id.slice(1, 3) !== String(section).padStart(2, "0"))
    problems.push("the id's two digits must be the section");
  for (const c of item.clauses)
    if (!clauses.has(c)) problems.push(`clause ${c} does not exist in the standards`);
  if (item.type === "branching") {
    if (kind === "exam")
      problems.push("the exam pool takes single, multiple and judgement items only");
    problems.push(...branchingProblems(item));
    return problems;
  }
  const correct = item.options.filter((o) => o.correct).length;
  if (item.type === "single" && correct !== 1)
    problems.push(`a single-answer item needs exactly one correct option (has ${correct})`);
  if (item.type === "multiple" && (correct < 2 || correct === item.options.length)) {
    problems.push(
      "a select-all item needs at least two correct options and at least one wrong one",
    );
  }
  if (item.type === "judgement") {
    const texts = item.options.map((o) => o.text);
    if (texts[0] !== JUDGEMENT_OPTIONS[0] || texts[1] !== JUDGEMENT_OPTIONS[1]) {
      problems.push(
        `judgement options must be "${JUDGEMENT_OPTIONS[0]}" then "${JUDGEMENT_OPTIONS[1]}"`,
      );
    }
    if (correct !== 1) problems.push("a judgement item needs exactly one correct option");
  }
  const texts = item.options.map((o) => normalise(o.text));
  if (new Set(texts).size !== texts.length) problems.push("two options have the same text");
  return problems;
}

/** Every problem of every bank, plus the coverage rules of the course, and the coverage table. */
export function checkBanks(
  files: readonly BankFile[],
  clauseIds: readonly string[],
): { problems: string[]; coverage: CoverageRow[] } {
  const clauses = new Set(clauseIds);
  const problems: string[] = [];
  const ids = new Map<string, string>();
  const practiceStems = new Map<string, string>();
  for (const { file, kind, bank } of files) {
    if (!file.includes(`/${String(bank.section).padStart(2, "0")}-`))
      problems.push(`${file}: the file name must start with its section number ${bank.section}`);
    for (const item of bank.items) {
      for (const p of itemProblems(item, kind, bank.section, clauses))
        problems.push(`${file}: item ${item.id}: ${p}`);
      const seen = ids.get(item.id);
      if (seen) problems.push(`${file}: item ${item.id}: the id is already used in ${seen}`);
      ids.set(item.id, file);
      if (kind === "practice") practiceStems.set(normalise(item.stem), item.id);
    }
  }
  for (const { file, kind, bank } of files) {
    if (kind !== "exam") continue;
    for (const item of bank.items) {
      const twin = practiceStems.get(normalise(item.stem));
      if (twin) problems.push(`${file}: item ${item.id}: duplicates practice item ${twin}`);
    }
  }
  const coverage: CoverageRow[] = [];
  for (let section = 1; section <= 11; section++) {
    const of = (kind: BankFile["kind"]) =>
      files
        .filter((f) => f.kind === kind && f.bank.section === section)
        .flatMap((f) => f.bank.items);
    const practice = of("practice");
    const exam = of("exam");
    const sectionClauses = clauseIds.filter(
      (c) => c === String(section) || c.startsWith(`${section}.`),
    );
    const cited = (items: QuizItem[]) => new Set(items.flatMap((i) => i.clauses));
    const byType: Record<string, number> = {};
    for (const i of [...practice, ...exam]) byType[i.type] = (byType[i.type] ?? 0) + 1;
    const row: CoverageRow = {
      section,
      examined: section !== 1 && section !== 11,
      practice: practice.length,
      exam: exam.length,
      branching: practice.filter((i) => i.type === "branching").length,
      byType,
      uncoveredPractice: sectionClauses.filter((c) => !cited(practice).has(c)),
      uncoveredExam: sectionClauses.filter((c) => !cited(exam).has(c)),
    };
    coverage.push(row);
    if (!row.examined) {
      if (row.practice < 3)
        problems.push(`section ${section}: needs at least 3 practice items (has ${row.practice})`);
      continue;
    }
    if (row.practice < 6)
      problems.push(`section ${section}: needs at least 6 practice items (has ${row.practice})`);
    if (row.exam < 6)
      problems.push(`section ${section}: needs at least 6 exam items (has ${row.exam})`);
    if (row.branching < 1)
      problems.push(`section ${section}: needs a branching scenario in the practice bank`);
    if (row.uncoveredPractice.length > 0)
      problems.push(
        `section ${section}: no practice item tests clause(s) ${row.uncoveredPractice.join(", ")}`,
      );
    if (row.uncoveredExam.length > 0)
      problems.push(
        `section ${section}: no exam item tests clause(s) ${row.uncoveredExam.join(", ")}`,
      );
  }
  return { problems, coverage };
}
