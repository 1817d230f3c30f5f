// The query parameters of a first page of GET /statements (Communication 2.1.3), checked and
// turned into a StatementQuery; later pages come from the more cursor instead.
import { agentIfi } from "../xapi/agents.ts";
import { XapiError } from "../xapi/errors.ts";
import { isUuid } from "../xapi/validate.ts";
import type { XapiVersion } from "../xapi/version.ts";
import { agentParam, bool, iriParam, timeParam } from "./http.ts";
import type { StatementQuery } from "./statement-store.ts";

/** The filters of a first page (Communication 2.1.3), checked. */
export function statementFilters(
  query: URLSearchParams,
  version: XapiVersion,
  pageMax: number,
): StatementQuery {
  const agent = agentParam(query, "agent", version, false, true);
  for (const name of ["verb", "activity"]) {
    const v = query.get(name);
    if (v !== null) iriParam(name, v);
  }
  const registration = query.get("registration");
  if (registration !== null && !isUuid(registration))
    throw new XapiError(400, 'Parameter "registration" must be a UUID.');
  const limitText = query.get("limit") ?? "0";
  if (!/^\d+$/u.test(limitText))
    throw new XapiError(400, 'Parameter "limit" must be a non-negative integer.');
  const limit = Number(limitText);
  return {
    agent: agent ? (agentIfi(agent) ?? undefined) : undefined,
    verb: query.get("verb") ?? undefined,
    activity: query.get("activity") ?? undefined,
    registration: registration?.toLowerCase() ?? undefined,
    relatedActivities: bool(query, "related_activities"),
    relatedAgents: bool(query, "related_agents"),
    since: timeParam(query, "since", version),
    until: timeParam(query, "until", version),
    // 0 (the default) is "the maximum the server will allow" (Communication 2.1.3).
    limit: limit === 0 ? pageMax : Math.min(limit, pageMax),
    ascending: bool(query, "ascending"),
  };
}
