// How a synthetic learner answers: a two-parameter logistic model (ability θ, item
// discrimination a and difficulty b, P(right) = 1 / (1 + e^(−a(θ − b)))) with each item's a and b
// derived from its id and the bank's difficulty, and answers built from the REAL keys of the
// real banks: a right answer is exactly the key, a wrong one a plausible wrong choice.
import { type BranchDecision, branchState, correctIds, optionId } from "../../lib/quiz/play.ts";
import type { BranchingItem, QuizItem } from "../../lib/quiz/schema.ts";
import type { ExamPoolItem } from "../exam/attempt.ts";

/** A stable number in [0, 1) from a text (item parameters must not depend on draw order). */
export function hashUnit(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return ((h >>> 0) % 100_000) / 100_000;
}

export interface ItemParameters {
  a: number;
  b: number;
}

/** Bank difficulty 1–3 sets the centre of b; the id spreads a and b around it. */
export function itemParameters(id: string, difficulty: number): ItemParameters {
  const a = 0.35 + 1.6 * hashUnit(`${id}:a`);
  const b = (difficulty - 2) * 0.9 - 1.1 + (hashUnit(`${id}:b`) - 0.5) * 1.2;
  return { a, b };
}

export function probabilityRight(theta: number, p: ItemParameters): number {
  return 1 / (1 + Math.exp(-p.a * (theta - p.b)));
}

function pick<T>(items: readonly T[], random: () => number): T | undefined {
  return items[Math.floor(random() * items.length)];
}

/** Option ids chosen for a choice item: the key when right, a wrong choice otherwise. */
export function chooseOptions(
  options: readonly { id: string; correct: boolean }[],
  right: boolean,
  random: () => number,
): string[] {
  const key = options.filter((o) => o.correct).map((o) => o.id);
  if (right) return [...key].sort();
  const wrong = options.filter((o) => !o.correct).map((o) => o.id);
  if (key.length === 1) return [pick(wrong, random) ?? wrong[0] ?? "a"];
  // A multiple-answer item is missed by leaving out a right option or adding a wrong one.
  const kept = key.filter(() => random() < 0.7);
  const added = wrong.filter(() => random() < 0.4);
  const answer = [...new Set([...kept, ...added])].sort();
  const same = answer.length === key.length && answer.every((x, i) => x === [...key].sort()[i]);
  return same || answer.length === 0 ? [pick(wrong, random) ?? "a"] : answer;
}

/** A walk through a branching scenario: each decision right with probability `pRight`. */
export function walkBranching(
  item: BranchingItem,
  pRight: number,
  random: () => number,
): BranchDecision[] {
  const decisions: BranchDecision[] = [];
  for (let guard = 0; guard < 8; guard++) {
    const { step, finished } = branchState(item, decisions);
    if (finished || !step) break;
    const right = random() < pRight;
    const candidates = step.options
      .map((o, i) => ({ o, i }))
      .filter(({ o }) => o.correct === right);
    const choice = pick(candidates, random) ?? { o: step.options[0], i: 0 };
    decisions.push({ step: step.id, option: choice.i, correct: choice.o?.correct ?? false });
  }
  return decisions;
}

/** A practice answer to a bank item: what the quiz player would record. */
export function practiceAnswer(item: QuizItem, theta: number, random: () => number) {
  const p = probabilityRight(theta, itemParameters(item.id, item.difficulty));
  if (item.type === "branching") {
    // Each step is easier than the whole walk; a walk of ~3 steps keeps the item's difficulty.
    const decisions = walkBranching(item, p ** (1 / 3), random);
    return { decisions, success: branchState(item, decisions).success };
  }
  const options = item.options.map((o, i) => ({ id: optionId(i), correct: o.correct }));
  const chosen = chooseOptions(options, random() < p, random);
  const key = correctIds(item);
  const success = chosen.length === key.length && chosen.every((c, i) => c === key[i]);
  return { chosen, success };
}

/** How much better people do in the exam than in practice: they prepare for it. */
export const EXAM_PREPARATION = 1;

/** An exam answer (option ids of the pool item), sometimes none at all. */
export function examAnswer(
  item: ExamPoolItem,
  difficulty: number,
  theta: number,
  random: () => number,
) {
  if (random() < 0.015) return [];
  const p = probabilityRight(theta + EXAM_PREPARATION, itemParameters(item.id, difficulty));
  return chooseOptions(item.options, random() < p, random);
}
