// The annual exam as a service: start, resume, answer, submit, auto-submit at the deadline,
// grading and certificates. Keys stay here; what leaves is the learner's view of an attempt.
//
// Grading is one transaction: the attempt is claimed (closed), graded from its final answers,
// and its xAPI statements and certificate are written, or none of it is. Whoever claims first
// grades (a request, the sweep, another server instance); everyone else finds it closed.
import { randomBytes, randomUUID } from "node:crypto";
import type { ExamStatus } from "../../lib/exam/types.ts";
import type { User } from "../accounts/store.ts";
import type { Sql } from "../db/sql.ts";
import {
  AttemptError,
  attemptOptions,
  type ExamPoolItem,
  grade,
  isClosed,
  recordAnswer,
} from "./attempt.ts";
import type { Blueprint } from "./blueprint.ts";
import { drawItems, seededRandom, shuffle } from "./draw.ts";
import { initializedStatement, resultStatements } from "./statements.ts";
import type { ExamStore, StoredAttempt } from "./store.ts";

export interface ExamDeps {
  exams: ExamStore;
  pool: readonly ExamPoolItem[];
  blueprint: Blueprint;
  /** Number of clauses per section, the draw's weights. */
  clauseCounts: ReadonlyMap<number, number>;
  clock: () => Date;
  origin: string;
  /** Stores statements in the LRS with the exam service's authority, inside `tx`. */
  record: (tx: Sql, statements: object[]) => Promise<void>;
  actorOf: (user: User) => object;
  /** The learner of an attempt, for grading without a request (the deadline sweep). */
  userById: (id: string) => Promise<User | null>;
}

const DAY = 24 * 60 * 60_000;

export class ExamService {
  readonly deps: ExamDeps;
  private readonly pool: Map<string, ExamPoolItem>;
  private readonly graceMs: number;

  constructor(deps: ExamDeps) {
    this.deps = deps;
    this.pool = new Map(deps.pool.map((i) => [i.id, i]));
    this.graceMs = deps.blueprint.graceSeconds * 1000;
    drawItems([...deps.pool], deps.blueprint, deps.clauseCounts, Math.random); // fails fast on a bad pool
  }

  private now(): number {
    return this.deps.clock().getTime();
  }

  /**
   * Closes and grades an attempt at `at`, recording its statements and certificate in the same
   * transaction. True when this call graded it, false when someone else already had.
   */
  private async settle(attempt: StoredAttempt, at: number, known?: User): Promise<boolean> {
    if (attempt.submittedAt !== null) return false;
    // Looked up before the transaction: on SQLite nothing outside it may run while it is open.
    const user = known ?? (await this.deps.userById(attempt.learnerId));
    if (!user) throw new Error(`exam attempt ${attempt.id} belongs to no known person`);
    return this.deps.exams.sql.transaction(async (tx) => {
      const exams = this.deps.exams.in(tx);
      if (!(await exams.claim(attempt.id, at))) return false;
      const final = (await exams.get(attempt.id)) ?? attempt;
      const result = grade(final, this.pool, this.deps.blueprint.passMark);
      await exams.saveResult(final.id, result);
      const ctx = { origin: this.deps.origin, actor: this.deps.actorOf(user), attempt: final };
      await this.deps.record(tx, resultStatements(ctx, result, at, this.deps.blueprint.passMark));
      if (result.passed) {
        await exams.addCertificate({
          code: certificateCode(),
          userId: user.id,
          kind: "exam",
          issuedAt: new Date(at).toISOString(),
          validUntil: new Date(at + this.deps.blueprint.validityDays * DAY).toISOString(),
          score: result.scaled,
          attemptId: final.id,
        });
      }
      return true;
    });
  }

  /**
   * Grades every open attempt whose deadline and grace are over: run periodically by the
   * server, so reports see a fail even when the learner never comes back. Safe to run in
   * several processes at once. Returns how many attempts this call graded.
   */
  async sweep(limit = 200): Promise<number> {
    const due = await this.deps.exams.overdue(this.now() - this.graceMs, limit);
    let graded = 0;
    for (const attempt of due) {
      try {
        if (await this.settle(attempt, attempt.deadline)) graded += 1;
      } catch (error) {
        // One broken attempt must not keep the others open; the next sweep tries it again.
        console.error(`Could not grade exam attempt ${attempt.id}:`, error);
      }
    }
    return graded;
  }

  private async settled(attempt: StoredAttempt, user: User): Promise<StoredAttempt> {
    if (attempt.submittedAt !== null || !isClosed(attempt, this.now(), this.graceMs))
      return attempt;
    await this.settle(attempt, attempt.deadline, user);
    return (await this.deps.exams.get(attempt.id)) ?? attempt;
  }

  async status(user: User): Promise<ExamStatus> {
    const found = await this.deps.exams.open(user.id);
    const current = found ? await this.settled(found, user) : null;
    const open = current?.submittedAt === null ? current : null;
    const history = (await this.deps.exams.history(user.id)).filter((a) => a.result);
    const last = history[0];
    const lastPass = history.find((a) => a.result?.passed);
    const validUntil = lastPass?.submittedAt
      ? lastPass.submittedAt + this.deps.blueprint.validityDays * DAY
      : null;
    // The cool-down follows every attempt, a pass too: otherwise a passed learner could sit
    // attempt after attempt at once, collecting items (and certificates).
    const retake = last?.submittedAt
      ? last.submittedAt + this.deps.blueprint.cooldownHours * 3600_000
      : null;
    return {
      openAttempt: open ? { id: open.id, deadline: new Date(open.deadline).toISOString() } : null,
      lastAttempt:
        last?.result && last.submittedAt
          ? {
              id: last.id,
              submittedAt: new Date(last.submittedAt).toISOString(),
              scaled: last.result.scaled,
              passed: last.result.passed,
            }
          : null,
      validUntil: validUntil ? new Date(validUntil).toISOString() : null,
      nextDue: validUntil ? new Date(validUntil).toISOString() : null,
      retakeAfter: retake && retake > this.now() ? new Date(retake).toISOString() : null,
      timeLimitMinutes: this.deps.blueprint.timeLimitMinutes,
      items: this.deps.blueprint.items,
      passMark: this.deps.blueprint.passMark,
    };
  }

  async start(user: User) {
    const status = await this.status(user);
    if (status.openAttempt)
      throw new AttemptError(409, "You already have an exam attempt in progress; continue it.");
    if (status.retakeAfter)
      throw new AttemptError(409, `You can retake the exam after ${status.retakeAfter}.`);
    const id = randomUUID();
    const random = seededRandom(randomBytes(4).readUInt32LE(0));
    const taken = new Set<string>();
    const items = drawItems(
      [...this.deps.pool],
      this.deps.blueprint,
      this.deps.clauseCounts,
      random,
    ).map((item) => ({
      itemId: item.id,
      options: attemptOptions(
        shuffle(
          item.options.map((o) => o.id),
          random,
        ),
        taken,
      ),
    }));
    const startedAt = this.now();
    const attempt = {
      id,
      learnerId: user.id,
      startedAt,
      deadline: startedAt + this.deps.blueprint.timeLimitMinutes * 60_000,
      items,
      answers: {},
      submittedAt: null,
    };
    await this.deps.exams.sql.transaction(async (tx) => {
      if (!(await this.deps.exams.in(tx).insert(attempt)))
        throw new AttemptError(409, "You already have an exam attempt in progress; continue it.");
      await this.deps.record(tx, [
        initializedStatement({ origin: this.deps.origin, actor: this.deps.actorOf(user), attempt }),
      ]);
    });
    return this.view(user, id);
  }

  private async own(user: User, attemptId: string): Promise<StoredAttempt> {
    const attempt = await this.deps.exams.get(attemptId);
    // Someone else's attempt answers exactly like a missing one: ids reveal nothing.
    if (!attempt || attempt.learnerId !== user.id)
      throw new AttemptError(404, "No such exam attempt.");
    return attempt;
  }

  /**
   * The learner's view of an open attempt: items with per-attempt option ids in their order, no
   * keys, no feedback. Once handed in, only the result: the items with the learner's answers,
   * beside a score that says how many were right, would narrow the keys down (and give them
   * all when every answer was right).
   */
  async view(user: User, attemptId: string) {
    const attempt = await this.settled(await this.own(user, attemptId), user);
    if (attempt.submittedAt !== null)
      return {
        id: attempt.id,
        submitted: true as const,
        result: await this.result(user, attempt.id),
      };
    return {
      id: attempt.id,
      deadline: new Date(attempt.deadline).toISOString(),
      serverTime: new Date(this.now()).toISOString(),
      submitted: false as const,
      answers: attempt.answers,
      items: attempt.items.map(({ itemId, options }) => {
        const item = this.pool.get(itemId);
        const text = new Map(item?.options.map((o) => [o.id, o.text]));
        return {
          id: itemId,
          type: item?.type ?? "single",
          stem: item?.stem ?? "",
          options: options.map((o) => ({ id: o.id, text: text.get(o.bank) ?? "" })),
        };
      }),
    };
  }

  async answer(user: User, attemptId: string, itemId: string, optionIds: string[]): Promise<void> {
    const attempt = await this.own(user, attemptId);
    const now = this.now();
    if (attempt.submittedAt === null && isClosed(attempt, now, this.graceMs))
      await this.settle(attempt, attempt.deadline, user);
    // recordAnswer refuses with the reason: time over (checked first), or already submitted.
    const updated = recordAnswer(attempt, itemId, optionIds, now, this.graceMs);
    // Only this item's row is written: a save from another tab cannot undo this one.
    if (!(await this.deps.exams.saveAnswer(attempt.id, itemId, updated.answers[itemId] ?? [])))
      throw new AttemptError(409, "This attempt has already been submitted.");
  }

  async submit(user: User, attemptId: string) {
    const attempt = await this.own(user, attemptId);
    if (attempt.submittedAt !== null)
      throw new AttemptError(409, "This attempt has already been submitted.");
    const now = this.now();
    if (isClosed(attempt, now, this.graceMs)) {
      await this.settle(attempt, attempt.deadline, user);
      throw new AttemptError(
        409,
        "The time for this attempt was over; it was submitted automatically at the deadline.",
      );
    }
    // Within the grace after the deadline the attempt still counts as handed in at the deadline.
    await this.settle(attempt, Math.min(now, attempt.deadline), user);
    return this.result(user, attemptId);
  }

  /** Score, verdict and clauses to review; never the correct options. */
  async result(user: User, attemptId: string) {
    let attempt = await this.own(user, attemptId);
    // Asking for the result after the deadline is the learner saying they are done.
    if (attempt.submittedAt === null && this.now() >= attempt.deadline) {
      await this.settle(attempt, attempt.deadline, user);
      attempt = await this.own(user, attemptId);
    }
    if (!attempt.result || attempt.submittedAt === null)
      throw new AttemptError(409, "This attempt is still in progress.");
    const certificate =
      (await this.deps.exams.certificatesOf(user.id)).find((c) => c.attemptId === attempt.id) ??
      null;
    return {
      id: attempt.id,
      submittedAt: new Date(attempt.submittedAt).toISOString(),
      correct: attempt.result.correct,
      total: attempt.result.total,
      scaled: attempt.result.scaled,
      passed: attempt.result.passed,
      passMark: this.deps.blueprint.passMark,
      clausesToReview: attempt.result.clausesToReview,
      certificate: certificate
        ? { code: certificate.code, validUntil: certificate.validUntil }
        : null,
    };
  }
}

/** A short, unambiguous, unguessable verification code: ADAL-XXXX-XXXX-XXXX. */
export function certificateCode(): string {
  const alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join("");
  return `ADAL-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}
