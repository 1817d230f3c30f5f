// The index side tables of the statements: which agents, activities, verbs and registrations a
// statement is found by. Agents and activities carry `related` (0 = actor/object, the plain
// `agent`/`activity` filters; 1 = any other place, reached with related_agents/
// related_activities). A statement whose object is a StatementRef is also found by whatever
// finds its target, recursively (Communication 2.1.3.s3), so its rows include its targets'.
// Rows of a batch are collected while its statements are inserted, then written in multi-row
// INSERTs (few round trips on PostgreSQL).
import { insertMany } from "../db/insert-many.ts";
import { LOCK_SPACE, lockNames } from "../db/lock.ts";
import type { Sql, SqlValue } from "../db/sql.ts";
import { statementActivities, statementAgents } from "../xapi/agents.ts";
import type { Statement } from "../xapi/types.ts";

/** Agent roles the `agent` filter matches without related_agents (Communication 2.1.3). */
const DIRECT_AGENT_ROLES = new Set(["actor", "object"]);

/** How far a chain of StatementRefs is followed for the filters (a guard, not a rule). */
export const MAX_REF_CHAIN = 16;

/** Everything a statement is found by (its own values and its targets'). */
export interface Matches {
  agents: Map<string, number>;
  activities: Map<string, number>;
  verbs: Set<string>;
  registrations: Set<string>;
}

type Rows = {
  agents: [seq: number, ifi: string, related: number][];
  activities: [seq: number, activity: string, related: number][];
  verbs: [verb: string, seq: number][];
  registrations: [registration: string, seq: number][];
};

/** Index rows of a batch, written together after its statements. */
export interface IndexRows extends Rows {
  /** The latest Person object seen for each agent IFI (the Agents resource). */
  people: Map<string, string>;
  /**
   * Rows that a statement arriving after statements that target it adds to them: they may
   * already have some of these rows, so these are written "ON CONFLICT DO NOTHING".
   */
  late: Rows;
}

const emptyRows = (): Rows => ({ agents: [], activities: [], verbs: [], registrations: [] });

export const newIndexRows = (): IndexRows => ({
  ...emptyRows(),
  people: new Map(),
  late: emptyRows(),
});

/** Adds the rows that find statement `seq` by `matches`. */
export function addRows(rows: Rows, seq: number, matches: Matches): void {
  for (const [ifi, related] of matches.agents) rows.agents.push([seq, ifi, related]);
  for (const [activity, related] of matches.activities)
    rows.activities.push([seq, activity, related]);
  for (const verb of matches.verbs) rows.verbs.push([verb, seq]);
  for (const registration of matches.registrations) rows.registrations.push([registration, seq]);
}

const TABLES = [
  ["agents", "INSERT INTO lrs_statement_agents (seq, ifi, related)"],
  ["activities", "INSERT INTO lrs_statement_activities (seq, activity, related)"],
  ["verbs", "INSERT INTO lrs_statement_verbs (verb, seq)"],
  ["registrations", "INSERT INTO lrs_statement_registrations (registration, seq)"],
] as const;

export async function insertIndexRows(tx: Sql, rows: IndexRows): Promise<void> {
  for (const [key, head] of TABLES) {
    await insertMany(tx, head, "", rows[key] as SqlValue[][]);
    await insertMany(tx, head, " ON CONFLICT DO NOTHING", rows.late[key] as SqlValue[][]);
  }
  await insertMany(
    tx,
    "INSERT INTO lrs_agents (ifi, agent)",
    // Rewriting an unchanged row would still dirty its page for the commit to write.
    " ON CONFLICT (ifi) DO UPDATE SET agent = excluded.agent WHERE lrs_agents.agent <> excluded.agent",
    // In one order (by IFI): two PostgreSQL transactions upserting the same people in
    // different orders would each hold a row the other waits for, a deadlock.
    [...rows.people].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}

/** The id a statement targets with its object, if it is a StatementRef. */
export function refTarget(statement: Statement): string | null {
  const object = statement.object as { objectType?: string; id?: string };
  return object.objectType === "StatementRef" && object.id ? object.id.toLowerCase() : null;
}

/**
 * What finds `statement`: its own agents, activities, verb and registration, then those of
 * the statements it targets, read from their stored bodies as far as they are stored. On
 * PostgreSQL each target is locked before it is read (`locked` holds the names this
 * transaction already has): the transaction storing that target takes the same lock, so one
 * of the two sees the other, and the rows are complete whichever commits first.
 */
export async function collectMatches(
  tx: Sql,
  statement: Statement,
  locked: Set<string>,
): Promise<Matches> {
  const matches: Matches = {
    agents: new Map(),
    activities: new Map(),
    verbs: new Set(),
    registrations: new Set(),
  };
  const seen = new Set<string>();
  let current: Statement | undefined = statement;
  while (current && seen.size < MAX_REF_CHAIN) {
    seen.add(current.id ?? "");
    for (const { ifi, role } of statementAgents(current)) {
      const related = DIRECT_AGENT_ROLES.has(role) ? 0 : 1;
      matches.agents.set(ifi, Math.min(matches.agents.get(ifi) ?? 1, related));
    }
    for (const { id: activity, role } of statementActivities(current)) {
      const related = role === "object" ? 0 : 1;
      matches.activities.set(activity, Math.min(matches.activities.get(activity) ?? 1, related));
    }
    matches.verbs.add(current.verb.id);
    const registration = current.context?.registration;
    if (registration) matches.registrations.add(registration.toLowerCase());
    const target = refTarget(current);
    if (target === null || seen.has(target)) break;
    if (!locked.has(target)) {
      await lockNames(tx, LOCK_SPACE.statement, [target]);
      locked.add(target);
    }
    const row = await tx.get<{ body: string }>("SELECT body FROM lrs_statements WHERE id = ?", [
      target,
    ]);
    current = row ? (JSON.parse(row.body) as Statement) : undefined;
  }
  return matches;
}
