// The Agents and Activities resources (Communication 2.4 and 2.5): what the LRS knows about a
// person (a Person object) and its canonical definition of an activity. Both are read
// access to data taken from statements, so they need a read scope, and a learner's session
// sees only the people its policy lets it read statements of.
import type { Hono } from "hono";
import { agentIfi, personFor } from "../xapi/agents.ts";
import { XapiError } from "../xapi/errors.ts";
import type { Agent } from "../xapi/types.ts";
import { agentParam, iriParam, type LrsContext, type LrsEnv, params, required } from "./http.ts";
import { canReadDescriptions, type StatementPolicy } from "./principal.ts";
import type { StatementStore } from "./statement-store.ts";

export interface DescriptionRoutesDeps {
  statements: StatementStore;
  policy?: StatementPolicy | undefined;
}

function needReadScope(c: LrsContext): void {
  if (!canReadDescriptions(c.get("principal")))
    throw new XapiError(
      403,
      "These credentials may not read agents and activities (scopes all/read, statements/read or define).",
    );
}

export function descriptionRoutes(app: Hono<LrsEnv>, deps: DescriptionRoutesDeps): void {
  app.get("/agents", async (c) => {
    needReadScope(c);
    const query = params(c, ["agent"]);
    const agent = agentParam(query, "agent", c.get("version"), true) as Agent;
    const ifi = agentIfi(agent) ?? "";
    const readable = (await deps.policy?.readableAgents(c.get("principal"))) ?? null;
    if (readable && !readable.includes(ifi))
      throw new XapiError(403, "You may only look up the people whose statements you may read.");
    const known = await deps.statements.agentByIfi(ifi);
    return c.json(personFor([known ?? agent]));
  });

  app.get("/activities", async (c) => {
    needReadScope(c);
    const query = params(c, ["activityId"]);
    const id = required(query, "activityId");
    iriParam("activityId", id);
    const definition = await deps.statements.activityDefinition(id);
    return c.json({ objectType: "Activity", id, ...(definition ? { definition } : {}) });
  });
}
