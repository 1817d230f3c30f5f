// Pure quiz mechanics shared by the player and tests: option ids, shuffling, scoring and the
// step-by-step walk through a branching scenario.
import type { BranchingItem, BranchStep, QuizItem } from "./schema.ts";

/** Stable option ids by position in the bank, independent of the order shown. */
export const optionId = (index: number) => "abcdefgh"[index] ?? String(index);

/** Mulberry32: seeded so a retry can be reshuffled and a test can predict the order. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The option ids that are right for a choice item. */
export function correctIds(item: Exclude<QuizItem, BranchingItem>): string[] {
  return item.options.flatMap((o, i) => (o.correct ? [optionId(i)] : []));
}

/** A choice answer is right when exactly the correct options are chosen. */
export function isCorrect(
  item: Exclude<QuizItem, BranchingItem>,
  chosen: readonly string[],
): boolean {
  const key = correctIds(item);
  const answer = [...new Set(chosen)].sort();
  return answer.length === key.length && answer.every((id, i) => id === key[i]);
}

export interface BranchDecision {
  step: string;
  option: number;
  correct: boolean;
}

/** Where a branching scenario stands after some decisions: the next step, or the end. */
export function branchState(item: BranchingItem, decisions: readonly BranchDecision[]) {
  const last = decisions.at(-1);
  const lastStep = last ? item.steps.find((s) => s.id === last.step) : undefined;
  const next = last ? lastStep?.options[last.option]?.next : item.steps[0]?.id;
  const step = next ? item.steps.find((s) => s.id === next) : undefined;
  const finished = decisions.length > 0 && !step;
  return { step, finished, success: finished && decisions.every((d) => d.correct) };
}

/** The response pattern of a branching walk: the chosen option id at each step. */
export function branchResponse(decisions: readonly BranchDecision[]): string {
  return decisions.map((d) => `${d.step}.${optionId(d.option)}`).join("[,]");
}

/** A source of uniform numbers in [0, 1): `Math.random` in the player, `seeded(n)` in tests. */
export type Random = () => number;

/** Indexes 0..n-1 in a random order. */
export function shuffledIndexes(n: number, random: Random): number[] {
  return shuffled(
    Array.from({ length: n }, (_, i) => i),
    random,
  );
}

/**
 * How one item is laid out in a round: `options` lists bank option indexes in display order
 * (choice items); `steps` does the same for every decision of a scenario. Banks put the right
 * answer first more often than not, so every round, the first included, is shuffled: choosing
 * "the first option" must not be a strategy.
 */
export interface ItemLayout {
  id: string;
  options: number[];
  steps: Record<string, number[]>;
}

/** The layout of a round: items in a random order, each one's options (or steps') shuffled. */
export function planRound(items: readonly QuizItem[], random: Random): ItemLayout[] {
  return shuffled(items, random).map((item) =>
    item.type === "branching"
      ? {
          id: item.id,
          options: [],
          steps: Object.fromEntries(
            item.steps.map((s) => [s.id, shuffledIndexes(s.options.length, random)]),
          ),
        }
      : { id: item.id, options: shuffledIndexes(item.options.length, random), steps: {} },
  );
}

/** The display order of a scenario step's options; bank order if the layout lacks the step. */
export function stepOrder(layout: ItemLayout | undefined, step: BranchStep): number[] {
  const order = layout?.steps[step.id];
  return order && isPermutation(order, step.options.length) ? order : step.options.map((_, i) => i);
}

/** Whether `order` holds each of 0..n-1 exactly once. */
export function isPermutation(order: readonly number[], n: number): boolean {
  return order.length === n && new Set(order).size === n && order.every((i) => i >= 0 && i < n);
}

/**
 * Every way of getting all decisions of a scenario right, as response patterns in the form of
 * `branchResponse` (the banks give each step one right option, so there is one path).
 */
export function rightPaths(item: BranchingItem): string[] {
  const paths: string[] = [];
  const walk = (stepId: string | undefined, path: BranchDecision[]) => {
    const step = stepId ? item.steps.find((s) => s.id === stepId) : undefined;
    if (!step) {
      if (path.length > 0) paths.push(branchResponse(path));
      return;
    }
    if (path.some((d) => d.step === step.id)) return; // a loop is not a path
    step.options.forEach((o, i) => {
      if (o.correct) walk(o.next, [...path, { step: step.id, option: i, correct: true }]);
    });
  };
  walk(item.steps[0]?.id, []);
  return paths;
}
