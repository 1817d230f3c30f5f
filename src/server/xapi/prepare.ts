import { randomUUID } from "node:crypto";
import type { Actor, Context, Statement } from "./types.ts";
import { extendedTimestamp } from "./validate/formats.ts";
import type { XapiVersion } from "./version.ts";

export interface PrepareOptions {
  /** When the LRS stored the statement (ISO 8601 / RFC 3339, UTC). */
  stored: string;
  /** Who vouches for the statement: the credentials' Agent, replacing any sent authority. */
  authority: Actor;
  /** The negotiated X-Experience-API-Version. */
  version: XapiVersion;
}

/** Data 2.4.6.2: the LRS returns every contextActivities value as an array. */
function normalizeContext(context: Context): void {
  const ca = context.contextActivities as Record<string, unknown> | undefined;
  if (!ca) return;
  for (const key of Object.keys(ca)) {
    const value = ca[key];
    if (value !== undefined && !Array.isArray(value)) ca[key] = [value];
  }
}

/**
 * Fills the properties the LRS sets on a valid statement (Data 2.4.1, 2.4.7-2.4.10):
 * id, timestamp (defaults to stored), stored, authority and version. Returns a copy.
 */
export function prepareStatement(statement: Statement, opts: PrepareOptions): Statement {
  return prepareInPlace(structuredClone(statement), {
    ...opts,
    authority: structuredClone(opts.authority),
  });
}

/**
 * `prepareStatement` without the copies, for statements nobody else holds (just parsed from a
 * request body): cloning was 8 % of the server's time on a batch POST, and copying the
 * authority into each statement of a batch another 2 %. The statements of one call share the
 * `authority` object given: the caller hands over one that nothing changes afterwards.
 */
export function prepareInPlace(out: Statement, opts: PrepareOptions): Statement {
  out.id ??= randomUUID();
  // Basic-format (1.0.3) or space-separated (2.0) timestamps are valid but not what readers
  // parse (Date.parse takes neither): they are kept as the same instant in extended form.
  out.timestamp = out.timestamp === undefined ? opts.stored : extendedTimestamp(out.timestamp);
  out.stored = opts.stored;
  out.authority = opts.authority;
  out.version ??= opts.version === "2.0.0" ? "2.0.0" : "1.0.0";
  if (out.context) normalizeContext(out.context);
  if (out.object.objectType === "SubStatement") {
    if (out.object.context) normalizeContext(out.object.context);
    if (out.object.timestamp !== undefined)
      out.object.timestamp = extendedTimestamp(out.object.timestamp);
  }
  return out;
}
