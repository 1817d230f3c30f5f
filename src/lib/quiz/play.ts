// Pure quiz mechanics shared by the player and tests: option ids, shuffling, scoring and the
// step-by-step walk through a branching scenario.
import type { BranchingItem, QuizItem } from "./schema.ts";

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
