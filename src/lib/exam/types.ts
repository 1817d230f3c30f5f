// What the exam API tells a learner about their exam, shared by server and page.

export interface ExamStatus {
  openAttempt: { id: string; deadline: string } | null;
  lastAttempt: { id: string; submittedAt: string; scaled: number; passed: boolean } | null;
  validUntil: string | null;
  nextDue: string | null;
  retakeAfter: string | null;
  timeLimitMinutes: number;
  items: number;
  passMark: number;
}
