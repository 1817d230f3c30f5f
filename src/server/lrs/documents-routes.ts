// State, Activity Profile and Agent Profile resources, plus Agents, Activities and About.
import type { Hono } from "hono";
import { agentIfi, personFor } from "../xapi/agents.ts";
import { XapiError } from "../xapi/errors.ts";
import { isIri, isUuid, timestampProblem } from "../xapi/validate.ts";
import type { DocumentKey, DocumentKind, DocumentStore } from "./document-store.ts";
import {
  agentParam,
  bodyBytes,
  LIMITS,
  type LrsContext,
  type LrsEnv,
  params,
  required,
} from "./http.ts";
import { canUse, type StatementPolicy } from "./principal.ts";
import type { StatementStore } from "./statement-store.ts";

export interface DocumentRoutesDeps {
  documents: DocumentStore;
  statements: StatementStore;
  policy?: StatementPolicy | undefined;
  clock: () => Date;
}

interface Resource {
  path: string;
  kind: DocumentKind;
  scope: "state" | "profile";
  idParam: "stateId" | "profileId";
  activity: boolean;
  agent: boolean;
  registration: boolean;
}

const RESOURCES: Resource[] = [
  {
    path: "/activities/state",
    kind: "state",
    scope: "state",
    idParam: "stateId",
    activity: true,
    agent: true,
    registration: true,
  },
  {
    path: "/activities/profile",
    kind: "activity-profile",
    scope: "profile",
    idParam: "profileId",
    activity: true,
    agent: false,
    registration: false,
  },
  {
    path: "/agents/profile",
    kind: "agent-profile",
    scope: "profile",
    idParam: "profileId",
    activity: false,
    agent: true,
    registration: false,
  },
];

function place(c: LrsContext, r: Resource, deps: DocumentRoutesDeps, write: boolean) {
  const allowed = [
    ...(r.activity ? ["activityId"] : []),
    ...(r.agent ? ["agent"] : []),
    ...(r.registration ? ["registration"] : []),
    r.idParam,
    ...(c.req.method === "GET" ? ["since"] : []),
  ];
  const query = params(c, allowed);
  const principal = c.get("principal");
  if (!canUse(principal, r.scope, write))
    throw new XapiError(403, `These credentials lack the "${r.scope}" scope.`);
  const activity = r.activity ? required(query, "activityId") : "";
  if (r.activity && !isIri(activity))
    throw new XapiError(400, 'Parameter "activityId" must be an IRI.');
  const agent = r.agent ? agentParam(query, "agent", c.get("version"), true) : null;
  const ifi = agent ? agentIfi(agent) : null;
  if (deps.policy && !deps.policy.canUseDocuments(principal, ifi)) {
    throw new XapiError(403, "You may only use your own documents.");
  }
  const registration = r.registration ? (query.get("registration") ?? "") : "";
  if (registration && !isUuid(registration))
    throw new XapiError(400, 'Parameter "registration" must be a UUID.');
  const since = query.get("since");
  if (since !== null && timestampProblem(since, c.get("version") === "2.0.0"))
    throw new XapiError(400, 'Parameter "since" must be a timestamp.');
  const key = {
    kind: r.kind,
    activity,
    agent: ifi ?? "",
    registration: registration.toLowerCase(),
  };
  return {
    key,
    id: query.get(r.idParam),
    since: since === null ? undefined : new Date(since).toISOString(),
  };
}

const preconditions = (c: LrsContext) => ({
  ifMatch: c.req.header("if-match"),
  ifNoneMatch: c.req.header("if-none-match"),
});

export function documentRoutes(app: Hono<LrsEnv>, deps: DocumentRoutesDeps): void {
  for (const r of RESOURCES) {
    app.get(r.path, async (c) => {
      const { key, id, since } = place(c, r, deps, false);
      if (id === null) return c.json(await deps.documents.ids(key, since));
      const doc = await deps.documents.get({ ...key, id } as DocumentKey);
      if (!doc) throw new XapiError(404, `No document "${id}" here.`);
      return c.body(doc.body as Uint8Array<ArrayBuffer>, 200, {
        "Content-Type": doc.contentType,
        ETag: doc.etag,
        "Last-Modified": new Date(doc.updated).toUTCString(),
      });
    });
    for (const method of ["put", "post"] as const) {
      app[method](r.path, async (c) => {
        const { key, id } = place(c, r, deps, true);
        if (id === null) throw new XapiError(400, `Missing required parameter "${r.idParam}".`);
        const body = await bodyBytes(c, LIMITS.jsonBytes);
        const type = c.req.header("content-type") ?? "application/octet-stream";
        if (type.startsWith("application/json")) {
          try {
            JSON.parse(Buffer.from(body).toString("utf8"));
          } catch {
            throw new XapiError(
              400,
              "The document is declared application/json but is not valid JSON.",
            );
          }
        }
        const now = deps.clock().toISOString();
        await deps.documents[method](
          { ...key, id } as DocumentKey,
          type,
          body,
          preconditions(c),
          now,
        );
        return c.body(null, 204);
      });
    }
    app.delete(r.path, async (c) => {
      const { key, id } = place(c, r, deps, true);
      if (id === null) {
        if (r.kind !== "state")
          throw new XapiError(400, `Missing required parameter "${r.idParam}".`);
        await deps.documents.deleteAll(key);
      } else {
        await deps.documents.delete({ ...key, id } as DocumentKey, preconditions(c));
      }
      return c.body(null, 204);
    });
  }

  app.get("/agents", async (c) => {
    const query = params(c, ["agent"]);
    const agent = agentParam(query, "agent", c.get("version"), true);
    if (!agent) throw new XapiError(400, 'Missing required parameter "agent".');
    const known = await deps.statements.agentByIfi(agentIfi(agent) ?? "");
    return c.json(personFor([known ?? agent]));
  });

  app.get("/activities", async (c) => {
    const query = params(c, ["activityId"]);
    const id = required(query, "activityId");
    if (!isIri(id)) throw new XapiError(400, 'Parameter "activityId" must be an IRI.');
    const definition = await deps.statements.activityDefinition(id);
    return c.json({ objectType: "Activity", id, ...(definition ? { definition } : {}) });
  });
}
