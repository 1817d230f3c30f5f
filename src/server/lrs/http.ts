// Request plumbing shared by the LRS routes: limits, parameter checking, JSON bodies.
import type { Context } from "hono";
import { agentIfi } from "../xapi/agents.ts";
import { XapiError } from "../xapi/errors.ts";
import { jsonDepthProblem } from "../xapi/json-depth.ts";
import type { Agent, Group } from "../xapi/types.ts";
import { utf8Text } from "../xapi/utf8.ts";
import {
  extendedTimestamp,
  hasControl,
  isIri,
  KEY_LIMITS,
  timestampProblem,
  utf8Bytes,
  validateActor,
  validateAgent,
} from "../xapi/validate.ts";
import type { XapiVersion } from "../xapi/version.ts";
import { describeBytes, LIMIT_VARIABLES, type LrsLimits } from "./limits.ts";
import type { Principal } from "./principal.ts";

export type LrsEnv = {
  Variables: { version: XapiVersion; principal: Principal; limits: LrsLimits };
};
export type LrsContext = Context<LrsEnv>;

/** Rejects any query parameter the resource does not define (Communication 1.2). */
export function params(c: LrsContext, allowed: readonly string[]): URLSearchParams {
  const query = new URL(c.req.url).searchParams;
  for (const name of query.keys()) {
    if (!allowed.includes(name))
      throw new XapiError(400, `Unknown parameter "${name}"; allowed here: ${allowed.join(", ")}.`);
  }
  for (const name of allowed) {
    if (query.getAll(name).length > 1)
      throw new XapiError(400, `Parameter "${name}" is given more than once.`);
  }
  return query;
}

export function required(query: URLSearchParams, name: string): string {
  const value = query.get(name);
  if (value === null || value === "")
    throw new XapiError(400, `Missing required parameter "${name}".`);
  return value;
}

/**
 * An IRI parameter that the LRS looks things up by (activityId, activity, verb): an IRI, and
 * no longer than identifiers may be (KEY_LIMITS), so a 400 rather than a database error.
 */
export function iriParam(name: string, value: string): string {
  if (!isIri(value)) throw new XapiError(400, `Parameter "${name}" must be an IRI.`);
  if (utf8Bytes(value) > KEY_LIMITS.iri)
    throw new XapiError(
      400,
      `Parameter "${name}" is longer than this LRS's limit of ${KEY_LIMITS.iri} bytes (UTF-8) for identifiers.`,
    );
  return value;
}

/** A document id parameter (stateId, profileId): any text but control characters, bounded. */
export function documentIdParam(name: string, value: string | null): string | null {
  if (value === null) return null;
  if (hasControl(value))
    throw new XapiError(
      400,
      `Parameter "${name}" must not contain control characters (such as U+0000).`,
    );
  if (utf8Bytes(value) > KEY_LIMITS.documentId)
    throw new XapiError(
      400,
      `Parameter "${name}" is longer than this LRS's limit of ${KEY_LIMITS.documentId} bytes (UTF-8).`,
    );
  return value;
}

export function bool(query: URLSearchParams, name: string): boolean {
  const value = query.get(name);
  if (value === null) return false;
  if (value === "true" || value === "false") return value === "true";
  throw new XapiError(400, `Parameter "${name}" must be true or false.`);
}

/**
 * An `agent` parameter: an Agent, or (`groups: true`) an Agent or identified Group, i.e. a
 * Group with an IFI: an anonymous Group has no identity to look documents or statements up by.
 */
export function agentParam(
  query: URLSearchParams,
  name: string,
  version: XapiVersion,
  need: boolean,
  groups = false,
): Agent | Group | null {
  const raw = need ? required(query, name) : query.get(name);
  if (raw === null) return null;
  let agent: unknown;
  try {
    agent = JSON.parse(raw);
  } catch {
    throw new XapiError(
      400,
      `Parameter "${name}" must be a JSON ${groups ? "Agent or identified Group" : "Agent"} object.`,
    );
  }
  const isGroup = (agent as { objectType?: unknown } | null)?.objectType === "Group";
  if (isGroup && !groups)
    throw new XapiError(400, `Parameter "${name}" must be an Agent here, not a Group.`);
  const problems = isGroup ? validateActor(agent, version) : validateAgent(agent, version);
  if (problems.length > 0) throw new XapiError(400, `Parameter "${name}": ${problems.join("; ")}`);
  if (isGroup && agentIfi(agent as Group) === null) {
    throw new XapiError(
      400,
      `Parameter "${name}": an anonymous Group (one without mbox, mbox_sha1sum, openid or account) cannot be looked up; use an identified Group or an Agent.`,
    );
  }
  return agent as Agent | Group;
}

/**
 * The request body as bytes, refusing more than `max` bytes with 413. A body without
 * Content-Length (chunked) is counted as it streams in and cut off at the limit instead of
 * being buffered whole first. A declared length within the limit takes the server's direct
 * read (@hono/node-server reads the socket without building a web stream: a third of the CPU
 * of a single-statement POST); HTTP framing holds such a body to its declared length.
 */
export async function readLimited(
  request: Request,
  max: number,
  what: string,
  variable?: string,
): Promise<Uint8Array> {
  const tooLarge = () =>
    new XapiError(
      413,
      `The ${what} is larger than the limit of ${describeBytes(max)}${variable ? `, set by ${variable}` : ""}; send less per request.`,
    );
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/u.test(declared)) {
    if (Number(declared) > max) throw tooLarge();
    const bytes = new Uint8Array(await request.arrayBuffer());
    if (bytes.byteLength > max) throw tooLarge();
    return bytes;
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  return new Uint8Array(Buffer.concat(chunks, size));
}

/** The body within the configured limit `kind` (the 413 names the limit and its variable). */
export function bodyBytes(
  c: LrsContext,
  kind: "jsonBytes" | "multipartBytes",
  what = "request body",
): Promise<Uint8Array> {
  return readLimited(c.req.raw, c.get("limits")[kind], what, LIMIT_VARIABLES[kind]);
}

export function parseJson(bytes: Uint8Array, what: string): unknown {
  const tooDeep = jsonDepthProblem(bytes, what);
  if (tooDeep) throw new XapiError(400, tooDeep);
  const text = utf8Text(bytes, what);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new XapiError(400, `The ${what} is not valid JSON: ${(error as Error).message}`);
  }
}

export function mediaType(c: LrsContext): string {
  return (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/**
 * A timestamp parameter (since, until), normalised to UTC for comparison with `stored`. It must
 * carry its offset (Z or ±hh:mm): without one the instant it names depends on the server's
 * timezone, so the filter would silently be off by hours.
 */
export function timeParam(
  query: URLSearchParams,
  name: string,
  version: XapiVersion = "1.0.3",
): string | undefined {
  const value = query.get(name);
  if (value === null) return undefined;
  const problem =
    timestampProblem(value, version === "2.0.0") ??
    (/(?:Z|[+-]\d{2}(?::?\d{2})?)$/iu.test(value) ? null : "has no timezone offset");
  const time = problem ? Number.NaN : Date.parse(extendedTimestamp(value));
  if (Number.isNaN(time)) {
    throw new XapiError(
      400,
      `Parameter "${name}" ${problem ?? "is not a valid timestamp"}: use a timestamp with a timezone such as 2026-11-25T09:00:00Z or 2026-11-25T14:00:00+05:00.`,
    );
  }
  return new Date(time).toISOString();
}

/**
 * Accept-Language as a preference list (RFC 9110 12.5.4): tags ordered by q-value, highest
 * first (ties keep their order), q=0 dropped; "*" stays, meaning "any language".
 */
export function languages(c: LrsContext): string[] {
  return (c.req.header("accept-language") ?? "")
    .split(",")
    .map((part, order) => {
      const [tag = "", ...params] = part.split(";").map((p) => p.trim());
      const q = params.find((p) => p.toLowerCase().startsWith("q="));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag, weight: Number.isFinite(weight) ? weight : 0, order };
    })
    .filter((l) => l.tag !== "" && l.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order)
    .map((l) => l.tag);
}
