// Turns a learner's statements into course progress: which lessons are completed, the best
// practice-quiz score per section, and overall completion. Pure, so the browser (home page),
// the server (reports, certificates) and tests compute the same figures.

export const LESSON_COUNT = 11;
const COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
const EXPERIENCED = "http://adlnet.gov/expapi/verbs/experienced";
const LESSON_PATH = /\/xapi\/activities\/lesson\/(\d{1,2})$/u;
const QUIZ_PATH = /\/xapi\/activities\/quiz\/practice\/(\d{1,2})$/u;

export interface ProgressStatement {
  verb: { id: string };
  object: { id?: string; objectType?: string };
  result?: { score?: { scaled?: number }; completion?: boolean };
  timestamp?: string;
}

export interface LessonProgress {
  section: number;
  opened: boolean;
  completed: boolean;
  /** Best scaled score (0–1) of the section's practice quiz, or null if never completed. */
  bestQuizScore: number | null;
}

export interface CourseProgress {
  lessons: LessonProgress[];
  completedLessons: number;
  /** Share of the course done: each lesson read to the end and its quiz completed count half. */
  completion: number;
  /** The lesson to continue with: the first not completed, or null when all are. */
  next: number | null;
}

function sectionOf(id: string | undefined, pattern: RegExp): number | null {
  const match = id ? pattern.exec(id) : null;
  const n = match ? Number(match[1]) : Number.NaN;
  return n >= 1 && n <= LESSON_COUNT ? n : null;
}

export function summarizeProgress(statements: readonly ProgressStatement[]): CourseProgress {
  const lessons: LessonProgress[] = Array.from({ length: LESSON_COUNT }, (_, i) => ({
    section: i + 1,
    opened: false,
    completed: false,
    bestQuizScore: null,
  }));
  for (const s of statements) {
    const lesson = sectionOf(s.object.id, LESSON_PATH);
    const target = lesson ? lessons[lesson - 1] : undefined;
    if (target && (s.verb.id === EXPERIENCED || s.verb.id === COMPLETED)) {
      target.opened = true;
      if (s.verb.id === COMPLETED) target.completed = true;
    }
    const quiz = sectionOf(s.object.id, QUIZ_PATH);
    const scaled = s.result?.score?.scaled;
    const quizTarget = quiz ? lessons[quiz - 1] : undefined;
    if (quizTarget && s.verb.id === COMPLETED && typeof scaled === "number") {
      quizTarget.bestQuizScore = Math.max(
        quizTarget.bestQuizScore ?? 0,
        Math.min(1, Math.max(0, scaled)),
      );
    }
  }
  const completedLessons = lessons.filter((l) => l.completed).length;
  const parts = lessons.reduce(
    (sum, l) => sum + (l.completed ? 0.5 : 0) + (l.bestQuizScore !== null ? 0.5 : 0),
    0,
  );
  return {
    lessons,
    completedLessons,
    completion: parts / LESSON_COUNT,
    next: lessons.find((l) => !l.completed)?.section ?? null,
  };
}
