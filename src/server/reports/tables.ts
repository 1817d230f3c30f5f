// Every view as a table for CSV and XLSX, headed in the officer's language, dates in the
// reports' time zone (named in the export's about block with the filters in effect, about.ts).
// The clause views' tables are in clause-tables.ts.
import type { MessageKey } from "../../i18n/index.ts";
import { formatDuration, localDateTime } from "../../lib/reports/time.ts";
import type {
  DueLearner,
  ItemFlag,
  ItemReport,
  MonthTrend,
  StuckLearner,
  Transcript,
  UnitOverview,
} from "../../lib/reports/types.ts";
import { pct, type T } from "./about.ts";
import type { Cell, Table } from "./export.ts";

export type { T };

// Typed map, not keys pieced together from a value: a flag without its dictionary entry is a
// compile error here, not a 500 when someone exports the item analysis.
const FLAG_KEYS: Record<ItemFlag, MessageKey> = {
  "too-easy": "reports.flag.too-easy",
  "too-hard": "reports.flag.too-hard",
  "negative-discrimination": "reports.flag.negative-discrimination",
  "weak-discrimination": "reports.flag.weak-discrimination",
  "low-efficiency": "reports.flag.low-efficiency",
};

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
      { text: r.personnelNumber },
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
      { text: r.personnelNumber },
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
