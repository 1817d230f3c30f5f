// The shapes of the dashboard's figures, shared by the report queries and the dashboard.
// Rates are shares 0–1; times are UTC ISO instants (the dashboard shows them in `timeZone`).

export interface ReportMeta {
  generatedAt: string;
  timeZone: string;
  filters: {
    unit: string | null;
    unitName: string | null;
    from: string | null;
    to: string | null;
    role: "learner" | "officer" | "admin" | null;
  };
  /** The view's own options as requested (empty for views without any). */
  view: ViewOptions;
  /** Why the report tables do not match the statements (run `adal reports rebuild`), or null. */
  stale: string | null;
}

export interface ViewOptions {
  /** Item analysis, heatmap, drill-down: first attempts (tries) only, or all. */
  attempts?: "first" | "all";
  /** Heatmap and unit comparison: which answers count. */
  source?: "practice" | "exam" | "both";
  /** Clause drill-down: the clause. */
  clause?: string;
}

/** A page of a long list: `total` rows exist, `rows.length` from `offset` are here. */
export interface Paged<T> {
  rows: T[];
  total: number;
  offset: number;
  limit: number;
}

export interface UnitOverview {
  unit: string;
  unitName: string;
  learners: number;
  /** Per lesson 1–11: learners who completed it, and their share of the unit's learners. */
  lessonCompleted: number[];
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
  email: string | null;
  section: number;
  openedAt: string;
  lastSeen: string;
}

export type ItemFlag =
  | "too-easy"
  | "too-hard"
  | "negative-discrimination"
  | "weak-discrimination"
  | "low-efficiency";

/**
 * One option of an exam item and how many responses chose it. Officers sit the exam themselves,
 * so they get the distribution by letter only; the option's text and whether it is right (the
 * answer key) go to administrators, who own the content.
 */
export interface ItemOption {
  /** A, B, C… in the bank's order (responses the bank does not know come after). */
  label: string;
  /** Responses that chose this option. */
  count: number;
  /** Administrators only: the option's text (null when the pool no longer has the item). */
  text?: string | null;
  /** Administrators only: whether choosing it is right. */
  correct?: boolean;
}

export interface ItemStatistics {
  itemId: string;
  section: number;
  clauses: string[];
  /** The item's text: administrators only (null for officers, or when the pool lacks it). */
  stem: string | null;
  /** Responses counted (one per attempt that had the item). */
  attempts: number;
  /** Share answering correctly (0–1); Moodle shows it as a percentage. */
  facility: number;
  /** Correlation of the item with the rest of the attempt (−1…1); Moodle shows it ×100 as %. */
  discrimination: number | null;
  /** Covariance with the rest over the largest covariance the marginals allow (Moodle's DE). */
  efficiency: number | null;
  options: ItemOption[];
  noResponse: number;
  /** Set only when `attempts` reaches the minimum for judging an item. */
  flags: ItemFlag[];
}

export interface ItemReport {
  attempts: "first" | "all";
  /** Whether item texts and answer keys are included (administrators only). */
  keys: boolean;
  /** Exam attempts whose answers were counted. */
  attemptsCounted: number;
  minResponses: number;
  items: ItemStatistics[];
}

export interface HeatCounts {
  answers: number;
  wrong: number;
  firstAnswers: number;
  firstWrong: number;
  /** Distinct people who answered. */
  learners: number;
}

export interface ClauseHeat {
  clause: string;
  section: number;
  /** Items tagged with a whole section ("1", "11"): that section has no numbered clauses. */
  sectionLevel: boolean;
  practice: HeatCounts;
  exam: HeatCounts;
}

export interface ClauseItem {
  itemId: string;
  exam: boolean;
  stem: string | null;
  answers: number;
  correct: number;
  firstAnswers: number;
  firstCorrect: number;
}

export interface ClauseDetail {
  clause: string;
  section: number;
  /** The section's lead sentence and the clause, verbatim from the official text. */
  lead: string;
  text: string;
  items: ClauseItem[];
}

export interface SectionCounts {
  answers: number;
  wrong: number;
  firstAnswers: number;
  firstWrong: number;
}

export interface UnitSections {
  unit: string;
  unitName: string;
  /** Section 1–11 → practice and exam counts. */
  sections: { section: number; practice: SectionCounts; exam: SectionCounts }[];
}

export interface MonthTrend {
  month: string;
  /** First completions of a lesson (a learner and a lesson counted once). */
  lessonCompletions: number;
  /** Distinct learners who completed at least one lesson that month. */
  lessonLearners: number;
  /** Learners whose eleventh lesson was completed that month. */
  courseCompletions: number;
  examAttempts: number;
  examPassed: number;
  passRate: number | null;
}

export interface TranscriptLesson {
  section: number;
  firstOpened: string | null;
  completed: string | null;
  durationMs: number | null;
}

export interface TranscriptQuiz {
  section: number;
  completedAt: string;
  scaled: number | null;
  success: boolean | null;
  durationMs: number | null;
}

export interface TranscriptExam {
  registration: string;
  attempt: number | null;
  startedAt: string | null;
  endedAt: string | null;
  scaled: number | null;
  passed: boolean | null;
  durationMs: number | null;
}

export interface Transcript {
  learner: { personnelNumber: string; fullName: string; unit: string; email: string | null };
  lessons: TranscriptLesson[];
  quizzes: TranscriptQuiz[];
  exams: TranscriptExam[];
}
