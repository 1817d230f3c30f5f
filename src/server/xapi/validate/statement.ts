import type { XapiVersion } from "../version.ts";
import { activity } from "./activity.ts";
import { actor, agent, authority, group } from "./actor.ts";
import { at, type Ctx, fail, type Json, object, optional, required, string } from "./core.ts";
import {
  attachments,
  context,
  objectType,
  result,
  statementRef,
  timestamp,
  uuid,
  verb,
} from "./parts.ts";

export const VOIDED_VERB = "http://adlnet.gov/expapi/verbs/voided";

const COMMON_KEYS = ["actor", "verb", "object", "result", "context", "timestamp", "attachments"];
const STATEMENT_KEYS = [...COMMON_KEYS, "id", "stored", "authority", "version"];
const FORBIDDEN_IN_SUB = ["id", "stored", "version", "authority"];

/** Data 2.4.4: the object, dispatched on objectType (absent means Activity). */
function statementObject(ctx: Ctx, path: string, value: unknown, nested: boolean): void {
  const type = objectType(value);
  switch (type) {
    case undefined:
    case "Activity":
      activity(ctx, path, value);
      return;
    case "Agent":
      agent(ctx, path, value);
      return;
    case "Group":
      group(ctx, path, value);
      return;
    case "StatementRef":
      statementRef(ctx, path, value);
      return;
    case "SubStatement":
      if (nested)
        fail(ctx, at(path, "objectType"), "a SubStatement must not contain a SubStatement");
      else subStatement(ctx, path, value);
      return;
    default:
      fail(
        ctx,
        at(path, "objectType"),
        "must be one of Activity, Agent, Group, StatementRef, SubStatement",
      );
  }
}

/** Checks shared by Statements and SubStatements. */
function body(ctx: Ctx, path: string, obj: Json, nested: boolean): void {
  required(ctx, obj, "actor", path, (p, v) => actor(ctx, p, v));
  required(ctx, obj, "verb", path, (p, v) => verb(ctx, p, v));
  required(ctx, obj, "object", path, (p, v) => statementObject(ctx, p, v, nested));
  optional(obj, "result", path, (p, v) => result(ctx, p, v));
  const type = objectType(obj.object);
  const objectIsActivity = type === undefined || type === "Activity";
  optional(obj, "context", path, (p, v) => context(ctx, p, v, objectIsActivity));
  optional(obj, "timestamp", path, (p, v) => timestamp(ctx, p, v));
  optional(obj, "attachments", path, (p, v) => attachments(ctx, p, v));

  // Data 2.4.3.1 / 2.3.2: a voiding statement's object is the StatementRef being voided.
  const verbId = (obj.verb as Json | undefined)?.id;
  if (verbId === VOIDED_VERB && type !== "StatementRef") {
    fail(
      ctx,
      at(path, "object"),
      "a voiding statement (verb voided) must have a StatementRef object",
    );
  }
}

/** Data 2.4.4.3 SubStatement: no id, stored, version, authority, nor a nested SubStatement. */
function subStatement(ctx: Ctx, path: string, value: unknown): void {
  if (typeof value === "object" && value !== null) {
    for (const key of FORBIDDEN_IN_SUB) {
      if (key in value) fail(ctx, at(path, key), "is not allowed in a SubStatement");
    }
  }
  const keys = [...COMMON_KEYS, "objectType", ...FORBIDDEN_IN_SUB];
  const obj = object(ctx, path, value, keys);
  if (!obj) return;
  body(ctx, path, obj, true);
}

function versionProperty(ctx: Ctx, path: string, value: unknown): void {
  if (!string(ctx, path, value)) return;
  const ok =
    /^1\.0(\.\d+)?$/.test(value) || (ctx.version === "2.0.0" && /^2\.0(\.\d+)?$/.test(value));
  if (!ok) {
    fail(
      ctx,
      path,
      ctx.version === "2.0.0"
        ? 'must be "1.0.x" or "2.0.x"'
        : 'must be "1.0.x" under X-Experience-API-Version 1.0.3',
    );
  }
}

export function statement(ctx: Ctx, value: unknown): void {
  const obj = object(ctx, "", value, STATEMENT_KEYS);
  if (!obj) return;
  optional(obj, "id", "", (p, v) => uuid(ctx, p, v));
  body(ctx, "", obj, false);
  optional(obj, "stored", "", (p, v) => timestamp(ctx, p, v));
  optional(obj, "authority", "", (p, v) => authority(ctx, p, v));
  optional(obj, "version", "", (p, v) => versionProperty(ctx, p, v));
}

/** Every rule of the xAPI Data section; returns "path: rule" errors, empty when valid. */
export function validateStatement(value: unknown, version: XapiVersion): string[] {
  const ctx: Ctx = { version, errors: [], root: "statement" };
  statement(ctx, value);
  return ctx.errors;
}

/** For the `agent` query parameter and the document APIs, which take an Agent only. */
export function validateAgent(value: unknown, version: XapiVersion): string[] {
  const ctx: Ctx = { version, errors: [], root: "agent" };
  agent(ctx, "", value);
  return ctx.errors;
}

/** An Agent or Group (e.g. the Agents resource or an `agent` filter that may be a Group). */
export function validateActor(value: unknown, version: XapiVersion): string[] {
  const ctx: Ctx = { version, errors: [], root: "actor" };
  actor(ctx, "", value);
  return ctx.errors;
}
