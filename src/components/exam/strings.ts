import type { translator } from "../../i18n/index.ts";
import type { ExamStrings } from "./types.ts";

/** The exam island's strings in the page's language. */
export function examStrings(t: ReturnType<typeof translator>): ExamStrings {
  const keys = [
    "signIn",
    "start",
    "resume",
    "rules",
    "retakeAfter",
    "validUntil",
    "due",
    "timeLeft",
    "question",
    "of",
    "previous",
    "next",
    "submit",
    "confirmSubmit",
    "saving",
    "saved",
    "unsaved",
    "chooseAll",
    "passed",
    "failed",
    "score",
    "review",
    "noReview",
    "certificate",
    "timeUp",
    "passwordChange",
    "error",
  ] as const;
  return Object.fromEntries(keys.map((k) => [k, t(`exam.${k}`)])) as ExamStrings;
}
