import type {
  Account,
  Activity,
  Actor,
  Agent,
  Context,
  Group,
  Person,
  Statement,
  SubStatement,
} from "./types.ts";

export type AgentRole =
  | "actor"
  | "object"
  | "authority"
  | "instructor"
  | "team"
  | "context"
  | "sub";
export type ActivityRole = "object" | "parent" | "grouping" | "category" | "other" | "sub";

/**
 * A canonical string for an Agent's or identified Group's IFI, used as an index key.
 * Null for anonymous Groups, which have no identity of their own.
 */
export function agentIfi(agent: Agent | Group): string | null {
  if (agent.mbox !== undefined) return `mbox:${agent.mbox}`;
  if (agent.mbox_sha1sum !== undefined) return `mbox_sha1sum:${agent.mbox_sha1sum.toLowerCase()}`;
  if (agent.openid !== undefined) return `openid:${agent.openid}`;
  if (agent.account !== undefined) return `account:${agent.account.homePage}|${agent.account.name}`;
  return null;
}

/** Adds the actor and, for Groups, its members: an Agent matches the groups it belongs to. */
function addActor(out: Map<string, AgentRole>, actor: Actor | undefined, role: AgentRole): void {
  if (!actor) return;
  const add = (a: Agent | Group) => {
    const ifi = agentIfi(a);
    if (ifi !== null) out.set(`${role} ${ifi}`, role);
  };
  add(actor);
  if (actor.objectType === "Group") for (const m of actor.member ?? []) add(m);
}

function contextAgents(out: Map<string, AgentRole>, ctx: Context | undefined, sub: boolean) {
  if (!ctx) return;
  addActor(out, ctx.instructor, sub ? "sub" : "instructor");
  addActor(out, ctx.team, sub ? "sub" : "team");
  for (const ca of ctx.contextAgents ?? []) addActor(out, ca.agent, sub ? "sub" : "context");
  for (const cg of ctx.contextGroups ?? []) addActor(out, cg.group, sub ? "sub" : "context");
}

function isActor(object: Statement["object"]): object is Agent | Group {
  return object.objectType === "Agent" || object.objectType === "Group";
}

/**
 * Every Agent and identified Group a statement mentions, with where it appears. The `agent`
 * filter matches roles actor and object; `related_agents` matches every role.
 */
export function statementAgents(statement: Statement): { ifi: string; role: AgentRole }[] {
  const out = new Map<string, AgentRole>();
  addActor(out, statement.actor, "actor");
  const object = statement.object;
  if (isActor(object)) addActor(out, object, "object");
  addActor(out, statement.authority, "authority");
  contextAgents(out, statement.context, false);
  if (object.objectType === "SubStatement") {
    const sub: SubStatement = object;
    addActor(out, sub.actor, "sub");
    if (isActor(sub.object)) addActor(out, sub.object, "sub");
    contextAgents(out, sub.context, true);
  }
  return [...out.entries()].map(([key, role]) => ({
    ifi: key.slice(role.length + 1),
    role,
  }));
}

function asList(value: Activity | Activity[] | undefined): Activity[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * Every Activity a statement mentions. The `activity` filter matches role object;
 * `related_activities` matches every role.
 */
export function statementActivities(statement: Statement): { id: string; role: ActivityRole }[] {
  const seen = new Set<string>();
  const out: { id: string; role: ActivityRole }[] = [];
  const add = (id: string, role: ActivityRole) => {
    const key = `${role} ${id}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ id, role });
    }
  };
  const addContext = (ctx: Context | undefined, sub: boolean) => {
    const ca = ctx?.contextActivities;
    if (!ca) return;
    for (const role of ["parent", "grouping", "category", "other"] as const) {
      for (const a of asList(ca[role] as Activity | Activity[] | undefined)) {
        add(a.id, sub ? "sub" : role);
      }
    }
  };
  const object = statement.object;
  if (object.objectType === undefined || object.objectType === "Activity") {
    add((object as Activity).id, "object");
  }
  addContext(statement.context, false);
  if (object.objectType === "SubStatement") {
    const inner = object.object;
    if (inner.objectType === undefined || inner.objectType === "Activity") {
      add((inner as Activity).id, "sub");
    }
    addContext(object.context, true);
  }
  return out;
}

function pushUnique<T>(list: T[], value: T | undefined, key: (v: T) => string = String): void {
  if (value === undefined) return;
  if (!list.some((v) => key(v) === key(value))) list.push(value);
}

/** Data/Communication 2.6 Agents Resource: all that is known about one person, merged. */
export function personFor(agents: Agent[]): Person {
  const name: string[] = [];
  const mbox: string[] = [];
  const sha: string[] = [];
  const openid: string[] = [];
  const account: Account[] = [];
  for (const a of agents) {
    pushUnique(name, a.name);
    pushUnique(mbox, a.mbox);
    pushUnique(sha, a.mbox_sha1sum);
    pushUnique(openid, a.openid);
    pushUnique(
      account,
      a.account && { homePage: a.account.homePage, name: a.account.name },
      (v) => `${v.homePage}|${v.name}`,
    );
  }
  const person: Person = { objectType: "Person" };
  if (name.length > 0) person.name = name;
  if (mbox.length > 0) person.mbox = mbox;
  if (sha.length > 0) person.mbox_sha1sum = sha;
  if (openid.length > 0) person.openid = openid;
  if (account.length > 0) person.account = account;
  return person;
}
