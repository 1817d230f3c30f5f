// Synthetic learning history for demos and benchmarks, written through the LRS's own store
// (the statements the site and the exam service write, built by the same functions, under the
// same authorities, so the reports read them like real ones). About a third are recruits who
// onboard during the period (11 lessons over a few weeks, each with its practice quiz; some
// stop part way) and take the exam after onboarding; the rest are serving staff whose annual
// exam falls due during the period (some practise a few sections first). Exams are drawn by the
// blueprint and graded by the real keys; a failure is retaken after the cool-down; a pass is
// renewed mostly on time, sometimes late, a few times not at all. Nothing is dated after `now`.
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { type QuizItem, quizBankSchema } from "../../lib/quiz/schema.ts";
import { EXAM_SERVICE_ACCOUNT } from "../../lib/xapi/activity-kind.ts";
import { lessonStatement } from "../../lib/xapi/lesson.ts";
import {
  answeredStatement,
  decisionStatement,
  quizCompletedStatement,
  scenarioStatement,
} from "../../lib/xapi/quiz.ts";
import type { AccountStore } from "../accounts/store.ts";
import { type Attempt, attemptOptions, type ExamPoolItem, grade } from "../exam/attempt.ts";
import type { Blueprint } from "../exam/blueprint.ts";
import { drawItems, seededRandom, shuffle } from "../exam/draw.ts";
import { loadBlueprint, loadExamPool } from "../exam/pool.ts";
import { initializedStatement, resultStatements } from "../exam/statements.ts";
import { ExamStore } from "../exam/store.ts";
import type { StatementStore } from "../lrs/statement-store.ts";
import { learnerActor } from "../platform/actor.ts";
import { clauseCounts } from "../platform/standards.ts";
import { hashPassword } from "../security/password.ts";
import { prepareStatement } from "../xapi/prepare.ts";
import type { Statement } from "../xapi/types.ts";
import { examAnswer, practiceAnswer } from "./learner-model.ts";
import { demoName } from "./people.ts";

export interface DemoBanks {
  practice: QuizItem[];
  pool: ExamPoolItem[];
  /** Bank difficulty (1–3) of each exam item, for the learner model. */
  difficulty: Map<string, number>;
  blueprint: Blueprint;
  clauseCounts: ReadonlyMap<number, number>;
}

function bankItems(dir: string): QuizItem[] {
  return readdirSync(dir)
    .filter((f) => /^\d{2}-[a-z0-9-]+\.ya?ml$/u.test(f))
    .sort()
    .flatMap((f) => quizBankSchema.parse(parse(readFileSync(join(dir, f), "utf8"))).items);
}

/** The real banks: practice items, the exam pool (through the server's loader) and blueprint. */
export function loadDemoBanks(quizDir: string): DemoBanks {
  const exam = join(quizDir, "exam");
  return {
    practice: bankItems(join(quizDir, "practice")),
    pool: loadExamPool(exam),
    difficulty: new Map(bankItems(exam).map((i) => [i.id, i.difficulty])),
    blueprint: loadBlueprint(exam),
    clauseCounts: clauseCounts(),
  };
}

export interface GenerateOptions {
  learners: number;
  months: number;
  origin: string;
  now: Date;
  seed?: number;
  banks: DemoBanks;
  onProgress?: (statements: number) => void;
}

const DAY = 86_400_000;
const MINUTE = 60_000;
/** Share of learners who are recruits onboarding during the period; the rest serve already. */
const RECRUITS = 0.35;

export async function generateHistory(
  accounts: AccountStore,
  /** The LRS store; give it the projection hook so the reports see the history. */
  statements: StatementStore,
  o: GenerateOptions,
): Promise<{ learners: number; statements: number }> {
  const random = seededRandom(o.seed ?? 42);
  const gauss = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
  const between = (lo: number, hi: number) => lo + (hi - lo) * random();
  const units = (await accounts.listUnits()).map((u) => u.code);
  if (units.length === 0)
    throw new Error("Create units first (adal units add, or adal demo seed).");
  const existing = new Set((await accounts.allUsers()).map((u) => u.personnelNumber));
  const hash = await hashPassword(randomUUID(), accounts.passwordCost);
  const people = [];
  for (let i = 0, n = 500_000; people.length < o.learners; i++, n++) {
    const number = String(n);
    if (existing.has(number)) continue;
    people.push({
      personnelNumber: number,
      fullName: demoName(i),
      unitCode: units[i % units.length] ?? "",
      role: "learner" as const,
      email: `u${number}@demo.adal.kz`,
      passwordHash: hash,
      mustChangePassword: true,
    });
  }
  for (let i = 0; i < people.length; i += 1000)
    await accounts.createUsers(people.slice(i, i + 1000), o.now);

  const now = o.now.getTime();
  const exams = new ExamStore(statements.sql);
  const { blueprint, pool } = o.banks;
  const poolById = new Map(pool.map((i) => [i.id, i]));
  const authority = (name: string) => ({
    objectType: "Agent" as const,
    account: { homePage: o.origin, name },
  });
  const platform = authority("adal-platform");
  const examService = authority(EXAM_SERVICE_ACCOUNT);
  let buffer: Statement[] = [];
  let total = 0;
  const flush = async () => {
    if (buffer.length === 0) return;
    await statements.insert(buffer);
    total += buffer.length;
    o.onProgress?.(total);
    buffer = [];
  };
  // Stored a little after it happened (a phone's queue), never after `now`.
  const emit = async (s: object, by: typeof platform) => {
    const at = Date.parse((s as { timestamp: string }).timestamp);
    const stored = new Date(Math.min(now, at + between(1, 90) * 1000)).toISOString();
    buffer.push(prepareStatement(s as Statement, { stored, authority: by, version: "1.0.3" }));
    if (buffer.length >= 2000) await flush();
  };
  const span = o.months * 30 * DAY;
  const bySection = new Map<number, QuizItem[]>();
  for (const item of o.banks.practice)
    bySection.set(item.section, [...(bySection.get(item.section) ?? []), item]);

  type Person = (typeof people)[number];
  const common = (actor: object, t: number) => ({
    id: randomUUID(),
    actor: actor as ReturnType<typeof learnerActor>,
    origin: o.origin,
    timestamp: new Date(t).toISOString(),
  });

  /** One run of a section's practice quiz from `t`; returns when it ended. */
  const practise = async (actor: object, section: number, t: number, theta: number) => {
    const items = bySection.get(section) ?? [];
    if (items.length === 0) return t;
    const registration = randomUUID();
    const started = t;
    let right = 0;
    for (const item of items) {
      t += between(20, 90) * 1000;
      if (t >= now) return t;
      const answer = practiceAnswer(item, theta, random);
      if (answer.success) right++;
      if (item.type === "branching" && "decisions" in answer) {
        // As the player records a scenario: each decision under it, then the path taken.
        for (const decision of answer.decisions) {
          const step = item.steps.find((x) => x.id === decision.step);
          if (!step) continue;
          await emit(
            decisionStatement({
              ...common(actor, t),
              registration,
              item,
              step,
              option: decision.option,
            }),
            platform,
          );
        }
        await emit(
          scenarioStatement({
            ...common(actor, t),
            registration,
            item,
            decisions: answer.decisions,
          }),
          platform,
        );
      } else if (item.type !== "branching" && "chosen" in answer) {
        await emit(
          answeredStatement({
            ...common(actor, t),
            registration,
            item,
            chosen: answer.chosen,
            success: answer.success,
          }),
          platform,
        );
      }
    }
    await emit(
      quizCompletedStatement({
        ...common(actor, t),
        registration,
        section,
        correct: right,
        total: items.length,
        durationMs: t - started,
      }),
      platform,
    );
    return t;
  };

  /** Onboarding from `t`: the 11 lessons, each with its quiz; some stop part way. */
  const onboard = async (actor: object, t: number, theta: number) => {
    const finishes = random() < 1 / (1 + Math.exp(-(2.6 + theta)));
    const stopAt = finishes ? 12 : 1 + Math.floor(random() * 11);
    for (let section = 1; section <= 11; section++) {
      if (t >= now) return { t, finished: false };
      const lesson = { ...common(actor, t), section, title: `${section}` };
      await emit(lessonStatement({ ...lesson, verb: "experienced" }), platform);
      if (section === stopAt) return { t, finished: false };
      const reading = between(6, 35) * MINUTE;
      t += reading;
      if (t >= now) return { t, finished: false };
      await emit(
        lessonStatement({
          ...common(actor, t),
          section,
          title: `${section}`,
          verb: "completed",
          durationMs: reading,
        }),
        platform,
      );
      // The practice quiz, and for a third of learners a second go at once.
      t = await practise(actor, section, t, theta);
      if (random() < 0.35) t = await practise(actor, section, t, theta + 0.4);
      t += between(0.1, 3) ** 1.5 * DAY;
    }
    return { t, finished: true };
  };

  /** One exam attempt at `startedAt`, graded by the real keys; null if it would end after now. */
  const sit = async (person: Person, actor: object, startedAt: number, ability: number) => {
    const drawn = drawItems(pool, blueprint, o.banks.clauseCounts, random);
    const closedAt = startedAt + between(6, Math.min(28, blueprint.timeLimitMinutes)) * MINUTE;
    if (closedAt >= now) return null;
    // Each attempt's options get random ids of their own, as the exam service gives them.
    const taken = new Set<string>();
    const items = drawn.map((i) => ({
      itemId: i.id,
      options: attemptOptions(
        shuffle(
          i.options.map((x) => x.id),
          random,
        ),
        taken,
      ),
    }));
    const answers: Record<string, string[]> = {};
    for (const [n, item] of drawn.entries()) {
      const shown = items[n]?.options ?? [];
      const bank = examAnswer(item, o.banks.difficulty.get(item.id) ?? 2, ability, random);
      answers[item.id] = bank.map((b) => shown.find((x) => x.bank === b)?.id ?? "");
    }
    const attempt: Attempt = {
      id: randomUUID(),
      learnerId: person.personnelNumber,
      startedAt,
      deadline: startedAt + blueprint.timeLimitMinutes * MINUTE,
      items,
      answers,
      submittedAt: closedAt,
    };
    const result = grade(attempt, poolById, blueprint.passMark);
    // The bank ids of the answers, where the exam service keeps them for distractor analysis.
    await exams.saveItemAnswers(attempt.id, result);
    const ctx = { origin: o.origin, actor, attempt };
    await emit(initializedStatement(ctx), examService);
    for (const s of resultStatements(ctx, result, closedAt, blueprint.passMark))
      await emit(s, examService);
    return { closedAt, passed: result.passed };
  };

  for (const person of people) {
    const theta = gauss();
    const actor = learnerActor(person, o.origin);
    let examAt: number;
    let ability = theta;
    const recruit = random() < RECRUITS;
    if (recruit) {
      // A recruit onboards during the period, then takes the exam.
      const started = await onboard(actor, now - span * random(), theta);
      if (!started.finished) continue;
      examAt = started.t + between(1, 14) * DAY;
      ability += 0.3;
    } else {
      // Serving staff finished the course before the period; their pass falls due during it.
      examAt = now - span + random() * Math.min(span, blueprint.validityDays * DAY);
    }
    let failures = 0;
    while (examAt < now && pool.length > 0) {
      // Some refresh a few sections with the practice quiz in the week before.
      if (!recruit && failures === 0 && random() < 0.3) {
        let t = examAt - between(1, 7) * DAY;
        for (let k = 0; k < 1 + Math.floor(random() * 3); k++)
          t =
            (await practise(actor, 1 + Math.floor(random() * 11), t, ability)) +
            between(1, 20) * MINUTE;
      }
      const outcome = await sit(person, actor, examAt, ability);
      if (!outcome) break;
      if (outcome.passed) {
        failures = 0;
        const roll = random();
        // On time (within the due-soon window), late by up to two months, or not at all.
        const due = outcome.closedAt + blueprint.validityDays * DAY;
        if (roll < 0.1) break;
        examAt =
          roll < 0.75 ? due - between(1, blueprint.dueSoonDays) * DAY : due + between(3, 60) * DAY;
      } else {
        failures++;
        ability += 0.35; // the clauses to review were read
        examAt =
          outcome.closedAt +
          blueprint.cooldownHours * 3_600_000 +
          between(0.2, failures > 2 ? 40 : 6) * DAY;
      }
    }
  }
  await flush();
  return { learners: people.length, statements: total };
}
