// The Statement resource: PUT, POST (single, batch, multipart with attachments), GET (single
// or filtered with paging), with validation, policy and immutability.
import type { Hono } from "hono";
import { agentIfi } from "../xapi/agents.ts";
import { statementActivityObjects } from "../xapi/definitions.ts";
import { XapiError } from "../xapi/errors.ts";
import { formatStatement, type StatementFormat } from "../xapi/format.ts";
import {
  type AttachmentPart,
  allAttachments,
  buildMultipartMixed,
  checkAttachments,
  parseMultipartMixed,
} from "../xapi/multipart.ts";
import { prepareInPlace } from "../xapi/prepare.ts";
import { verifySignedStatements } from "../xapi/signature.ts";
import type { Statement } from "../xapi/types.ts";
import { isUuid, validateStatement } from "../xapi/validate.ts";
import { decodeCursor, encodeCursor, type PageRequest } from "./cursor.ts";
import {
  bodyBytes,
  bool,
  type LrsContext,
  type LrsEnv,
  languages,
  mediaType,
  params,
  parseJson,
} from "./http.ts";
import { LIMIT_VARIABLES } from "./limits.ts";
import {
  canDefine,
  canWriteStatements,
  isWithheld,
  type Principal,
  type StatementPolicy,
  statementReadAccess,
} from "./principal.ts";
import { statementFilters } from "./statement-filters.ts";
import type { StatementStore } from "./statement-store.ts";

export interface StatementRoutesDeps {
  statements: StatementStore;
  policy?: StatementPolicy | undefined;
  clock: () => Date;
}

const QUERY_PARAMS = [
  "statementId",
  "voidedStatementId",
  "agent",
  "verb",
  "activity",
  "registration",
  "related_activities",
  "related_agents",
  "since",
  "until",
  "limit",
  "format",
  "attachments",
  "ascending",
  "more",
] as const;

async function readStatements(
  c: LrsContext,
): Promise<{ value: unknown; attachments: AttachmentPart[] }> {
  const type = mediaType(c);
  if (type === "multipart/mixed") {
    const parsed = parseMultipartMixed(
      await bodyBytes(c, "multipartBytes"),
      c.req.header("content-type") ?? "",
    );
    return { value: parsed.statements, attachments: parsed.attachments };
  }
  if (type !== "application/json") {
    throw new XapiError(
      400,
      "Send statements as application/json (or multipart/mixed with attachments).",
    );
  }
  return {
    value: parseJson(await bodyBytes(c, "jsonBytes"), "statement body"),
    attachments: [],
  };
}

/** Validates, applies the policy, prepares and stores; returns the ids in request order. */
async function store(
  c: LrsContext,
  deps: StatementRoutesDeps,
  raw: unknown[],
  attachments: AttachmentPart[],
): Promise<string[]> {
  const principal = c.get("principal");
  if (!canWriteStatements(principal))
    throw new XapiError(
      403,
      "These credentials may not write statements (scope statements/write).",
    );
  if (raw.length === 0) throw new XapiError(400, "The batch is empty.");
  const { batch } = c.get("limits");
  if (raw.length > batch)
    throw new XapiError(
      413,
      `A batch may hold at most ${batch} statements (set by ${LIMIT_VARIABLES.batch}); this one has ${raw.length}.`,
    );
  const version = c.get("version");
  raw.forEach((value, i) => {
    const problems = validateStatement(value, version);
    if (problems.length > 0) {
      throw new XapiError(
        400,
        `${raw.length > 1 ? `Statement #${i + 1}: ` : ""}${problems.slice(0, 10).join("; ")}`,
      );
    }
    const refusal = deps.policy?.canWrite(principal, value);
    if (refusal) throw new XapiError(403, refusal);
  });
  const statements = raw as Statement[];
  for (const s of statements) {
    if (s.id) s.id = s.id.toLowerCase();
    const object = s.object as { objectType?: string; id?: string };
    if (object.objectType === "StatementRef" && object.id) object.id = object.id.toLowerCase();
  }
  checkAttachments(statements, attachments);
  verifySignedStatements(statements, attachments);
  const stored = deps.clock().toISOString();
  // One copy of the principal's authority for the whole request (the statements share it).
  const authority = structuredClone(principal.authority);
  const prepared = statements.map((s) => prepareInPlace(s, { stored, authority, version }));
  await deps.statements.insert(prepared, attachments, { define: canDefine(principal) });
  return prepared.map((s) => s.id ?? "");
}

function readScope(principal: Principal): "all" | "mine" {
  const access = statementReadAccess(principal);
  if (!access) throw new XapiError(403, "These credentials may not read statements.");
  return access;
}

/** The statements in the requested format; canonical reads the LRS's definitions first. */
async function shaped(
  c: LrsContext,
  deps: StatementRoutesDeps,
  statements: Statement[],
  format: StatementFormat,
): Promise<Statement[]> {
  const canonical =
    format === "canonical"
      ? await deps.statements.activityDefinitions(
          statements.flatMap((s) => statementActivityObjects(s).map((a) => a.id)),
        )
      : undefined;
  const langs = languages(c);
  return statements.map((s) => formatStatement(s, format, langs, canonical));
}

async function respondWith(
  c: LrsContext,
  body: object,
  statements: Statement[],
  withAttachments: boolean,
  deps: StatementRoutesDeps,
) {
  const latest = statements
    .map((s) => s.stored ?? "")
    .sort()
    .at(-1);
  if (latest) c.header("Last-Modified", new Date(latest).toUTCString());
  if (!withAttachments) return c.json(body);
  // A SubStatement's attachments travel with the statement too (Communication 1.5.2.s3.b1).
  const hashes = statements.flatMap((s) =>
    allAttachments(s)
      .filter((a) => !a.fileUrl)
      .map((a) => a.sha2),
  );
  const multipart = buildMultipartMixed(
    JSON.stringify(body),
    await deps.statements.attachments(hashes),
  );
  return c.body(multipart.body as Uint8Array<ArrayBuffer>, 200, {
    "Content-Type": multipart.contentType,
  });
}

export function statementRoutes(app: Hono<LrsEnv>, deps: StatementRoutesDeps): void {
  app.put("/statements", async (c) => {
    const query = params(c, ["statementId"]);
    const id = query.get("statementId");
    if (!id || !isUuid(id))
      throw new XapiError(400, 'PUT /statements needs a "statementId" parameter holding a UUID.');
    const { value, attachments } = await readStatements(c);
    if (Array.isArray(value)) throw new XapiError(400, "PUT takes one statement, not a list.");
    const statement = value as { id?: unknown };
    if (
      statement &&
      typeof statement === "object" &&
      statement.id !== undefined &&
      String(statement.id).toLowerCase() !== id.toLowerCase()
    ) {
      throw new XapiError(400, "The statement's id differs from the statementId parameter.");
    }
    await store(c, deps, [{ ...(value as object), id: id.toLowerCase() }], attachments);
    return c.body(null, 204);
  });

  app.post("/statements", async (c) => {
    params(c, []);
    const { value, attachments } = await readStatements(c);
    const ids = await store(c, deps, Array.isArray(value) ? value : [value], attachments);
    return c.json(ids);
  });

  app.get("/statements", async (c) => {
    const query = params(c, QUERY_PARAMS);
    const principal = c.get("principal");
    const access = readScope(principal);
    const readable = (await deps.policy?.readableAgents(principal)) ?? null;
    const withheld = deps.policy?.withheld?.(principal) ?? null;
    const version = c.get("version");

    const more = query.get("more");
    let page: PageRequest;
    if (more !== null) {
      // The cursor carries the whole query of the first page; anything beside it would be
      // silently ignored or contradict it.
      const others = [...query.keys()].filter((k) => k !== "more");
      if (others.length > 0)
        throw new XapiError(
          400,
          `"more" continues an earlier query and cannot be combined with ${others.join(", ")}; follow the more URL as it is.`,
        );
      page = decodeCursor(more, c.get("limits").pageMax);
    } else {
      const format = (query.get("format") ?? "exact") as StatementFormat;
      if (!["exact", "ids", "canonical"].includes(format))
        throw new XapiError(400, 'Parameter "format" must be exact, ids or canonical.');
      const withAttachments = bool(query, "attachments");
      const single = query.get("statementId") ?? query.get("voidedStatementId");
      if (single !== null) {
        const others = [...query.keys()].filter(
          (k) => !["statementId", "voidedStatementId", "format", "attachments"].includes(k),
        );
        if (others.length > 0 || (query.has("statementId") && query.has("voidedStatementId"))) {
          throw new XapiError(
            400,
            `statementId/voidedStatementId cannot be combined with ${others.join(", ") || "each other"}.`,
          );
        }
        if (!isUuid(single)) throw new XapiError(400, "The statement id must be a UUID.");
        const found = await deps.statements.get(single, query.has("voidedStatementId"));
        const visible =
          found &&
          (access === "all" ||
            (found.authority && agentIfi(found.authority) === agentIfi(principal.authority))) &&
          (!readable || readable.includes(agentIfi(found.actor) ?? "")) &&
          !isWithheld(found, withheld);
        if (!found || !visible) throw new XapiError(404, `No statement ${single}.`);
        const [out] = await shaped(c, deps, [found], format);
        return respondWith(c, out ?? found, [found], withAttachments, deps);
      }
      page = {
        query: statementFilters(query, version, c.get("limits").pageMax),
        format,
        attachments: withAttachments,
      };
    }
    // Access limits are applied on every page, never taken from the cursor.
    const result = await deps.statements.query({
      ...page.query,
      authority: access === "mine" ? (agentIfi(principal.authority) ?? "") : undefined,
      agentsAnyOf: readable ?? undefined,
      withheld,
    });
    // The path this request came in on: the LRS may be mounted anywhere (createLrs basePath).
    const next =
      result.next === null ? "" : `${c.req.path}?more=${encodeCursor(page, result.next)}`;
    return respondWith(
      c,
      { statements: await shaped(c, deps, result.statements, page.format), more: next },
      result.statements,
      page.attachments,
      deps,
    );
  });
}
