// The index side tables of the statements: which agents and activities a statement mentions,
// and where (related = 0 for actor/object, the plain `agent`/`activity` filters; 1 for any
// other place, reached with related_agents/related_activities). Rows of a batch are collected
// while its statements are inserted, then written in multi-row INSERTs.
import { insertMany } from "../db/insert-many.ts";
import type { Sql } from "../db/sql.ts";
import { statementActivities, statementAgents } from "../xapi/agents.ts";
import type { Statement } from "../xapi/types.ts";

/** Agent roles the `agent` filter matches without related_agents (Communication 2.1.3). */
const DIRECT_AGENT_ROLES = new Set(["actor", "object"]);

/** Index rows of a batch, written together after its statements: few round trips on pg. */
export interface IndexRows {
  agents: [seq: number, ifi: string, related: number][];
  activities: [seq: number, activity: string, related: number][];
  /** The latest Person object seen for each agent IFI (the Agents resource). */
  people: Map<string, string>;
}

export async function insertIndexRows(tx: Sql, rows: IndexRows): Promise<void> {
  await insertMany(tx, "INSERT INTO lrs_statement_agents (seq, ifi, related)", "", rows.agents);
  await insertMany(
    tx,
    "INSERT INTO lrs_statement_activities (seq, activity, related)",
    "",
    rows.activities,
  );
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

/** How far a chain of StatementRefs is followed for the filters (a guard, not a rule). */
const MAX_REF_CHAIN = 16;

export const newIndexRows = (): IndexRows => ({ agents: [], activities: [], people: new Map() });

/**
 * The agent and activity index rows of a statement (related = 0 for actor/object, 1 for
 * any other place). A statement that references another is also found by the filters that
 * find its target (Communication 2.1.3), so a StatementRef chain adds its targets' rows,
 * read from their bodies: the side tables have no index by seq to look them up by.
 */
export async function collectIndexRows(
  tx: Sql,
  statement: Statement,
  seq: number,
  rows: IndexRows,
): Promise<void> {
  const agents = new Map<string, number>();
  const activities = new Map<string, number>();
  const seen = new Set<string>();
  let current: Statement | undefined = statement;
  while (current && seen.size < MAX_REF_CHAIN) {
    seen.add(current.id ?? "");
    for (const { ifi, role } of statementAgents(current)) {
      const related = DIRECT_AGENT_ROLES.has(role) ? 0 : 1;
      agents.set(ifi, Math.min(agents.get(ifi) ?? 1, related));
    }
    for (const { id: activity, role } of statementActivities(current)) {
      const related = role === "object" ? 0 : 1;
      activities.set(activity, Math.min(activities.get(activity) ?? 1, related));
    }
    const object = current.object as { objectType?: string; id?: string };
    if (object.objectType !== "StatementRef" || !object.id || seen.has(object.id)) break;
    const target = await tx.get<{ body: string }>("SELECT body FROM lrs_statements WHERE id = ?", [
      object.id,
    ]);
    current = target ? (JSON.parse(target.body) as Statement) : undefined;
  }
  for (const [ifi, related] of agents) rows.agents.push([seq, ifi, related]);
  for (const [activity, related] of activities) rows.activities.push([seq, activity, related]);
}
