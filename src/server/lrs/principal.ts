// Who is calling the LRS. A Principal comes from a credential (HTTP Basic) or from a learner's
// session (the platform's hook); the LRS only sees scopes, an authority and an optional policy.
import { agentIfi } from "../xapi/agents.ts";
import type { Agent, Statement } from "../xapi/types.ts";
import { hasControl } from "../xapi/validate.ts";
import type { CredentialStore, Scope } from "./credentials.ts";
import { SecretCheckLimiter } from "./secret-limit.ts";

export interface Principal {
  kind: "credential" | "session";
  id: string;
  name: string;
  scopes: Scope[];
  /** The authority stamped on statements this principal stores. */
  authority: Agent;
  /** A learner's own agent: writes and reads are limited to it by the policy. */
  actor?: Agent;
}

/** What the LRS knows about a request besides the request itself. */
export interface RequestInfo {
  /** The client's address (TCP peer, or per trusted proxies), null when unknown (in-process). */
  address: string | null;
  now: Date;
}

export type PrincipalResolver = (request: Request, info?: RequestInfo) => Promise<Principal | null>;

/**
 * Statements kept from a reader although they are about someone they may read: those stored
 * under `authority` with `verb` whose actor is one of `agents` (IFIs).
 */
export interface Withheld {
  authority: string;
  verb: string;
  agents: readonly string[];
}

export function isWithheld(statement: Statement, withheld: Withheld | null): boolean {
  return (
    withheld !== null &&
    !!statement.authority &&
    agentIfi(statement.authority) === withheld.authority &&
    statement.verb.id === withheld.verb &&
    withheld.agents.includes(agentIfi(statement.actor) ?? "")
  );
}

/** Extra rules on top of scopes (the platform's learner rules). */
export interface StatementPolicy {
  /** Why the principal may not write this statement, or null. */
  canWrite(principal: Principal, statement: unknown): string | null;
  /** Agents (IFIs) whose statements the principal may read; null = no restriction. */
  readableAgents(principal: Principal): Promise<string[] | null>;
  /** Statements the principal may not read even among those of readable agents. */
  withheld?(principal: Principal): Withheld | null;
  /** May the principal touch documents (state, profiles) about this agent IFI? */
  canUseDocuments(principal: Principal, agentIfi: string | null): boolean;
}

export function basicAuthResolver(
  credentials: CredentialStore,
  origin: string,
  limiter = new SecretCheckLimiter(),
): PrincipalResolver {
  return async (request, info) => {
    const header = request.headers.get("authorization") ?? "";
    if (!header.toLowerCase().startsWith("basic ")) return null;
    const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) return null;
    const key = decoded.slice(0, colon);
    // Keys are short printable tokens; anything else (a U+0000 that PostgreSQL refuses in a
    // query, a megabyte of text) cannot be a key, so it is simply not one: 401.
    if (key.length === 0 || key.length > 256 || hasControl(key)) return null;
    const secret = decoded.slice(colon + 1);
    if (secret.length > 1024) return null;
    const address = info?.address ?? null;
    const now = () => (info?.now ?? new Date()).getTime();
    const credential = await credentials.verify(key, secret, {
      wait: () => limiter.wait(key, address, now()),
      failed: () => limiter.failed(key, address, now()),
    });
    if (!credential) return null;
    return {
      kind: "credential",
      id: credential.key,
      name: credential.name,
      scopes: credential.scopes,
      authority: {
        objectType: "Agent",
        account: { homePage: origin, name: credential.key },
        name: credential.name,
      },
    };
  };
}

const READ: Scope[] = ["statements/read", "all/read", "all"];

export function canWriteStatements(p: Principal): boolean {
  return p.scopes.includes("statements/write") || p.scopes.includes("all");
}

/** "all" reads everything; "mine" only statements the principal stored. */
export function statementReadAccess(p: Principal): "all" | "mine" | null {
  if (p.scopes.some((s) => READ.includes(s))) return "all";
  return p.scopes.includes("statements/read/mine") ? "mine" : null;
}

/**
 * The Agents and Activities resources hand out what statements say about people and
 * activities; reading them is reading statement data.
 */
export function canReadDescriptions(p: Principal): boolean {
  return p.scopes.some((s) => READ.includes(s) || s === "define");
}

/**
 * Whether the statements a principal stores may create or change the LRS's canonical
 * activity definitions (scope "define", or "all"). Without it the statements are stored as
 * sent, but the canonical definitions are left alone.
 */
export function canDefine(p: Principal): boolean {
  return p.scopes.includes("define") || p.scopes.includes("all");
}

export function canUse(
  p: Principal,
  scope: "state" | "profile" | "define",
  write: boolean,
): boolean {
  if (p.scopes.includes("all") || p.scopes.includes(scope)) return true;
  return !write && p.scopes.includes("all/read");
}
