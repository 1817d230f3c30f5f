export type { ExamStatus } from "../../lib/exam/types.ts";

/** An attempt: its items while it is open; once handed in, only its result. */
export type AttemptView = OpenAttempt | { id: string; submitted: true; result: AttemptResultView };

export interface OpenAttempt {
  id: string;
  deadline: string;
  serverTime: string;
  submitted: false;
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
