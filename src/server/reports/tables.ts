// Every view as a table for CSV and XLSX, headed in the officer's language, dates in the
// reports' time zone (named on the workbook's "about" sheet with the filters in effect).
import type { MessageKey } from "../../i18n/index.ts";
import { MIN_ANSWERS } from "../../lib/reports/heat.ts";
import { formatDuration, localDateTime } from "../../lib/reports/time.ts";
import type {
  ClauseHeat,
  DueLearner,
  ItemFlag,
  ItemReport,
  MonthTrend,
  ReportMeta,
  StuckLearner,
  Transcript,
  UnitOverview,
  UnitSections,
} from "../../lib/reports/types.ts";
import type { Cell, Table } from "./export.ts";
import type { ReportFilter } from "./scope.ts";

export type T = (key: MessageKey, params?: Record<string, string | number>) => string;

// Typed maps, not keys pieced together from a value: a role or flag without its dictionary
// entry is a compile error here, not a 500 when someone exports with that filter.
const ROLE_KEYS: Record<NonNullable<ReportFilter["role"]>, MessageKey> = {
  learner: "reports.role.learner",
  officer: "reports.role.officer",
  admin: "reports.role.admin",
};
const FLAG_KEYS: Record<ItemFlag, MessageKey> = {
  "too-easy": "reports.flag.too-easy",
  "too-hard": "reports.flag.too-hard",
  "negative-discrimination": "reports.flag.negative-discrimination",
  "weak-discrimination": "reports.flag.weak-discrimination",
  "low-efficiency": "reports.flag.low-efficiency",
};

const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
const rate = (wrong: number, n: number) => (n === 0 ? null : pct(wrong / n));

export function aboutRows(t: T, meta: ReportMeta): [string, string][] {
  const f = meta.filters;
  return [
    [t("reports.filtersInEffect"), ""],
    [t("reports.unit"), f.unitName ?? t("reports.allUnits")],
    [t("reports.from"), f.from ?? "—"],
    [t("reports.to"), f.to ?? "—"],
    [t("reports.role"), f.role ? t(ROLE_KEYS[f.role]) : t("reports.allRoles")],
    [t("reports.generatedAt"), localDateTime(meta.generatedAt, meta.timeZone) ?? ""],
    [t("reports.timeZone"), meta.timeZone],
  ];
}

export function overviewTable(t: T, rows: UnitOverview[]): Table {
  return {
    columns: [
      t("reports.unitCode"),
      t("reports.unit"),
      t("reports.learners"),
      t("reports.courseCompleted"),
      t("reports.examAttempts"),
      `${t("reports.passRate")}, %`,
      `${t("reports.averageScore")}, %`,
      t("reports.overdue"),
      t("reports.dueSoon"),
      ...Array.from({ length: 11 }, (_, i) => `${t("reports.lesson")} ${i + 1}, %`),
    ],
    rows: rows.map((r) => [
      r.unit,
      r.unitName,
      r.learners,
      r.courseCompleted,
      r.examAttempts,
      pct(r.examPassRate),
      pct(r.averageScore),
      r.overdue,
      r.dueSoon,
      ...r.lessonCompletion.map(pct),
    ]),
  };
}

export function dueTable(t: T, rows: DueLearner[], zone: string): Table {
  return {
    columns: [
      t("reports.personnelNumber"),
      t("reports.fullName"),
      t("reports.unitCode"),
      t("reports.email"),
      t("reports.status"),
      t("reports.lastPass"),
      t("reports.dueDate"),
    ],
    rows: rows.map((r) => [
      r.personnelNumber,
      r.fullName,
      r.unit,
      r.email,
      r.status === "overdue" ? t("reports.overdue") : t("reports.dueSoon"),
      localDateTime(r.lastPass, zone),
      localDateTime(r.dueDate, zone),
    ]),
  };
}

export function stuckTable(t: T, rows: StuckLearner[], zone: string): Table {
  return {
    columns: [
      t("reports.personnelNumber"),
      t("reports.fullName"),
      t("reports.unitCode"),
      t("reports.email"),
      t("reports.lesson"),
      t("reports.openedAt"),
      t("reports.lastSeen"),
    ],
    rows: rows.map((r) => [
      r.personnelNumber,
      r.fullName,
      r.unit,
      r.email,
      r.section,
      localDateTime(r.openedAt, zone),
      localDateTime(r.lastSeen, zone),
    ]),
  };
}

export function itemsTable(t: T, report: ItemReport): Table {
  // Officers' exports carry what their screen shows: letters and counts, no text, no key.
  const option = (o: ItemReport["items"][number]["options"][number]) =>
    `${o.label}${o.correct ? " ✓" : ""}: ${o.count}`;
  return {
    columns: [
      t("reports.item"),
      t("reports.lesson"),
      t("reports.clause"),
      ...(report.keys ? [t("reports.stem")] : []),
      t("reports.responses"),
      `${t("reports.facility")}, %`,
      `${t("reports.discrimination")}, %`,
      `${t("reports.efficiency")}, %`,
      t("reports.noResponse"),
      t("reports.options"),
      t("reports.flags"),
    ],
    rows: report.items.map((i): Cell[] => [
      i.itemId,
      i.section,
      i.clauses.join(" "),
      ...(report.keys ? [i.stem] : []),
      i.attempts,
      pct(i.facility),
      pct(i.discrimination),
      pct(i.efficiency),
      i.noResponse,
      i.options.map(option).join("; "),
      i.flags.map((f) => t(FLAG_KEYS[f])).join("; "),
    ]),
  };
}

export function clausesTable(t: T, rows: ClauseHeat[]): Table {
  const part = (label: string) => [
    `${label}: ${t("reports.answers")}`,
    `${label}: ${t("reports.wrongAnswers")}`,
    `${label}: ${t("reports.wrongRate")}, %`,
    `${label}: ${t("reports.firstAnswers")}`,
    `${label}: ${t("reports.firstWrong")}`,
    `${label}: ${t("reports.firstRate")}, %`,
    `${label}: ${t("reports.learnersCount")}`,
  ];
  const values = (c: ClauseHeat["practice"]): Cell[] => [
    c.answers,
    c.wrong,
    c.answers >= MIN_ANSWERS ? rate(c.wrong, c.answers) : null,
    c.firstAnswers,
    c.firstWrong,
    c.firstAnswers >= MIN_ANSWERS ? rate(c.firstWrong, c.firstAnswers) : null,
    c.learners,
  ];
  return {
    columns: [t("reports.clause"), ...part(t("reports.practice")), ...part(t("reports.exam"))],
    rows: rows.map((r) => [
      r.sectionLevel ? t("reports.sectionLevel", { n: r.section }) : r.clause,
      ...values(r.practice),
      ...values(r.exam),
    ]),
  };
}

export function unitsTable(t: T, rows: UnitSections[]): Table {
  return {
    columns: [
      t("reports.unitCode"),
      t("reports.unit"),
      t("reports.lesson"),
      `${t("reports.practice")}: ${t("reports.answers")}`,
      `${t("reports.practice")}: ${t("reports.wrongRate")}, %`,
      `${t("reports.exam")}: ${t("reports.answers")}`,
      `${t("reports.exam")}: ${t("reports.wrongRate")}, %`,
    ],
    rows: rows.flatMap((u) =>
      u.sections
        .filter((s) => s.practice.answers + s.exam.answers > 0)
        .map((s) => [
          u.unit,
          u.unitName,
          s.section,
          s.practice.answers,
          rate(s.practice.wrong, s.practice.answers),
          s.exam.answers,
          rate(s.exam.wrong, s.exam.answers),
        ]),
    ),
  };
}

export function trendsTable(t: T, rows: MonthTrend[]): Table {
  return {
    columns: [
      t("reports.month"),
      t("reports.lessonCompletions"),
      t("reports.lessonLearners"),
      t("reports.courseCompletions"),
      t("reports.examAttempts"),
      t("reports.passed"),
      `${t("reports.passRate")}, %`,
    ],
    rows: rows.map((r) => [
      r.month,
      r.lessonCompletions,
      r.lessonLearners,
      r.courseCompletions,
      r.examAttempts,
      r.examPassed,
      pct(r.passRate),
    ]),
  };
}

export function transcriptTable(t: T, data: Transcript, zone: string): Table {
  const units = {
    hours: t("reports.hours"),
    minutes: t("reports.minutes"),
    seconds: t("reports.seconds"),
  };
  const at = (iso: string | null) => localDateTime(iso, zone);
  const verdict = (v: boolean | null) =>
    v === null ? null : v ? t("reports.result.passed") : t("reports.result.failed");
  return {
    columns: [
      t("reports.event"),
      t("reports.lesson"),
      t("reports.attempt"),
      t("reports.started"),
      t("reports.ended"),
      `${t("reports.score")}, %`,
      t("reports.result"),
      t("reports.duration"),
    ],
    rows: [
      ...data.lessons.map((l): Cell[] => [
        t("reports.kind.lesson"),
        l.section,
        null,
        at(l.firstOpened),
        at(l.completed),
        null,
        l.completed ? t("reports.result.completed") : null,
        formatDuration(l.durationMs, units),
      ]),
      ...data.quizzes.map((q): Cell[] => [
        t("reports.kind.quiz"),
        q.section,
        null,
        null,
        at(q.completedAt),
        pct(q.scaled),
        verdict(q.success),
        formatDuration(q.durationMs, units),
      ]),
      ...data.exams.map((e): Cell[] => [
        t("reports.kind.exam"),
        null,
        e.attempt,
        at(e.startedAt),
        at(e.endedAt),
        pct(e.scaled),
        verdict(e.passed),
        formatDuration(e.durationMs, units),
      ]),
    ],
  };
}
