// Which projected rows a report may count: the events of the people in the officer's units
// (and role), within the date range. Two equivalent SQL forms; see `rowScope`.
import type { Sql, SqlValue } from "../db/sql.ts";
import type { ReportFilter } from "./queries.ts";

export interface Scope {
  where: string;
  params: SqlValue[];
}

/** The people in scope, as a subquery over `users u`, with its parameters. */
function members(f: ReportFilter): Scope {
  const units = f.units.length > 0 ? f.units : ["\u0000none"];
  return {
    where: `SELECT u.personnel_number FROM users u WHERE u.unit_code IN (${units.map(() => "?").join(", ")})${f.role ? " AND u.role = ?" : ""}`,
    params: f.role ? [...units, f.role] : [...units],
  };
}

function withDates(scope: Scope, f: ReportFilter): Scope {
  let { where } = scope;
  const params = [...scope.params];
  if (f.from) {
    where += " AND e.ts >= ?";
    params.push(f.from);
  }
  if (f.to) {
    where += " AND e.ts <= ?";
    params.push(f.to);
  }
  return { where, params };
}

/** `e.personnel_number IN (people in scope)` plus the date range. */
export function scope(f: ReportFilter): Scope {
  const m = members(f);
  return withDates({ where: `e.personnel_number IN (${m.where})`, params: m.params }, f);
}

/**
 * The same rows as `scope`, in the form that is cheaper for a query testing every row of a
 * large table (the clause heatmap: ~900k rows at 10,000 learners). When most people are in
 * scope, "not one of the people outside it" lets a Bloom filter turn almost every row away at
 * once, where "one of the people inside it" probes an index for each row (SQLite, heatmap
 * over a whole department: 590 -> 475 ms). People with events but no user row are outside
 * every scope, so they are excluded as well; `report_people` lists the people with events.
 */
export async function rowScope(
  sql: Sql,
  f: ReportFilter,
  form: "auto" | "inside" | "outside" = "auto",
): Promise<Scope> {
  const m = members(f);
  let outside = form === "outside";
  if (form === "auto") {
    const counts = await sql.get<{ total: number; inside: number }>(
      `SELECT COUNT(*) AS total, SUM(CASE WHEN personnel_number IN (${m.where}) THEN 1 ELSE 0 END) AS inside FROM users`,
      m.params,
    );
    outside = Number(counts?.inside ?? 0) * 2 > Number(counts?.total ?? 0);
  }
  if (!outside) return scope(f);
  return withDates(
    {
      where: `e.personnel_number NOT IN (SELECT personnel_number FROM users EXCEPT ${m.where})
        AND e.personnel_number NOT IN (SELECT p.personnel_number FROM report_people p
          WHERE p.personnel_number NOT IN (SELECT personnel_number FROM users))`,
      params: m.params,
    },
    f,
  );
}
