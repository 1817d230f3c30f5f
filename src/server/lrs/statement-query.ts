// The filtered, paged query of GET /statements. Every non-time filter has a side table keyed
// (value, seq) that also holds the rows a StatementRef statement gets from its targets
// (statement-index.ts), so one filter drives the query along its index in seq order and
// stops at the page's end; the others are point lookups.
import type { Sql, SqlValue } from "../db/sql.ts";
import type { Statement } from "../xapi/types.ts";
import type { Withheld } from "./principal.ts";

export interface StatementQuery {
  agent?: string | undefined;
  verb?: string | undefined;
  activity?: string | undefined;
  registration?: string | undefined;
  relatedActivities?: boolean;
  relatedAgents?: boolean;
  since?: string | undefined;
  until?: string | undefined;
  limit: number;
  ascending?: boolean;
  /** Paging cursor: the last seq already returned. */
  after?: number | undefined;
  /** statements/read/mine: only statements with this authority. */
  authority?: string | undefined;
  /** Policy restriction: only statements whose actor/object is one of these agents. */
  agentsAnyOf?: readonly string[] | undefined;
  /** Policy restriction: leave these out (see Withheld). */
  withheld?: Withheld | null | undefined;
}

export interface QueryPage {
  statements: Statement[];
  /** Cursor for the next page, or null when this is the last one. */
  next: number | null;
}

type StatementRow = { seq: number | string; body: string };

interface Filter {
  table: string;
  /** The condition on the side table under an alias, with its parameters. */
  on: (alias: string) => string;
  params: SqlValue[];
  /**
   * For verb and registration: the statement's own column, checked first when the filter
   * does not drive: only a StatementRef statement (ref set) can match through its targets,
   * so the side table is looked up for those alone.
   */
  own?: { column: string; value: SqlValue };
}

export async function queryStatements(sql: Sql, q: StatementQuery): Promise<QueryPage> {
  const related = (flag: boolean | undefined) => (flag ? "IN (0, 1)" : "= 0");
  // In the order they drive: an agent, then an activity, is usually the most selective.
  const filters: Filter[] = [];
  if (q.agent)
    filters.push({
      table: "lrs_statement_agents",
      on: (a) => `${a}.ifi = ? AND ${a}.related ${related(q.relatedAgents)}`,
      params: [q.agent],
    });
  if (q.activity)
    filters.push({
      table: "lrs_statement_activities",
      on: (a) => `${a}.activity = ? AND ${a}.related ${related(q.relatedActivities)}`,
      params: [q.activity],
    });
  if (q.registration) {
    const registration = q.registration.toLowerCase();
    filters.push({
      table: "lrs_statement_registrations",
      on: (a) => `${a}.registration = ?`,
      params: [registration],
      own: { column: "s.registration", value: registration },
    });
  }
  if (q.verb)
    filters.push({
      table: "lrs_statement_verbs",
      on: (a) => `${a}.verb = ?`,
      params: [q.verb],
      own: { column: "s.verb", value: q.verb },
    });

  const from = ["lrs_statements s"];
  const where: string[] = [];
  const params: SqlValue[] = [];
  let order = "s.seq";
  const [driving, ...checks] = filters;
  if (driving) {
    from.unshift(`${driving.table} d`);
    where.push(`${driving.on("d")} AND s.seq = d.seq`);
    params.push(...driving.params);
    order = "d.seq";
  }
  where.push("s.voided = 0");
  const add = (clause: string, ...values: SqlValue[]) => {
    where.push(clause);
    params.push(...values);
  };
  for (const f of checks) {
    const exists = `EXISTS (SELECT 1 FROM ${f.table} x WHERE ${f.on("x")} AND x.seq = s.seq)`;
    if (f.own)
      add(`(${f.own.column} = ? OR (s.ref IS NOT NULL AND ${exists}))`, f.own.value, ...f.params);
    else add(exists, ...f.params);
  }
  if (q.since) add("s.stored > ?", q.since);
  if (q.until) add("s.stored <= ?", q.until);
  if (q.authority) add("s.authority = ?", q.authority);
  if (q.agentsAnyOf?.length === 0) add("1 = 0");
  else if (q.agentsAnyOf) {
    const list = q.agentsAnyOf;
    add(
      `EXISTS (SELECT 1 FROM lrs_statement_agents r WHERE r.related = 0 AND r.seq = s.seq AND r.ifi IN (${list.map(() => "?").join(", ")}))`,
      ...list,
    );
  }
  if (q.withheld && q.withheld.agents.length > 0) {
    const { authority, verb, agents } = q.withheld;
    add(
      `NOT (COALESCE(s.authority, '') = ? AND s.verb = ? AND EXISTS (SELECT 1 FROM lrs_statement_agents w WHERE w.related = 0 AND w.seq = s.seq AND w.ifi IN (${agents.map(() => "?").join(", ")})))`,
      authority,
      verb,
      ...agents,
    );
  }
  if (q.after !== undefined) add(`${order} ${q.ascending ? ">" : "<"} ?`, q.after);
  const rows = await sql.all<StatementRow>(
    `SELECT s.seq, s.body FROM ${from.join(", ")} WHERE ${where.join(" AND ")} ORDER BY ${order} ${q.ascending ? "ASC" : "DESC"} LIMIT ?`,
    [...params, q.limit + 1],
  );
  const page = rows.slice(0, q.limit);
  return {
    statements: page.map((r) => JSON.parse(r.body) as Statement),
    next: rows.length > q.limit ? Number(page.at(-1)?.seq) : null,
  };
}
