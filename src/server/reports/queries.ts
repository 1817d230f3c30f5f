// The dashboard's overview and its two lists (due and stuck learners), computed in SQL over the
// projection and the accounts tables for the units in scope. Nothing but aggregates and the
// requested page of a list leaves the database.
import type { DueLearner, Paged, StuckLearner, UnitOverview } from "../../lib/reports/types.ts";
import type { Sql, SqlValue } from "../db/sql.ts";
import { people, period, type ReportFilter } from "./scope.ts";

export type { DueLearner, ReportFilter, StuckLearner, UnitOverview };

const DAY = 86_400_000;
/** Learners idle this long on a lesson they opened and did not finish count as stuck. */
export const STUCK_IDLE_DAYS = 7;
const num = (v: SqlValue | undefined) => (v === null || v === undefined ? 0 : Number(v));
const maybe = (v: SqlValue | undefined) => (v === null || v === undefined ? null : Number(v));

export interface PageRequest {
  offset: number;
  /** Null: every row (exports). */
  limit: number | null;
}

/** Bounds of "valid" and "due soon" as instants: passes before `validSince` are expired. */
function validity(f: ReportFilter) {
  const days = f.validityDays ?? 365;
  const soon = f.dueSoonDays ?? 30;
  return {
    days,
    validSince: new Date(f.now.getTime() - days * DAY).toISOString(),
    soonSince: new Date(f.now.getTime() - (days - soon) * DAY).toISOString(),
  };
}

const LAST_PASS = `SELECT personnel_number, MAX(ts) AS last_pass FROM learning_events
  WHERE kind = 'exam' AND verb = 'passed' GROUP BY personnel_number`;

export async function overview(
  sql: Sql,
  f: ReportFilter,
  names: ReadonlyMap<string, string> = new Map(),
): Promise<UnitOverview[]> {
  const p = people(f);
  const t = period(f);
  const v = validity(f);
  const learners = await sql.all(
    `SELECT u.unit_code AS unit, COUNT(*) AS n FROM users u WHERE ${p.where} GROUP BY u.unit_code ORDER BY u.unit_code`,
    p.params,
  );
  // Each learner's first completion of each lesson, over all time: a lesson counts in the range
  // of its first completion, and the course in the range of the last of the eleven (the lesson
  // that completed it), exactly as the trends count months. Reading a lesson again later is
  // not completing it again.
  const inScope = `e.personnel_number IN (SELECT u.personnel_number FROM users u WHERE ${p.where})`;
  const firsts = `SELECT e.personnel_number, e.section, MIN(e.ts) AS ts FROM learning_events e
    WHERE e.kind = 'lesson' AND e.verb = 'completed' AND ${inScope}
    GROUP BY e.personnel_number, e.section`;
  const lt = period(f, "l.ts");
  const lessons = await sql.all(
    `SELECT u.unit_code AS unit, l.section, COUNT(*) AS n
     FROM (${firsts}) l JOIN users u ON u.personnel_number = l.personnel_number
     WHERE 1 = 1${lt.where} GROUP BY u.unit_code, l.section`,
    [...p.params, ...lt.params],
  );
  const ct = period(f, "c.ts");
  const course = await sql.all(
    `SELECT u.unit_code AS unit, COUNT(*) AS n FROM (
       SELECT l.personnel_number, MAX(l.ts) AS ts FROM (${firsts}) l
       GROUP BY l.personnel_number HAVING COUNT(*) = 11
     ) c JOIN users u ON u.personnel_number = c.personnel_number
     WHERE 1 = 1${ct.where} GROUP BY u.unit_code`,
    [...p.params, ...ct.params],
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
     FROM users u LEFT JOIN (${LAST_PASS}) l ON l.personnel_number = u.personnel_number
     WHERE ${p.where} GROUP BY u.unit_code`,
    [v.validSince, v.validSince, v.soonSince, ...p.params],
  );
  const by = <T extends { unit?: SqlValue }>(rows: T[], unit: string) =>
    rows.find((r) => r.unit === unit);
  // Every unit in scope has its row, also one whose people are all filtered out (zeros).
  return [...new Set(f.units)].sort().map((unit) => {
    const n = num(by(learners, unit)?.n);
    const exam = by(exams, unit);
    const attempts = num(exam?.attempts);
    const completed = Array.from({ length: 11 }, (_, i) =>
      num(lessons.find((l) => l.unit === unit && num(l.section) === i + 1)?.n),
    );
    return {
      unit,
      unitName: names.get(unit) ?? unit,
      learners: n,
      lessonCompleted: completed,
      lessonCompletion: completed.map((c) => (n === 0 ? 0 : c / n)),
      courseCompleted: num(by(course, unit)?.n),
      examAttempts: attempts,
      examPassRate: attempts === 0 ? null : num(exam?.passed) / attempts,
      averageScore: maybe(exam?.score),
      overdue: num(by(due, unit)?.overdue),
      dueSoon: num(by(due, unit)?.due_soon),
    };
  });
}

const page = (r: PageRequest) =>
  r.limit === null
    ? { sql: "", params: [] }
    : { sql: " LIMIT ? OFFSET ?", params: [r.limit, r.offset] };

/** Learners without a valid pass (overdue) or whose pass expires within the due-soon window. */
export async function dueLearners(
  sql: Sql,
  f: ReportFilter,
  request: PageRequest = { offset: 0, limit: null },
): Promise<Paged<DueLearner>> {
  const p = people(f);
  const v = validity(f);
  const l = page(request);
  const rows = await sql.all(
    `SELECT u.personnel_number, u.full_name, u.unit_code, u.email, l.last_pass, COUNT(*) OVER () AS total
     FROM users u LEFT JOIN (${LAST_PASS}) l ON l.personnel_number = u.personnel_number
     WHERE ${p.where} AND (l.last_pass IS NULL OR l.last_pass < ?)
     ORDER BY CASE WHEN l.last_pass IS NULL THEN 0 ELSE 1 END, l.last_pass, u.full_name, u.personnel_number${l.sql}`,
    [...p.params, v.soonSince, ...l.params],
  );
  const total = rows.length > 0 ? num(rows[0]?.total) : await countDue(sql, f, request);
  return {
    total,
    offset: request.offset,
    limit: request.limit ?? total,
    rows: rows.map((r) => {
      const lastPass = r.last_pass === null ? null : String(r.last_pass);
      return {
        personnelNumber: String(r.personnel_number),
        fullName: String(r.full_name),
        unit: String(r.unit_code),
        email: r.email === null ? null : String(r.email),
        lastPass,
        dueDate: lastPass ? new Date(Date.parse(lastPass) + v.days * DAY).toISOString() : null,
        status: !lastPass || lastPass < v.validSince ? "overdue" : "due-soon",
      };
    }),
  };
}

// A page past the end has no row to carry the window's total.
async function countDue(sql: Sql, f: ReportFilter, request: PageRequest): Promise<number> {
  if (request.offset === 0) return 0;
  return (await dueLearners(sql, f, { offset: 0, limit: null })).total;
}

/** Learners who opened a lesson, did not finish it, and have done nothing for `idleDays`. */
export async function stuckLearners(
  sql: Sql,
  f: ReportFilter,
  request: PageRequest = { offset: 0, limit: null },
  idleDays = STUCK_IDLE_DAYS,
): Promise<Paged<StuckLearner>> {
  const p = people(f);
  const idleSince = new Date(f.now.getTime() - idleDays * DAY).toISOString();
  // The lesson each learner opened last and has not completed; their last event of any kind
  // comes from the (person, time) index, one probe per candidate.
  const rows = await sql.all(
    `SELECT s.*, COUNT(*) OVER () AS total FROM (
       SELECT u.personnel_number, u.full_name, u.unit_code, u.email, o.section, o.opened,
              (SELECT MAX(x.ts) FROM learning_events x WHERE x.personnel_number = o.personnel_number) AS last_seen
       FROM (
         SELECT personnel_number, section, opened,
                ROW_NUMBER() OVER (PARTITION BY personnel_number ORDER BY opened DESC, section) AS r
         FROM (
           SELECT e.personnel_number, e.section,
                  MAX(CASE WHEN e.verb = 'experienced' THEN e.ts END) AS opened,
                  MAX(CASE WHEN e.verb = 'completed' THEN 1 ELSE 0 END) AS done
           FROM learning_events e
           WHERE e.kind = 'lesson' AND e.personnel_number IN (SELECT u.personnel_number FROM users u WHERE ${p.where})
           GROUP BY e.personnel_number, e.section
         ) g WHERE g.done = 0 AND g.opened IS NOT NULL
       ) o JOIN users u ON u.personnel_number = o.personnel_number
       WHERE o.r = 1
     ) s WHERE s.last_seen < ?
     ORDER BY s.last_seen, s.personnel_number${page(request).sql}`,
    [...p.params, idleSince, ...page(request).params],
  );
  let total = rows.length > 0 ? num(rows[0]?.total) : 0;
  if (rows.length === 0 && request.offset > 0)
    total = (await stuckLearners(sql, f, { offset: 0, limit: null }, idleDays)).total;
  return {
    total,
    offset: request.offset,
    limit: request.limit ?? total,
    rows: rows.map((r) => ({
      personnelNumber: String(r.personnel_number),
      fullName: String(r.full_name),
      unit: String(r.unit_code),
      email: r.email === null ? null : String(r.email),
      section: num(r.section),
      openedAt: String(r.opened),
      lastSeen: String(r.last_seen),
    })),
  };
}
