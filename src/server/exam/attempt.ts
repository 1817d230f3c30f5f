// The rules of one exam attempt, as pure functions over its record and a clock: answers are
// accepted only while the attempt is open and before its deadline; grading happens on the
// server from the pool's keys, which never leave this module's callers.

import { HttpError } from "../http-error.ts";

export interface ExamOption {
  /** Stable option id within the item (`a`, `b`, … by position in the bank). */
  id: string;
  text: string;
  correct: boolean;
}

export interface ExamPoolItem {
  id: string;
  section: number;
  clauses: string[];
  type: "single" | "multiple" | "judgement";
  stem: string;
  options: ExamOption[];
}

export interface AttemptItem {
  itemId: string;
  /** Option ids in the order this learner sees them. */
  optionOrder: string[];
}

export interface Attempt {
  id: string;
  learnerId: string;
  startedAt: number;
  deadline: number;
  items: AttemptItem[];
  /** itemId → chosen option ids. */
  answers: Record<string, string[]>;
  submittedAt: number | null;
}

export class AttemptError extends HttpError {
  constructor(status: 400 | 404 | 409, message: string) {
    super(status, "exam", message);
  }
}

export function isExpired(attempt: Attempt, now: number): boolean {
  return now >= attempt.deadline;
}

/** Records an answer; refuses after the deadline, after submission, or for a foreign item/option. */
export function recordAnswer(
  attempt: Attempt,
  itemId: string,
  optionIds: string[],
  now: number,
): Attempt {
  if (attempt.submittedAt !== null)
    throw new AttemptError(409, "This attempt has already been submitted.");
  if (isExpired(attempt, now))
    throw new AttemptError(
      409,
      "The time for this attempt is over; answers are no longer accepted.",
    );
  const item = attempt.items.find((i) => i.itemId === itemId);
  if (!item) throw new AttemptError(400, `Item ${itemId} is not part of this attempt.`);
  const unknown = optionIds.filter((o) => !item.optionOrder.includes(o));
  if (unknown.length > 0)
    throw new AttemptError(400, `Unknown option(s) ${unknown.join(", ")} for item ${itemId}.`);
  if (new Set(optionIds).size !== optionIds.length)
    throw new AttemptError(400, "An option is chosen twice.");
  return { ...attempt, answers: { ...attempt.answers, [itemId]: [...optionIds].sort() } };
}

export interface ItemResult {
  itemId: string;
  section: number;
  clauses: string[];
  response: string[];
  success: boolean;
}

export interface AttemptResult {
  correct: number;
  total: number;
  scaled: number;
  passed: boolean;
  items: ItemResult[];
  /** Clauses of the items answered wrongly (or not at all), in standards order, without repeats. */
  clausesToReview: string[];
}

const clauseOrder = (id: string) =>
  id
    .split(".")
    .map(Number)
    .reduce((a, n, i) => a + n * (i === 0 ? 1000 : 1), 0);

/** Grades an attempt against the pool; unanswered items count as wrong. */
export function grade(
  attempt: Attempt,
  pool: ReadonlyMap<string, ExamPoolItem>,
  passMark: number,
): AttemptResult {
  const items = attempt.items.map(({ itemId }) => {
    const item = pool.get(itemId);
    if (!item) throw new Error(`exam pool no longer has item ${itemId}`);
    const response = attempt.answers[itemId] ?? [];
    const key = item.options
      .filter((o) => o.correct)
      .map((o) => o.id)
      .sort();
    const success = response.length === key.length && response.every((r, i) => r === key[i]);
    return { itemId, section: item.section, clauses: item.clauses, response, success };
  });
  const correct = items.filter((i) => i.success).length;
  const scaled = items.length === 0 ? 0 : correct / items.length;
  const review = new Set(items.filter((i) => !i.success).flatMap((i) => i.clauses));
  return {
    correct,
    total: items.length,
    scaled,
    passed: scaled >= passMark,
    items,
    clausesToReview: [...review].sort((a, b) => clauseOrder(a) - clauseOrder(b)),
  };
}
