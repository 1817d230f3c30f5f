// Request plumbing shared by the LRS routes: limits, parameter checking, JSON bodies.
import type { Context } from "hono";
import { LRS_JSON_LIMIT_BYTES } from "../../lib/tracking/limits.ts";
import { XapiError } from "../xapi/errors.ts";
import type { Agent } from "../xapi/types.ts";
import { validateAgent } from "../xapi/validate.ts";
import type { XapiVersion } from "../xapi/version.ts";
import type { Principal } from "./principal.ts";

export const LIMITS = {
  /** Largest JSON body (statements, a batch, a document); the browser's outbox uses it too. */
  jsonBytes: LRS_JSON_LIMIT_BYTES,
  /** Largest multipart/mixed statements request (statements plus attachments). */
  multipartBytes: 16 * 1024 * 1024,
  /** Most statements in one POST. */
  batch: 1000,
  /** Most statements in one page of GET /statements, and the default page. */
  pageMax: 1000,
  pageDefault: 100,
} as const;

export type LrsEnv = { Variables: { version: XapiVersion; principal: Principal } };
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

export function bool(query: URLSearchParams, name: string): boolean {
  const value = query.get(name);
  if (value === null) return false;
  if (value === "true" || value === "false") return value === "true";
  throw new XapiError(400, `Parameter "${name}" must be true or false.`);
}

export function agentParam(
  query: URLSearchParams,
  name: string,
  version: XapiVersion,
  need: boolean,
): Agent | null {
  const raw = need ? required(query, name) : query.get(name);
  if (raw === null) return null;
  let agent: unknown;
  try {
    agent = JSON.parse(raw);
  } catch {
    throw new XapiError(400, `Parameter "${name}" must be a JSON Agent object.`);
  }
  const problems = validateAgent(agent, version);
  if (problems.length > 0) throw new XapiError(400, `Parameter "${name}": ${problems.join("; ")}`);
  return agent as Agent;
}

/** The body as bytes, refusing more than `max` bytes with 413. */
export async function bodyBytes(c: LrsContext, max: number): Promise<Uint8Array> {
  const declared = Number(c.req.header("content-length") ?? "0");
  if (declared > max)
    throw new XapiError(413, `The body is ${declared} bytes; the limit is ${max} bytes.`);
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.byteLength > max)
    throw new XapiError(413, `The body is larger than the limit of ${max} bytes.`);
  return bytes;
}

export function parseJson(bytes: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch (error) {
    throw new XapiError(400, `The ${what} is not valid JSON: ${(error as Error).message}`);
  }
}

export function mediaType(c: LrsContext): string {
  return (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/** RFC 3339 time of a query parameter, normalised to UTC for comparison with `stored`. */
export function timeParam(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name);
  if (value === null) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time) || !/^\d{4}-\d{2}-\d{2}T/u.test(value)) {
    throw new XapiError(
      400,
      `Parameter "${name}" must be an ISO 8601 timestamp such as 2026-11-25T09:00:00Z.`,
    );
  }
  return new Date(time).toISOString();
}

export function languages(c: LrsContext): string[] {
  return (c.req.header("accept-language") ?? "")
    .split(",")
    .map((part) => part.split(";")[0]?.trim() ?? "")
    .filter((tag) => tag !== "" && tag !== "*");
}
