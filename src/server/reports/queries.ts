// The dashboard's figures, computed in SQL over the projection and the accounts tables, for
// the units in scope. Every query is bounded by scope and date range; nothing is streamed to
// the browser but the aggregates.
import type { DueLearner, StuckLearner, UnitOverview } from "../../lib/reports/types.ts";
import type { Sql, SqlValue } from "../db/sql.ts";

export type { DueLearner, StuckLearner, UnitOverview };

export interface ReportFilter {
  units: readonly string[];
  /** Inclusive ISO date-time bounds on event time. */
  from?: string | undefined;
  to?: string | undefined;
  role?: "learner" | "officer" | "admin" | undefined;
  now: Date;
  validityDays?: number;
}

const DAY = 86_400_000;
const num = (v: SqlValue | undefined) => (v === null || v === undefined ? 0 : Number(v));
const maybe = (v: SqlValue | undefined) => (v === null || v === undefined ? null : Number(v));

/** `users u` restricted to the scope: SQL and parameters. */
function people(f: ReportFilter): { where: string; params: SqlValue[] } {
  const units = f.units.length > 0 ? f.units : ["\u0000none"];
  const params: SqlValue[] = [...units];
  let where = `u.unit_code IN (${units.map(() => "?").join(", ")})`;
  if (f.role) {
    where += " AND u.role = ?";
    params.push(f.role);
  }
  return { where, params };
}

function period(f: ReportFilter, column = "e.ts"): { where: string; params: SqlValue[] } {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  if (f.from) {
    parts.push(`${column} >= ?`);
    params.push(f.from);
  }
  if (f.to) {
    parts.push(`${column} <= ?`);
    params.push(f.to);
  }
  return { where: parts.length ? ` AND ${parts.join(" AND ")}` : "", params };
}

export async function overview(sql: Sql, f: ReportFilter): Promise<UnitOverview[]> {
  const p = people(f);
  const t = period(f);
  const validity = (f.validityDays ?? 365) * DAY;
  const validSince = new Date(f.now.getTime() - validity).toISOString();
  const soonSince = new Date(f.now.getTime() - validity + 30 * DAY).toISOString();
  const learners = await sql.all(
    `SELECT u.unit_code AS unit, COUNT(*) AS n FROM users u WHERE ${p.where} GROUP BY u.unit_code`,
    p.params,
  );
  const lessons = await sql.all(
    `SELECT u.unit_code AS unit, e.section AS section, COUNT(DISTINCT e.personnel_number) AS n
     FROM learning_events e JOIN users u ON u.personnel_number = e.personnel_number
     WHERE ${p.where} AND e.kind = 'lesson' AND e.verb = 'completed'${t.where}
     GROUP BY u.unit_code, e.section`,
    [...p.params, ...t.params],
  );
  const course = await sql.all(
    `SELECT u.unit_code AS unit, COUNT(*) AS n FROM users u JOIN (
       SELECT e.personnel_number FROM learning_events e WHERE e.kind = 'lesson' AND e.verb = 'completed'${t.where}
       GROUP BY e.personnel_number HAVING COUNT(DISTINCT e.section) = 11
     ) c ON c.personnel_number = u.personnel_number WHERE ${p.where} GROUP BY u.unit_code`,
    [...t.params, ...p.params],
  );
  const exams = await sql.all(
    `SELECT u.unit_code AS unit, COUNT(*) AS attempts, SUM(CASE WHEN e.verb = 'passed' THEN 1 ELSE 0 END) AS passed,
            AVG(CAST(e.scaled AS DOUBLE PRECISION)) AS score
     FROM learning_events e JOIN users u ON u.personnel_number = e.personnel_number
     WHERE ${p.where} AND e.kind = 'exam' AND e.verb IN ('passed', 'failed')${t.where}
     GROUP BY u.unit_code`,
    [...p.params, ...t.params],
  );
  const due = await sql.all(
    `SELECT u.unit_code AS unit,
            SUM(CASE WHEN l.last_pass IS NULL OR l.last_pass < ? THEN 1 ELSE 0 END) AS overdue,
            SUM(CASE WHEN l.last_pass >= ? AND l.last_pass < ? THEN 1 ELSE 0 END) AS due_soon
     FROM users u LEFT JOIN (
       SELECT personnel_number, MAX(ts) AS last_pass FROM learning_events WHERE kind = 'exam' AND verb = 'passed' GROUP BY personnel_number
     ) l ON l.personnel_number = u.personnel_number
     WHERE ${p.where} GROUP BY u.unit_code`,
    [validSince, validSince, soonSince, ...p.params],
  );
  const by = <T>(rows: T[], unit: string) =>
    rows.find((r) => (r as { unit: string }).unit === unit);
  return learners.map((row) => {
    const unit = String(row.unit);
    const n = num(row.n);
    const exam = by(exams, unit);
    const attempts = num(exam?.attempts);
    return {
      unit,
      learners: n,
      lessonCompletion: Array.from({ length: 11 }, (_, i) => {
        const hit = lessons.find((l) => l.unit === unit && num(l.section) === i + 1);
        return n === 0 ? 0 : num(hit?.n) / n;
      }),
      courseCompleted: num(by(course, unit)?.n),
      examAttempts: attempts,
      examPassRate: attempts === 0 ? null : num(exam?.passed) / attempts,
      averageScore: maybe(exam?.score),
      overdue: num(by(due, unit)?.overdue),
      dueSoon: num(by(due, unit)?.due_soon),
    };
  });
}

export async function dueLearners(sql: Sql, f: ReportFilter): Promise<DueLearner[]> {
  const p = people(f);
  const validity = (f.validityDays ?? 365) * DAY;
  const validSince = new Date(f.now.getTime() - validity).toISOString();
  const soonSince = new Date(f.now.getTime() - validity + 30 * DAY).toISOString();
  const rows = await sql.all(
    `SELECT u.personnel_number, u.full_name, u.unit_code, u.email, l.last_pass
     FROM users u LEFT JOIN (
       SELECT personnel_number, MAX(ts) AS last_pass FROM learning_events WHERE kind = 'exam' AND verb = 'passed' GROUP BY personnel_number
     ) l ON l.personnel_number = u.personnel_number
     WHERE ${p.where} AND (l.last_pass IS NULL OR l.last_pass < ?)
     ORDER BY CASE WHEN l.last_pass IS NULL THEN 0 ELSE 1 END, l.last_pass, u.full_name LIMIT 5000`,
    [...p.params, soonSince],
  );
  return rows.map((r) => {
    const lastPass = r.last_pass === null ? null : String(r.last_pass);
    return {
      personnelNumber: String(r.personnel_number),
      fullName: String(r.full_name),
      unit: String(r.unit_code),
      email: r.email === null ? null : String(r.email),
      lastPass,
      dueDate: lastPass ? new Date(Date.parse(lastPass) + validity).toISOString() : null,
      status: !lastPass || lastPass < validSince ? "overdue" : "due-soon",
    };
  });
}

/** Learners who opened a lesson, did not finish it, and have done nothing for `idleDays`. */
export async function stuckLearners(
  sql: Sql,
  f: ReportFilter,
  idleDays = 7,
): Promise<StuckLearner[]> {
  const p = people(f);
  const idleSince = new Date(f.now.getTime() - idleDays * DAY).toISOString();
  const rows = await sql.all(
    `SELECT u.personnel_number, u.full_name, u.unit_code, o.section, o.opened
     FROM users u
     JOIN (SELECT personnel_number, section,
                  MAX(CASE WHEN verb = 'experienced' THEN ts END) AS opened,
                  MAX(CASE WHEN verb = 'completed' THEN 1 ELSE 0 END) AS done
           FROM learning_events WHERE kind = 'lesson' GROUP BY personnel_number, section) o
       ON o.personnel_number = u.personnel_number
     JOIN (SELECT personnel_number, MAX(ts) AS last_seen FROM learning_events GROUP BY personnel_number) a
       ON a.personnel_number = u.personnel_number
     WHERE ${p.where} AND a.last_seen < ? AND o.done = 0 AND o.opened IS NOT NULL
     ORDER BY o.opened LIMIT 5000`,
    [...p.params, idleSince],
  );
  return rows.map((r) => ({
    personnelNumber: String(r.personnel_number),
    fullName: String(r.full_name),
    unit: String(r.unit_code),
    section: num(r.section),
    openedAt: String(r.opened),
  }));
}
