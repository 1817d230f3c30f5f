// The annual exam as a service: start, resume, answer, submit, auto-submit at the deadline,
// grading and certificates. Keys stay here; what leaves is the learner's view of an attempt.
import { randomBytes, randomUUID } from "node:crypto";
import type { ExamStatus } from "../../lib/exam/types.ts";
import type { User } from "../accounts/store.ts";
import { AttemptError, type ExamPoolItem, grade, isExpired, recordAnswer } from "./attempt.ts";
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
  /** Stores statements in the LRS with the exam service's authority. */
  record: (statements: object[]) => Promise<void>;
  actorOf: (user: User) => object;
}

const DAY = 24 * 60 * 60_000;

export class ExamService {
  readonly deps: ExamDeps;
  private readonly pool: Map<string, ExamPoolItem>;

  constructor(deps: ExamDeps) {
    this.deps = deps;
    this.pool = new Map(deps.pool.map((i) => [i.id, i]));
    drawItems([...deps.pool], deps.blueprint, deps.clauseCounts, Math.random); // fails fast on a bad pool
  }

  private now(): number {
    return this.deps.clock().getTime();
  }

  /** Grades an attempt whose time is over (submission at the deadline); idempotent. */
  private async settle(attempt: StoredAttempt, user: User, at: number): Promise<StoredAttempt> {
    if (attempt.submittedAt !== null) return attempt;
    const result = grade(attempt, this.pool, this.deps.blueprint.passMark);
    if (await this.deps.exams.close(attempt, result, at)) {
      const ctx = { origin: this.deps.origin, actor: this.deps.actorOf(user), attempt };
      await this.deps.record(resultStatements(ctx, result, at, this.deps.blueprint.passMark));
      if (result.passed) {
        await this.deps.exams.addCertificate({
          code: certificateCode(),
          userId: user.id,
          kind: "exam",
          issuedAt: new Date(at).toISOString(),
          validUntil: new Date(at + this.deps.blueprint.validityDays * DAY).toISOString(),
          score: result.scaled,
          attemptId: attempt.id,
        });
      }
    }
    return (await this.deps.exams.get(attempt.id)) ?? attempt;
  }

  private async expireOpen(user: User): Promise<StoredAttempt | null> {
    const open = await this.deps.exams.open(user.id);
    if (open && isExpired(open, this.now())) {
      await this.settle(open, user, open.deadline);
      return null;
    }
    return open;
  }

  async status(user: User): Promise<ExamStatus> {
    const open = await this.expireOpen(user);
    const history = (await this.deps.exams.history(user.id)).filter((a) => a.result);
    const last = history[0];
    const lastPass = history.find((a) => a.result?.passed);
    const validUntil = lastPass?.submittedAt
      ? lastPass.submittedAt + this.deps.blueprint.validityDays * DAY
      : null;
    const retake =
      last && !last.result?.passed && last.submittedAt
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
    const items = drawItems(
      [...this.deps.pool],
      this.deps.blueprint,
      this.deps.clauseCounts,
      random,
    ).map((item) => ({
      itemId: item.id,
      optionOrder: shuffle(
        item.options.map((o) => o.id),
        random,
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
    if (!(await this.deps.exams.insert(attempt))) {
      throw new AttemptError(409, "You already have an exam attempt in progress; continue it.");
    }
    await this.deps.record([
      initializedStatement({ origin: this.deps.origin, actor: this.deps.actorOf(user), attempt }),
    ]);
    return this.view(user, id);
  }

  private async own(user: User, attemptId: string): Promise<StoredAttempt> {
    const attempt = await this.deps.exams.get(attemptId);
    // Someone else's attempt answers exactly like a missing one: ids reveal nothing.
    if (!attempt || attempt.learnerId !== user.id)
      throw new AttemptError(404, "No such exam attempt.");
    return attempt;
  }

  /** The learner's view: items with options in their order, no keys, no feedback. */
  async view(user: User, attemptId: string) {
    let attempt = await this.own(user, attemptId);
    if (attempt.submittedAt === null && isExpired(attempt, this.now()))
      attempt = await this.settle(attempt, user, attempt.deadline);
    return {
      id: attempt.id,
      deadline: new Date(attempt.deadline).toISOString(),
      serverTime: new Date(this.now()).toISOString(),
      submitted: attempt.submittedAt !== null,
      answers: attempt.answers,
      items: attempt.items.map(({ itemId, optionOrder }) => {
        const item = this.pool.get(itemId);
        const options = new Map(item?.options.map((o) => [o.id, o.text]));
        return {
          id: itemId,
          type: item?.type ?? "single",
          stem: item?.stem ?? "",
          options: optionOrder.map((id) => ({ id, text: options.get(id) ?? "" })),
        };
      }),
    };
  }

  async answer(user: User, attemptId: string, itemId: string, optionIds: string[]): Promise<void> {
    const attempt = await this.own(user, attemptId);
    if (attempt.submittedAt === null && isExpired(attempt, this.now()))
      await this.settle(attempt, user, attempt.deadline);
    const updated = recordAnswer(attempt, itemId, optionIds, this.now());
    if (!(await this.deps.exams.saveAnswers(updated)))
      throw new AttemptError(409, "This attempt has already been submitted.");
  }

  async submit(user: User, attemptId: string) {
    const attempt = await this.own(user, attemptId);
    if (attempt.submittedAt !== null)
      throw new AttemptError(409, "This attempt has already been submitted.");
    if (isExpired(attempt, this.now())) {
      await this.settle(attempt, user, attempt.deadline);
      throw new AttemptError(
        409,
        "The time for this attempt was over; it was submitted automatically at the deadline.",
      );
    }
    await this.settle(attempt, user, this.now());
    return this.result(user, attemptId);
  }

  /** Score, verdict and clauses to review; never the correct options. */
  async result(user: User, attemptId: string) {
    let attempt = await this.own(user, attemptId);
    if (attempt.submittedAt === null && isExpired(attempt, this.now()))
      attempt = await this.settle(attempt, user, attempt.deadline);
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
