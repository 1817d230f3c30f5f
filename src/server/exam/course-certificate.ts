// The certificate of completion of the onboarding course: issued once every lesson is read to
// the end AND every section's practice quiz is completed, as the learner's own statements in
// the LRS say (voided ones do not count), and only once per person.
// That evidence is reported by the learner's browser by design (practice is self-paced and
// works offline); the exam, by contrast, is graded and recorded by the server.
import { LESSON_COUNT, summarizeProgress } from "../../lib/progress/summarize.ts";
import { activityIds, VERBS } from "../../lib/xapi/activities.ts";
import type { User } from "../accounts/store.ts";
import type { StatementStore } from "../lrs/statement-store.ts";
import { learnerIfi } from "../platform/actor.ts";
import { ApiError } from "../platform/api-helpers.ts";
import type { Statement } from "../xapi/types.ts";
import { certificateCode } from "./service.ts";
import type { ExamStore } from "./store.ts";

export interface CourseEvidence {
  /** Sections whose lesson is not completed yet. */
  lessons: number[];
  /** Sections whose practice quiz is not completed yet. */
  quizzes: number[];
}

const objectId = (s: Statement) => String((s.object as { id?: unknown }).id ?? "");

/** What is still missing for the course certificate, from the learner's statements. */
export async function missingForCourse(
  statements: StatementStore,
  origin: string,
  personnelNumber: string,
): Promise<CourseEvidence> {
  const ours = new Set(
    Array.from({ length: LESSON_COUNT }, (_, i) => [
      activityIds.lesson(origin, i + 1),
      activityIds.practiceQuiz(origin, i + 1),
    ]).flat(),
  );
  const completed: Statement[] = [];
  let after: number | undefined;
  // Only `completed` statements of this learner about this platform's activities count.
  do {
    const page = await statements.query({
      agent: learnerIfi(personnelNumber, origin),
      verb: VERBS.completed.id,
      limit: 500,
      after,
    });
    completed.push(...page.statements.filter((s) => ours.has(objectId(s))));
    after = page.next ?? undefined;
  } while (after !== undefined);
  const progress = summarizeProgress(
    completed.map((s) => ({
      verb: s.verb,
      object: { id: objectId(s) },
      result: s.result as { score?: { scaled?: number } } | undefined,
    })) as Parameters<typeof summarizeProgress>[0],
  );
  return {
    lessons: progress.lessons.filter((l) => !l.completed).map((l) => l.section),
    quizzes: progress.lessons.filter((l) => l.bestQuizScore === null).map((l) => l.section),
  };
}

export async function issueCourseCertificate(
  statements: StatementStore,
  exams: ExamStore,
  origin: string,
  user: User,
  now: Date,
) {
  const existing = await exams.courseCertificate(user.id);
  if (existing) return existing;
  const missing = await missingForCourse(statements, origin, user.personnelNumber);
  if (missing.lessons.length > 0 || missing.quizzes.length > 0) {
    const many = (list: number[]) => list.length > 1;
    const parts = [
      missing.lessons.length > 0
        ? `lesson${many(missing.lessons) ? "s" : ""} ${missing.lessons.join(", ")}`
        : "",
      missing.quizzes.length > 0
        ? `the practice quiz${many(missing.quizzes) ? "zes of sections" : " of section"} ${missing.quizzes.join(", ")}`
        : "",
    ].filter(Boolean);
    throw new ApiError(
      409,
      "course-incomplete",
      `Finish the whole course first; still to complete: ${parts.join("; ")}.`,
    );
  }
  const certificate = {
    code: certificateCode(),
    userId: user.id,
    kind: "course" as const,
    issuedAt: now.toISOString(),
    validUntil: null,
    score: null,
    attemptId: null,
  };
  // Requests racing past the check above get the same certificate: the first one stored.
  return exams.addCourseCertificate(certificate);
}
