// What a report may count: the people of the officer's units (and role) and the date range,
// as SQL fragments. Every query of the dashboard is built from these, so no figure can reach
// outside the officer's units.
import type { SqlValue } from "../db/sql.ts";

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

/** ` AND column >= from AND column < to`, or nothing. */
export function period(f: ReportFilter, column = "e.ts"): Fragment {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  if (f.from) {
    parts.push(`${column} >= ?`);
    params.push(f.from);
  }
  if (f.to) {
    parts.push(`${column} < ?`);
    params.push(f.to);
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
 * Clause rows (`learning_event_clauses e`, integer person keys) of the people in scope, within
 * the date range. The unary `+` keeps SQLite from turning the membership test into index
 * probes per person and value (a skip-scan that took seconds): it scans the covering index
 * once and tests each row against the small in-memory list of the people in scope.
 */
export function clauseScope(f: ReportFilter): Fragment {
  const p = people(f);
  const t = period(f);
  return {
    where: `+e.person IN (SELECT r.id FROM report_people r JOIN users u ON u.personnel_number = r.personnel_number WHERE ${p.where})${t.where}`,
    params: [...p.params, ...t.params],
  };
}
