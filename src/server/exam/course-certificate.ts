// The certificate of completion of the onboarding course, issued once per person when the
// learner's own statements in the LRS show (voided ones do not count), for every section:
// - the lesson read to the end (`completed` on the lesson);
// - the practice quiz completed with a scaled score of at least PRACTICE_SCORE_FOR_COURSE;
// - an `answered` statement on every item of that section's practice bank.
// That evidence is recorded by the learner's own device by design (practice is self-paced and
// works offline), so the certificate attests self-paced completion, and /verify says so; the
// exam certificate, by contrast, is graded and recorded by the server. The per-item answers
// make a certificate cost a round actually played, not a couple of hand-written statements.
import { PRACTICE_SCORE_FOR_COURSE } from "../../lib/progress/course.ts";
import { LESSON_COUNT, summarizeProgress } from "../../lib/progress/summarize.ts";
import { activityIds, VERBS } from "../../lib/xapi/activities.ts";
import type { User } from "../accounts/store.ts";
import type { PracticeItems } from "../banks/practice.ts";
import type { StatementStore } from "../lrs/statement-store.ts";
import { learnerIfi } from "../platform/actor.ts";
import { ApiError } from "../platform/api-helpers.ts";
import type { Statement } from "../xapi/types.ts";
import { certificateCode } from "./service.ts";
import type { Certificate, ExamStore } from "./store.ts";

export interface CourseEvidence {
  /** Sections whose lesson is not completed yet. */
  lessons: number[];
  /** Sections whose practice quiz lacks a good enough round or an answer to some item. */
  quizzes: number[];
}

const objectId = (s: Statement) => String((s.object as { id?: unknown }).id ?? "");

/** The learner's statements with this verb, every page. */
async function withVerb(
  statements: StatementStore,
  agent: string,
  verb: string,
): Promise<Statement[]> {
  const all: Statement[] = [];
  let after: number | undefined;
  do {
    const page = await statements.query({ agent, verb, limit: 500, after });
    all.push(...page.statements);
    after = page.next ?? undefined;
  } while (after !== undefined);
  return all;
}

/** What is still missing for the course certificate, from the learner's statements. */
export async function missingForCourse(
  statements: StatementStore,
  origin: string,
  personnelNumber: string,
  practice: PracticeItems,
): Promise<CourseEvidence> {
  const agent = learnerIfi(personnelNumber, origin);
  const ours = new Set(
    Array.from({ length: LESSON_COUNT }, (_, i) => [
      activityIds.lesson(origin, i + 1),
      activityIds.practiceQuiz(origin, i + 1),
    ]).flat(),
  );
  // Only statements about this platform's activities count (not another site's quiz 3).
  const completed = (await withVerb(statements, agent, VERBS.completed.id)).filter((s) =>
    ours.has(objectId(s)),
  );
  const answered = new Set((await withVerb(statements, agent, VERBS.answered.id)).map(objectId));
  const progress = summarizeProgress(
    completed.map((s) => ({
      verb: s.verb,
      object: { id: objectId(s) },
      result: s.result as { score?: { scaled?: number } } | undefined,
    })) as Parameters<typeof summarizeProgress>[0],
  );
  const everyItemAnswered = (section: number) =>
    (practice.get(section) ?? []).every((id) => answered.has(activityIds.quizItem(origin, id)));
  return {
    lessons: progress.lessons.filter((l) => !l.completed).map((l) => l.section),
    quizzes: progress.lessons
      .filter(
        (l) =>
          l.bestQuizScore === null ||
          l.bestQuizScore < PRACTICE_SCORE_FOR_COURSE ||
          !everyItemAnswered(l.section),
      )
      .map((l) => l.section),
  };
}

export async function issueCourseCertificate(
  statements: StatementStore,
  exams: ExamStore,
  origin: string,
  practice: PracticeItems,
  user: User,
  now: Date,
): Promise<Certificate> {
  const existing = await exams.courseCertificate(user.id);
  if (existing) return existing;
  const missing = await missingForCourse(statements, origin, user.personnelNumber, practice);
  if (missing.lessons.length > 0 || missing.quizzes.length > 0) {
    const many = (list: number[]) => list.length > 1;
    const parts = [
      missing.lessons.length > 0
        ? `lesson${many(missing.lessons) ? "s" : ""} ${missing.lessons.join(", ")}`
        : "",
      missing.quizzes.length > 0
        ? `the practice quiz${many(missing.quizzes) ? "zes of sections" : " of section"} ${missing.quizzes.join(", ")} (every question answered, a round of at least ${Math.round(PRACTICE_SCORE_FOR_COURSE * 100)} %)`
        : "",
    ].filter(Boolean);
    throw new ApiError(
      409,
      "course-incomplete",
      `Finish the whole course first; still to complete: ${parts.join("; ")}.`,
    );
  }
  // Requests racing past the check above get the same certificate: the first one stored.
  return exams.addCourseCertificate({
    code: certificateCode(),
    userId: user.id,
    kind: "course",
    issuedAt: now.toISOString(),
    validUntil: null,
    score: null,
    attemptId: null,
  });
}
