export type { ExamStatus } from "../../lib/exam/types.ts";

export interface AttemptView {
  id: string;
  deadline: string;
  serverTime: string;
  submitted: boolean;
  answers: Record<string, string[]>;
  items: {
    id: string;
    type: "single" | "multiple" | "judgement";
    stem: string;
    options: { id: string; text: string }[];
  }[];
}

export interface AttemptResultView {
  id: string;
  submittedAt: string;
  correct: number;
  total: number;
  scaled: number;
  passed: boolean;
  passMark: number;
  clausesToReview: string[];
  certificate: { code: string; validUntil: string | null } | null;
}

/** UI strings, rendered on the server in the page's language and passed in. */
export type ExamStrings = Record<
  | "signIn"
  | "start"
  | "resume"
  | "rules"
  | "retakeAfter"
  | "validUntil"
  | "due"
  | "timeLeft"
  | "question"
  | "of"
  | "previous"
  | "next"
  | "submit"
  | "confirmSubmit"
  | "saving"
  | "saved"
  | "unsaved"
  | "chooseAll"
  | "passed"
  | "failed"
  | "score"
  | "review"
  | "noReview"
  | "certificate"
  | "timeUp"
  | "passwordChange"
  | "error",
  string
>;
