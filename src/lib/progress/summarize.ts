// Turns a learner's statements into course progress: which lessons are completed, the best
// practice-quiz score per section, and overall completion. Pure, so the browser (home page),
// the server (reports, certificates) and tests compute the same figures.

export const LESSON_COUNT = 11;
const COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
const EXPERIENCED = "http://adlnet.gov/expapi/verbs/experienced";
/** The verbs progress is made of: what to ask the LRS for (one query per verb). */
export const PROGRESS_VERBS = [EXPERIENCED, COMPLETED] as const;
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

function totals(lessons: LessonProgress[]): CourseProgress {
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

/**
 * Progress from several sources (the LRS, or the last copy of it kept on the device, and the
 * statements still waiting in the outbox): a lesson opened or completed in any of them counts,
 * the best quiz score of all of them is kept.
 */
export function mergeProgress(...sources: readonly CourseProgress[]): CourseProgress {
  const lessons: LessonProgress[] = Array.from({ length: LESSON_COUNT }, (_, i) => {
    const all = sources.map((s) => s.lessons[i]).filter((l): l is LessonProgress => !!l);
    const scores = all.map((l) => l.bestQuizScore).filter((v): v is number => v !== null);
    return {
      section: i + 1,
      opened: all.some((l) => l.opened),
      completed: all.some((l) => l.completed),
      bestQuizScore: scores.length > 0 ? Math.max(...scores) : null,
    };
  });
  return totals(lessons);
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
  return totals(lessons);
}
