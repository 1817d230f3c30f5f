// The rules one item must follow beyond its schema: ids, clauses, keys, citations (R1) and, for
// branching scenarios, a real branching graph (R2). Pure: each problem is a sentence about the
// item; the caller prefixes file and item id.
import { citedClauses, cites, citesAny } from "./cite.ts";
import type { BranchingItem, QuizItem, QuizOption } from "./schema.ts";
import { JUDGEMENT_OPTIONS } from "./schema.ts";

export type BankKind = "practice" | "exam";

export const normalise = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

const citation = (id: string) => (id.includes(".") ? `${id}-тармақ` : `${id}-бөлім`);

function citationProblems(
  item: QuizItem,
  options: readonly (QuizOption & { where?: string })[],
  clauses: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  if (!item.clauses.some((c) => cites(item.explanation, c)))
    problems.push(
      `the explanation must cite one of the item's clauses (${item.clauses.map(citation).join(", ")}) (R1)`,
    );
  for (const o of options)
    if (!citesAny(o.feedback, clauses))
      problems.push(
        `the feedback of ${o.correct ? "right" : "wrong"} option "${o.text}"${o.where ?? ""} must cite a clause, e.g. (2.10-тармақ) (R1)`,
      );
  // The player links, the heatmap counts and the exam's "clauses to review" name only the
  // item's own clauses, so a clause the right answer rests on must be one of them.
  const own = new Set(item.clauses);
  const relied = [
    ...new Set(options.filter((o) => o.correct).flatMap((o) => citedClauses(o.feedback, clauses))),
  ].filter((c) => !own.has(c));
  if (relied.length > 0)
    problems.push(
      `the feedback of the right answer cites ${relied.map(citation).join(", ")}, not among the item's clauses (${item.clauses.join(", ")}): add ${relied.length > 1 ? "them" : "it"} to clauses (R1)`,
    );
  return problems;
}

function branchingProblems(item: BranchingItem): string[] {
  const problems: string[] = [];
  const steps = new Map(item.steps.map((s) => [s.id, s]));
  if (steps.size !== item.steps.length) problems.push("two steps share an id");
  let consequence = false;
  for (const step of item.steps) {
    const right = step.options.filter((o) => o.correct);
    if (right.length !== 1) problems.push(`step ${step.id} needs exactly one correct option`);
    for (const o of step.options) {
      if (o.next && !steps.has(o.next))
        problems.push(`step ${step.id} leads to a missing step "${o.next}"`);
      if (!o.correct && o.next && right.length === 1 && o.next !== right[0]?.next)
        consequence = true;
    }
  }
  if (!consequence)
    problems.push(
      "no wrong choice leads to a step of its own: at least one wrong option must lead to a consequence step (what happened, then the next decision) that the right option does not (R2)",
    );
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

export function itemProblems(
  item: QuizItem,
  kind: BankKind,
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
    const options = item.steps.flatMap((s) =>
      s.options.map((o) => ({ ...o, where: ` in step ${s.id}` })),
    );
    problems.push(...citationProblems(item, options, clauses));
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
  problems.push(...citationProblems(item, item.options, clauses));
  return problems;
}
