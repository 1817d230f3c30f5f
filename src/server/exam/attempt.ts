// The rules of one exam attempt, as pure functions over its record and a clock: answers are
// accepted only while the attempt is open and before its deadline (plus a short grace for
// answers in flight); grading happens on the server from the pool's keys, which never leave
// this module's callers. The browser only ever sees per-attempt option ids, random and
// meaningless, so no position or letter can stand for the key across attempts.
import { randomBytes } from "node:crypto";
import { HttpError } from "../http-error.ts";

export interface ExamOption {
  /** Option id in the bank (`a`, `b`, … by position): server only, never sent to a browser. */
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

export interface AttemptOption {
  /** Per-attempt id the learner's browser sees and answers with. */
  id: string;
  /** The bank option it stands for (kept on the server). */
  bank: string;
}

export interface AttemptItem {
  itemId: string;
  /** The options in the order this learner sees them. */
  options: AttemptOption[];
}

export interface Attempt {
  id: string;
  learnerId: string;
  startedAt: number;
  deadline: number;
  items: AttemptItem[];
  /** itemId → chosen per-attempt option ids. */
  answers: Record<string, string[]>;
  submittedAt: number | null;
}

export class AttemptError extends HttpError {
  constructor(status: 400 | 404 | 409, message: string) {
    super(status, "exam", message);
  }
}

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
/** Length of a per-attempt option id: 10 base32 characters, 50 random bits. */
export const OPTION_ID_LENGTH = 10;
export const OPTION_ID = /^[A-Z2-7]{10}$/u;

/** A fresh random option id (no position, no letter, nothing shared between attempts). */
export function randomOptionId(): string {
  return [...randomBytes(OPTION_ID_LENGTH)].map((b) => BASE32[b & 31]).join("");
}

/** Per-attempt ids for the bank options in the order shown; unique within the attempt. */
export function attemptOptions(order: readonly string[], taken: Set<string>): AttemptOption[] {
  return order.map((bank) => {
    let id = randomOptionId();
    while (taken.has(id)) id = randomOptionId();
    taken.add(id);
    return { id, bank };
  });
}

/** True once answers are no longer accepted: the deadline plus the grace for requests in flight. */
export function isClosed(attempt: Attempt, now: number, graceMs: number): boolean {
  return now >= attempt.deadline + graceMs;
}

/** Records an answer; refuses after the deadline (+grace), after submission, or for a foreign item/option. */
export function recordAnswer(
  attempt: Attempt,
  itemId: string,
  optionIds: string[],
  now: number,
  graceMs = 0,
): Attempt {
  if (isClosed(attempt, now, graceMs))
    throw new AttemptError(
      409,
      "The time for this attempt is over; answers are no longer accepted.",
    );
  if (attempt.submittedAt !== null)
    throw new AttemptError(409, "This attempt has already been submitted.");
  const item = attempt.items.find((i) => i.itemId === itemId);
  if (!item) throw new AttemptError(400, `Item ${itemId} is not part of this attempt.`);
  const unknown = optionIds.filter((o) => !item.options.some((option) => option.id === o));
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
  /** The learner's answer in per-attempt ids (what the xAPI record shows). */
  response: string[];
  /** The same answer as bank option ids (server only, for analysis). */
  bankResponse: string[];
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
  const items = attempt.items.map(({ itemId, options }) => {
    const item = pool.get(itemId);
    if (!item) throw new Error(`exam pool no longer has item ${itemId}`);
    const response = attempt.answers[itemId] ?? [];
    const bankOf = new Map(options.map((o) => [o.id, o.bank]));
    const bankResponse = response.map((r) => bankOf.get(r) ?? "").sort();
    const key = item.options
      .filter((o) => o.correct)
      .map((o) => o.id)
      .sort();
    const success =
      bankResponse.length === key.length && bankResponse.every((r, i) => r === key[i]);
    return {
      itemId,
      section: item.section,
      clauses: item.clauses,
      response,
      bankResponse,
      success,
    };
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
