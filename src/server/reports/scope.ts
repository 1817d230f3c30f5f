// What a report may count: the people of the officer's units (and role) and the date range,
// as SQL fragments. Every query of the dashboard is built from these, so no figure can reach
// outside the officer's units.
import type { Sql, SqlValue } from "../db/sql.ts";

export interface ReportFilter {
  units: readonly string[];
  /** Inclusive lower bound on event time (UTC ISO), from a local date or an instant. */
  from?: string | undefined;
  /** Exclusive upper bound on event time (UTC ISO): the start of the day after `to`. */
  to?: string | undefined;
  role?: "learner" | "officer" | "admin" | undefined;
  now: Date;
  /** IANA zone of months and dates (ADAL_TIMEZONE). */
  timeZone?: string;
  /** From the exam blueprint: how long a pass is valid and how early "due soon" starts. */
  validityDays?: number;
  dueSoonDays?: number;
}

export interface Fragment {
  where: string;
  params: SqlValue[];
}

/** `u.…` conditions on `users u` for the units and role in scope. */
export function people(f: ReportFilter): Fragment {
  // No units: nobody (PostgreSQL refuses a NUL in text, so no sentinel value).
  const units =
    f.units.length > 0 ? `u.unit_code IN (${f.units.map(() => "?").join(", ")})` : "1 = 0";
  return {
    where: `${units}${f.role ? " AND u.role = ?" : ""}`,
    params: f.role ? [...f.units, f.role] : [...f.units],
  };
}

/**
 * ` AND column >= from AND column < to`, or nothing; `seconds` for a column of seconds since
 * 1970 (the clause rows) instead of ISO text.
 */
export function period(f: ReportFilter, column = "e.ts", seconds = false): Fragment {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  // Bounds are instants; in seconds, `from` rounds up and `to` rounds up (exclusive), so a
  // row counts exactly when its whole second lies in the range.
  const bound = (iso: string) => (seconds ? Math.ceil(Date.parse(iso) / 1000) : iso);
  if (f.from) {
    parts.push(`${column} >= ?`);
    params.push(bound(f.from));
  }
  if (f.to) {
    parts.push(`${column} < ?`);
    params.push(bound(f.to));
  }
  return { where: parts.map((p) => ` AND ${p}`).join(""), params };
}

/** Events (`learning_events e`) of the people in scope, within the date range. */
export function eventScope(f: ReportFilter): Fragment {
  const p = people(f);
  const t = period(f);
  return {
    where: `e.personnel_number IN (SELECT u.personnel_number FROM users u WHERE ${p.where})${t.where}`,
    params: [...p.params, ...t.params],
  };
}

/**
 * The scope for a query that tests every row of a large table, in the cheaper of two equivalent
 * forms. When most people with rows are in scope (an officer of a whole department), "not one of
 * the few people outside it" lets SQLite turn rows away with a Bloom filter of a short list;
 * otherwise "one of the people inside it". People with rows but no user row are outside every
 * scope either way. The unary `+` keeps SQLite from probing an index per person and value.
 */
export async function rowScope(
  sql: Sql,
  f: ReportFilter,
  table: "events" | "clauses",
  form: "auto" | "inside" | "outside" = "auto",
): Promise<Fragment> {
  const p = people(f);
  const t = table === "events" ? period(f) : period(f, "e.at", true);
  const inScope = `SELECT u.personnel_number FROM users u WHERE ${p.where}`;
  let outside = form === "outside";
  if (form === "auto") {
    const counts = await sql.get<{ total: number; inside: number }>(
      `SELECT COUNT(*) AS total, SUM(CASE WHEN r.personnel_number IN (${inScope}) THEN 1 ELSE 0 END) AS inside FROM report_people r`,
      p.params,
    );
    outside = Number(counts?.inside ?? 0) * 2 > Number(counts?.total ?? 0);
  }
  const key = table === "events" ? "r.personnel_number" : "r.id";
  const plus = sql.dialect === "sqlite" ? "+" : "";
  const column = `${plus}${table === "events" ? "e.personnel_number" : "e.person"}`;
  const where = outside
    ? `${column} NOT IN (SELECT ${key} FROM report_people r WHERE r.personnel_number NOT IN (${inScope}))`
    : `${column} IN (SELECT ${key} FROM report_people r WHERE r.personnel_number IN (${inScope}))`;
  return { where: `${where}${t.where}`, params: [...p.params, ...t.params] };
}
