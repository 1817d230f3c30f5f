import type { translator } from "../../i18n/index.ts";

export const QUIZ_KEYS = [
  "title",
  "intro",
  "oneAtATime",
  "allOnPage",
  "mode",
  "check",
  "next",
  "previous",
  "correct",
  "incorrect",
  "explanation",
  "readClause",
  "summary",
  "score",
  "retry",
  "finish",
  "empty",
  "question",
  "of",
  "chooseAll",
  "scenario",
  "decision",
  "scenarioDone",
  "scenarioPerfect",
  "answerFirst",
  "loading",
  "loadFailed",
  "decide",
  "navigation",
  "resumeOffer",
  "resume",
  "startOver",
] as const;
export type QuizStrings = Record<(typeof QUIZ_KEYS)[number], string>;

export function quizStrings(t: ReturnType<typeof translator>): QuizStrings {
  return Object.fromEntries(QUIZ_KEYS.map((k) => [k, t(`quiz.${k}`)])) as QuizStrings;
}
