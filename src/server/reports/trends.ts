// Monthly trends in the reports' time zone: every month of the range appears (zeros included),
// with first lesson completions, the learners behind them, course completions (the month of a
// learner's eleventh lesson) and exam attempts and passes. Month boundaries are computed here
// as UTC instants of local midnights, so SQL only compares timestamps.
import { localMonth, monthRange, nextMonth, startOfLocalMonth } from "../../lib/reports/time.ts";
import type { MonthTrend } from "../../lib/reports/types.ts";
import type { Sql, SqlValue } from "../db/sql.ts";
import { eventScope, people, type ReportFilter } from "./scope.ts";

/** The longest range shown month by month. */
export const MAX_MONTHS = 120;

const num = (v: SqlValue | undefined) => (v === null || v === undefined ? 0 : Number(v));

/** `CASE WHEN col >= start(m1) AND col < start(m2) THEN 'm1' … END`, as SQL and parameters. */
function bucket(column: string, months: readonly string[], zone: string) {
  const bounds = [...months, nextMonth(months.at(-1) ?? "")].map((m) =>
    startOfLocalMonth(m, zone).toISOString(),
  );
  const params: SqlValue[] = [bounds[0] ?? "", bounds.at(-1) ?? ""];
  const whens = months.map((m, i) => {
    params.push(bounds[i + 1] ?? "", m);
    return `WHEN ${column} < ? THEN CAST(? AS TEXT)`;
  });
  return {
    sql: `CASE WHEN ${column} < ? OR ${column} >= ? THEN NULL ${whens.join(" ")} END`,
    params,
  };
}

/**
 * The months of the filter's range; without `from`, from the first event in scope. A range
 * longer than MAX_MONTHS keeps its latest months and says so (`omitted`).
 */
async function monthsOf(
  sql: Sql,
  f: ReportFilter,
  zone: string,
): Promise<{ months: string[]; omitted: number }> {
  const last = localMonth(new Date(f.to ? Date.parse(f.to) - 1 : f.now.getTime()), zone);
  let first: string;
  if (f.from) first = localMonth(new Date(f.from), zone);
  else {
    const s = eventScope({ ...f, from: undefined });
    const row = await sql.get<{ ts: string | null }>(
      `SELECT MIN(e.ts) AS ts FROM learning_events e WHERE e.kind IN ('lesson', 'exam') AND ${s.where}`,
      s.params,
    );
    first = row?.ts ? localMonth(new Date(row.ts), zone) : last;
  }
  if (first > last) return { months: [], omitted: 0 };
  const all = monthRange(first, last, 100_000);
  return { months: all.slice(-MAX_MONTHS), omitted: Math.max(0, all.length - MAX_MONTHS) };
}

export interface TrendReport {
  months: MonthTrend[];
  /** Months before the first one shown (the range was longer than MAX_MONTHS). */
  omitted: number;
}

export async function monthlyTrends(sql: Sql, f: ReportFilter): Promise<TrendReport> {
  const zone = f.timeZone ?? "UTC";
  const { months, omitted } = await monthsOf(sql, f, zone);
  if (months.length === 0) return { months: [], omitted };
  const p = people(f);
  const inScope = `e.personnel_number IN (SELECT u.personnel_number FROM users u WHERE ${p.where})`;
  const firsts = `SELECT e.personnel_number, e.section, MIN(e.ts) AS ts FROM learning_events e
    WHERE e.kind = 'lesson' AND e.verb = 'completed' AND ${inScope}
    GROUP BY e.personnel_number, e.section`;
  const b = bucket("ts", months, zone);
  const lessons = await sql.all(
    `SELECT month, COUNT(*) AS n, COUNT(DISTINCT personnel_number) AS learners FROM (
       SELECT personnel_number, ${b.sql} AS month FROM (${firsts}) f
     ) x WHERE month IS NOT NULL GROUP BY month`,
    [...b.params, ...p.params],
  );
  const course = await sql.all(
    `SELECT month, COUNT(*) AS n FROM (
       SELECT ${b.sql} AS month FROM (
         SELECT personnel_number, MAX(ts) AS ts FROM (${firsts}) f
         GROUP BY personnel_number HAVING COUNT(*) = 11
       ) c
     ) x WHERE month IS NOT NULL GROUP BY month`,
    [...b.params, ...p.params],
  );
  const eb = bucket("e.ts", months, zone);
  const exams = await sql.all(
    `SELECT month, COUNT(*) AS attempts, SUM(passed) AS passed FROM (
       SELECT ${eb.sql} AS month, CASE WHEN e.verb = 'passed' THEN 1 ELSE 0 END AS passed
       FROM learning_events e WHERE e.kind = 'exam' AND e.verb IN ('passed', 'failed') AND ${inScope}
     ) x WHERE month IS NOT NULL GROUP BY month`,
    [...eb.params, ...p.params],
  );
  const at = (rows: Record<string, SqlValue>[], month: string) =>
    rows.find((r) => r.month === month);
  const trend = months.map((month) => {
    const attempts = num(at(exams, month)?.attempts);
    const passed = num(at(exams, month)?.passed);
    return {
      month,
      lessonCompletions: num(at(lessons, month)?.n),
      lessonLearners: num(at(lessons, month)?.learners),
      courseCompletions: num(at(course, month)?.n),
      examAttempts: attempts,
      examPassed: passed,
      passRate: attempts === 0 ? null : passed / attempts,
    };
  });
  return { months: trend, omitted };
}
