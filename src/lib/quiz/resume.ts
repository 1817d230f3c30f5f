// A practice quiz in progress, as it is kept in the learner's xAPI State (stateId
// `quiz-progress`, activity = the section's quiz) so that a round can be resumed later, on this
// or another device. What comes back from the LRS is untrusted: it is checked against the
// current bank and rescored from it, and anything that no longer fits is dropped.
import {
  type BranchDecision,
  branchState,
  type ItemLayout,
  isCorrect,
  isPermutation,
  optionId,
} from "./play.ts";
import type { QuizItem } from "./schema.ts";

export const PROGRESS_STATE_ID = "quiz-progress";

/** An item answered in this round: chosen option ids, or the scenario's decisions. */
export interface RoundAnswer {
  chosen: string[];
  correct: boolean;
  decisions?: BranchDecision[];
}

export interface QuizProgress {
  version: 1;
  section: number;
  /** The round's xAPI registration, kept so that resumed answers join the same run. */
  registration: string;
  /** When the round began (ISO 8601), for the duration of the `completed` statement. */
  startedAt: string;
  layout: ItemLayout[];
  mode: "one" | "all";
  /** Position in one-at-a-time mode. */
  index: number;
  answers: Record<string, RoundAnswer>;
  /** Decisions of scenarios begun but not finished. */
  paths: Record<string, BranchDecision[]>;
}

/** What is saved once a round is over: nothing to resume. */
export const FINISHED = { version: 1, finished: true } as const;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null;

function restoreLayout(value: unknown, items: readonly QuizItem[]): ItemLayout[] | null {
  if (!Array.isArray(value) || value.length !== items.length) return null;
  const byId = new Map(items.map((i) => [i.id, i]));
  const seen = new Set<string>();
  const layout: ItemLayout[] = [];
  for (const entry of value) {
    if (!isObject(entry) || typeof entry.id !== "string" || seen.has(entry.id)) return null;
    const item = byId.get(entry.id);
    if (!item) return null;
    seen.add(entry.id);
    if (item.type === "branching") {
      const steps = isObject(entry.steps) ? entry.steps : {};
      const orders: Record<string, number[]> = {};
      for (const step of item.steps) {
        const order = steps[step.id];
        if (!Array.isArray(order) || !isPermutation(order, step.options.length)) return null;
        orders[step.id] = order as number[];
      }
      layout.push({ id: item.id, options: [], steps: orders });
    } else {
      const order = entry.options;
      if (!Array.isArray(order) || !isPermutation(order, item.options.length)) return null;
      layout.push({ id: item.id, options: order as number[], steps: {} });
    }
  }
  return layout;
}

/** Replays saved decisions through the bank; null if they do not form a path of it. */
function restoreDecisions(
  item: Extract<QuizItem, { type: "branching" }>,
  value: unknown,
): BranchDecision[] | null {
  if (!Array.isArray(value)) return null;
  const decisions: BranchDecision[] = [];
  for (const d of value) {
    const step = branchState(item, decisions).step;
    if (!step || !isObject(d) || d.step !== step.id || typeof d.option !== "number") return null;
    const option = step.options[d.option];
    if (!option) return null;
    decisions.push({ step: step.id, option: d.option, correct: option.correct });
  }
  return decisions;
}

function restoreAnswer(item: QuizItem, value: unknown): RoundAnswer | null {
  if (!isObject(value)) return null;
  if (item.type === "branching") {
    const decisions = restoreDecisions(item, value.decisions);
    const state = decisions ? branchState(item, decisions) : null;
    if (!decisions || !state?.finished) return null;
    return { chosen: [], decisions, correct: state.success };
  }
  const valid = new Set(item.options.map((_, i) => optionId(i)));
  const chosen = value.chosen;
  if (
    !Array.isArray(chosen) ||
    chosen.length === 0 ||
    !chosen.every((c) => typeof c === "string" && valid.has(c)) ||
    (item.type !== "multiple" && chosen.length !== 1)
  )
    return null;
  return { chosen: chosen as string[], correct: isCorrect(item, chosen as string[]) };
}

/**
 * The saved round if it can be resumed against this bank: same items, something answered and
 * something left. Correctness is recomputed from the bank, never taken from the document.
 */
export function restoreProgress(
  saved: unknown,
  section: number,
  items: readonly QuizItem[],
): QuizProgress | null {
  if (!isObject(saved) || saved.version !== 1 || saved.section !== section) return null;
  if (typeof saved.registration !== "string" || typeof saved.startedAt !== "string") return null;
  if (Number.isNaN(Date.parse(saved.startedAt))) return null;
  const layout = restoreLayout(saved.layout, items);
  if (!layout) return null;
  const byId = new Map(items.map((i) => [i.id, i]));
  const answers: Record<string, RoundAnswer> = {};
  for (const [id, value] of Object.entries(isObject(saved.answers) ? saved.answers : {})) {
    const item = byId.get(id);
    const answer = item ? restoreAnswer(item, value) : null;
    if (!answer) return null;
    answers[id] = answer;
  }
  const paths: Record<string, BranchDecision[]> = {};
  for (const [id, value] of Object.entries(isObject(saved.paths) ? saved.paths : {})) {
    const item = byId.get(id);
    if (item?.type !== "branching" || answers[id]) return null;
    const decisions = restoreDecisions(item, value);
    if (!decisions || branchState(item, decisions).finished) return null;
    if (decisions.length > 0) paths[id] = decisions;
  }
  const done = Object.keys(answers).length;
  if ((done === 0 && Object.keys(paths).length === 0) || done === items.length) return null;
  const index = typeof saved.index === "number" ? Math.trunc(saved.index) : 0;
  return {
    version: 1,
    section,
    registration: saved.registration,
    startedAt: saved.startedAt,
    layout,
    mode: saved.mode === "all" ? "all" : "one",
    index: Math.min(Math.max(index, 0), items.length - 1),
    answers,
    paths,
  };
}

/** The State document of a round in progress (what `restoreProgress` reads back). */
export function progressDocument(round: Omit<QuizProgress, "version">): QuizProgress {
  return {
    version: 1,
    section: round.section,
    registration: round.registration,
    startedAt: round.startedAt,
    layout: round.layout,
    mode: round.mode,
    index: round.index,
    answers: round.answers,
    paths: round.paths,
  };
}
