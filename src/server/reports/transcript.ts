// One learner's transcript from their statements: each lesson with when it was first opened and
// completed, one row per practice-quiz completion, one row per exam attempt (start, end, score,
// pass or fail, duration). Complete: a person has at most a few hundred events, so no limit
// applies; the date range does.
import type {
  Transcript,
  TranscriptExam,
  TranscriptLesson,
  TranscriptQuiz,
} from "../../lib/reports/types.ts";
import type { Sql, SqlValue } from "../db/sql.ts";
import { period, type ReportFilter } from "./scope.ts";

const maybe = (v: SqlValue | undefined) => (v === null || v === undefined ? null : Number(v));

export async function transcript(
  sql: Sql,
  personnelNumber: string,
  f: Pick<ReportFilter, "from" | "to">,
): Promise<Omit<Transcript, "learner">> {
  const t = period(f as ReportFilter, "ts");
  const rows = await sql.all(
    `SELECT ts, verb, kind, section, success, scaled, duration_ms, registration, attempt
     FROM learning_events
     WHERE personnel_number = ? AND kind IN ('lesson', 'quiz', 'exam')${t.where}
     ORDER BY ts, statement_id`,
    [personnelNumber, ...t.params],
  );
  const lessons = new Map<number, TranscriptLesson>();
  const quizzes: TranscriptQuiz[] = [];
  const exams = new Map<string, TranscriptExam>();
  for (const r of rows) {
    const ts = String(r.ts);
    const kind = String(r.kind);
    const verb = String(r.verb);
    if (kind === "lesson") {
      const section = Number(r.section);
      const lesson = lessons.get(section) ?? {
        section,
        firstOpened: null,
        completed: null,
        durationMs: null,
      };
      if (verb === "experienced" && lesson.firstOpened === null) lesson.firstOpened = ts;
      if (verb === "completed" && lesson.completed === null) {
        lesson.completed = ts;
        lesson.durationMs = maybe(r.duration_ms);
      }
      lessons.set(section, lesson);
    } else if (kind === "quiz" && verb === "completed") {
      quizzes.push({
        section: Number(r.section),
        completedAt: ts,
        scaled: maybe(r.scaled),
        success: r.success === null ? null : Number(r.success) === 1,
        durationMs: maybe(r.duration_ms),
      });
    } else if (kind === "exam" && r.registration !== null) {
      const registration = String(r.registration);
      const exam = exams.get(registration) ?? {
        registration,
        attempt: maybe(r.attempt),
        startedAt: null,
        endedAt: null,
        scaled: null,
        passed: null,
        durationMs: null,
      };
      if (verb === "initialized" && exam.startedAt === null) exam.startedAt = ts;
      if (verb === "passed" || verb === "failed") {
        exam.endedAt = ts;
        exam.passed = verb === "passed";
        exam.scaled = maybe(r.scaled);
        exam.durationMs = maybe(r.duration_ms);
        // A verdict without its `initialized` (another recorder) still shows when it began.
        if (exam.startedAt === null && exam.durationMs !== null)
          exam.startedAt = new Date(Date.parse(ts) - exam.durationMs).toISOString();
      }
      exams.set(registration, exam);
    }
  }
  return {
    lessons: [...lessons.values()].sort((a, b) => a.section - b.section),
    quizzes,
    exams: [...exams.values()].sort((a, b) =>
      String(a.startedAt ?? a.endedAt).localeCompare(String(b.startedAt ?? b.endedAt)),
    ),
  };
}
