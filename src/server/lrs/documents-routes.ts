// State, Activity Profile and Agent Profile resources (Communication 2.3, 2.6, 2.7).
import type { Hono } from "hono";
import { agentIfi } from "../xapi/agents.ts";
import { XapiError } from "../xapi/errors.ts";
import { jsonDepthProblem } from "../xapi/json-depth.ts";
import { utf8Text } from "../xapi/utf8.ts";
import { isUuid } from "../xapi/validate.ts";
import { concurrencyRules } from "./concurrency.ts";
import type { DocumentKey, DocumentKind, DocumentPlace, DocumentStore } from "./document-store.ts";
import {
  agentParam,
  bodyBytes,
  documentIdParam,
  iriParam,
  type LrsContext,
  type LrsEnv,
  params,
  required,
  timeParam,
} from "./http.ts";
import { canUse, type StatementPolicy } from "./principal.ts";

export interface DocumentRoutesDeps {
  documents: DocumentStore;
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
  // "since" belongs to the multiple-document GET only (2.3.s4, 2.6.s4, 2.7.s4); on a single
  // document it is a parameter of no meaning there, so a 400 (3.2.s3.b7).
  if (query.has("since") && query.has(r.idParam))
    throw new XapiError(
      400,
      `Parameter "since" applies only to listing ids (a GET without "${r.idParam}").`,
    );
  const principal = c.get("principal");
  if (!canUse(principal, r.scope, write))
    throw new XapiError(403, `These credentials lack the "${r.scope}" scope.`);
  const activity = r.activity ? required(query, "activityId") : "";
  if (r.activity) iriParam("activityId", activity);
  const version = c.get("version");
  // 2.0 keys State and Agent Profile documents by "the Agent or Identified Group"; 1.0.3 by an Agent.
  const agent = r.agent ? agentParam(query, "agent", version, true, version === "2.0.0") : null;
  const ifi = agent ? agentIfi(agent) : null;
  if (deps.policy && !deps.policy.canUseDocuments(principal, ifi)) {
    throw new XapiError(403, "You may only use your own documents.");
  }
  const registration = r.registration ? query.get("registration") : null;
  if (registration !== null && !isUuid(registration))
    throw new XapiError(400, 'Parameter "registration" must be a UUID.');
  const since = timeParam(query, "since", version);
  const id = documentIdParam(r.idParam, query.get(r.idParam));
  // "Activity + Agent [+ registration if specified]": without a registration, a single
  // document is the one stored without one, while listing and deleting cover every registration.
  const registrationKey = registration?.toLowerCase() ?? "";
  const place: DocumentPlace = {
    kind: r.kind,
    activity,
    agent: ifi ?? "",
    registration: id === null && registration === null ? null : registrationKey,
  };
  return {
    place,
    key: (docId: string): DocumentKey => ({ ...place, registration: registrationKey, id: docId }),
    id,
    since,
    rules: concurrencyRules(r.kind, version),
  };
}

const preconditions = (c: LrsContext) => ({
  ifMatch: c.req.header("if-match"),
  ifNoneMatch: c.req.header("if-none-match"),
});

export function documentRoutes(app: Hono<LrsEnv>, deps: DocumentRoutesDeps): void {
  for (const r of RESOURCES) {
    app.get(r.path, async (c) => {
      const { place: where, key, id, since } = place(c, r, deps, false);
      if (id === null) return c.json(await deps.documents.ids(where, since));
      const doc = await deps.documents.get(key(id));
      if (!doc) throw new XapiError(404, `No document "${id}" here.`);
      return c.body(doc.body as Uint8Array<ArrayBuffer>, 200, {
        "Content-Type": doc.contentType,
        ETag: doc.etag,
        "Last-Modified": new Date(doc.updated).toUTCString(),
      });
    });
    for (const method of ["put", "post"] as const) {
      app[method](r.path, async (c) => {
        const { key, id, rules } = place(c, r, deps, true);
        if (id === null) throw new XapiError(400, `Missing required parameter "${r.idParam}".`);
        const body = await bodyBytes(c, "jsonBytes", "document");
        const type = c.req.header("content-type") ?? "application/octet-stream";
        if (type.toLowerCase().startsWith("application/json")) {
          const tooDeep = jsonDepthProblem(body, "document");
          if (tooDeep) throw new XapiError(400, tooDeep);
          const text = utf8Text(body, "document");
          try {
            JSON.parse(text);
          } catch {
            throw new XapiError(
              400,
              "The document is declared application/json but is not valid JSON.",
            );
          }
        }
        const now = deps.clock().toISOString();
        await deps.documents[method](key(id), type, body, preconditions(c), now, rules);
        return c.body(null, 204);
      });
    }
    app.delete(r.path, async (c) => {
      const { place: where, key, id, rules } = place(c, r, deps, true);
      if (id === null) {
        if (r.kind !== "state")
          throw new XapiError(400, `Missing required parameter "${r.idParam}".`);
        await deps.documents.deleteAll(where);
      } else {
        await deps.documents.delete(key(id), preconditions(c), rules);
      }
      return c.body(null, 204);
    });
  }
}
