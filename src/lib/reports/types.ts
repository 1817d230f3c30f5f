// The shapes of the dashboard's figures, shared by the report queries and the dashboard.

export interface UnitOverview {
  unit: string;
  learners: number;
  lessonCompletion: number[];
  courseCompleted: number;
  examAttempts: number;
  examPassRate: number | null;
  averageScore: number | null;
  overdue: number;
  dueSoon: number;
}

export interface DueLearner {
  personnelNumber: string;
  fullName: string;
  unit: string;
  email: string | null;
  lastPass: string | null;
  dueDate: string | null;
  status: "overdue" | "due-soon";
}

export interface StuckLearner {
  personnelNumber: string;
  fullName: string;
  unit: string;
  section: number;
  openedAt: string;
}

export interface ItemStatistics {
  itemId: string;
  section: number;
  attempts: number;
  /** Share answering correctly (0–1). */
  facility: number;
  /** Correlation of the item score with the rest of the test (−1…1); null if undefined. */
  discrimination: number | null;
  options: Record<string, number>;
  flags: ("too-easy" | "too-hard" | "negative-discrimination" | "weak-discrimination")[];
}

export interface ClauseHeat {
  clause: string;
  practiceAnswers: number;
  practiceWrong: number;
  examAnswers: number;
  examWrong: number;
  /** Distinct people who answered an item on this clause wrongly at least once. */
  learnersWrong: number;
  /** Wrong share over all answers (practice and exam). */
  wrongRate: number;
}

export interface MonthTrend {
  month: string;
  lessonCompletions: number;
  examAttempts: number;
  examPassed: number;
  passRate: number | null;
}

export interface TranscriptEntry {
  timestamp: string;
  verb: string;
  kind: string;
  section: number | null;
  itemId: string | null;
  success: boolean | null;
  scaled: number | null;
  durationMs: number | null;
  registration: string | null;
}
