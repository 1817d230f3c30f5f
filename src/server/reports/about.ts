// The block that heads every export (a CSV's first lines, the workbook's second sheet): the
// filters in effect, the view's options as chosen on screen (which attempts or answers count,
// from where, which clause), when it was made and in which time zone. A printout or a file
// passed on must say what it counts, or two officers compare different figures unawares.
import type { MessageKey } from "../../i18n/index.ts";
import { localDateTime } from "../../lib/reports/time.ts";
import type { ReportMeta, ViewOptions } from "../../lib/reports/types.ts";
import type { ReportFilter } from "./scope.ts";

export type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A share as a percentage with one decimal (exports). */
export const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
export const rate = (wrong: number, n: number) => (n === 0 ? null : pct(wrong / n));

// Typed maps, not keys pieced together from a value: a role without its dictionary entry is a
// compile error here, not a 500 when someone exports with that filter.
const ROLE_KEYS: Record<NonNullable<ReportFilter["role"]>, MessageKey> = {
  learner: "reports.role.learner",
  officer: "reports.role.officer",
  admin: "reports.role.admin",
};
const SOURCE_KEYS: Record<NonNullable<ViewOptions["source"]>, MessageKey> = {
  practice: "reports.practice",
  exam: "reports.exam",
  both: "reports.practiceAndExam",
};

/** The view's options as rows. Item analysis counts attempts; the clause views count answers. */
function optionRows(t: T, view: ViewOptions): [string, string][] {
  const rows: [string, string][] = [];
  if (view.clause) rows.push([t("reports.clause"), view.clause]);
  if (view.source) rows.push([t("reports.answersFrom"), t(SOURCE_KEYS[view.source])]);
  const answers = view.source !== undefined || view.clause !== undefined;
  if (view.attempts === "first")
    rows.push([
      t("reports.attemptsCounted"),
      t(answers ? "reports.firstTries" : "reports.firstAttempts"),
    ]);
  if (view.attempts === "all") {
    rows.push([
      t("reports.attemptsCounted"),
      t(answers ? "reports.allAnswers" : "reports.allAttempts"),
    ]);
    // Moodle's warning: every attempt counted as if by another person.
    if (!answers) rows.push(["", t("reports.allAttemptsNote")]);
  }
  return rows;
}

export function aboutRows(t: T, meta: ReportMeta): [string, string][] {
  const f = meta.filters;
  return [
    [t("reports.filtersInEffect"), ""],
    [t("reports.unit"), f.unitName ?? t("reports.allUnits")],
    [t("reports.from"), f.from ?? "—"],
    [t("reports.to"), f.to ?? "—"],
    [t("reports.role"), f.role ? t(ROLE_KEYS[f.role]) : t("reports.allRoles")],
    ...optionRows(t, meta.view),
    [t("reports.generatedAt"), localDateTime(meta.generatedAt, meta.timeZone) ?? ""],
    [t("reports.timeZone"), meta.timeZone],
  ];
}
