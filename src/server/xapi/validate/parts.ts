import { activity } from "./activity.ts";
import { actor, agent, group } from "./actor.ts";
import {
  array,
  at,
  boolean,
  type Ctx,
  extensions,
  fail,
  iri,
  irl,
  isRecord,
  type Json,
  keyIri,
  languageMap,
  number,
  object,
  optional,
  required,
  string,
} from "./core.ts";
import {
  isDuration,
  isLanguageTag,
  isMediaType,
  isSha2Hex,
  isUuid,
  timestampProblem,
} from "./formats.ts";

export function uuid(ctx: Ctx, path: string, value: unknown): void {
  if (string(ctx, path, value) && !isUuid(value)) {
    fail(ctx, path, "must be a UUID (8-4-4-4-12 hex digits)");
  }
}

/** Data 2.4.7 / 2.4.8: ISO 8601 in 1.0.3; RFC 3339 with a timezone in 2.0. */
export function timestamp(ctx: Ctx, path: string, value: unknown): void {
  if (!string(ctx, path, value)) return;
  const problem = timestampProblem(value, ctx.version === "2.0.0");
  if (problem) fail(ctx, path, problem);
}

/** Data 2.4.3: a Verb has an IRI id and an optional display language map. */
export function verb(ctx: Ctx, path: string, value: unknown): void {
  const obj = object(ctx, path, value, ["id", "display"]);
  if (!obj) return;
  required(ctx, obj, "id", path, (p, v) => keyIri(ctx, p, v));
  optional(obj, "display", path, (p, v) => languageMap(ctx, p, v));
}

/** Data 2.4.4.3: Statement Reference. */
export function statementRef(ctx: Ctx, path: string, value: unknown): void {
  const obj = object(ctx, path, value, ["objectType", "id"]);
  if (!obj) return;
  if (obj.objectType !== "StatementRef")
    fail(ctx, at(path, "objectType"), 'must be "StatementRef"');
  required(ctx, obj, "id", path, (p, v) => uuid(ctx, p, v));
}

function score(ctx: Ctx, path: string, value: unknown): void {
  const obj = object(ctx, path, value, ["scaled", "raw", "min", "max"]);
  if (!obj) return;
  const n = (key: string): number | undefined => {
    const v = obj[key];
    return key in obj && number(ctx, at(path, key), v) ? (v as number) : undefined;
  };
  const scaled = n("scaled");
  const raw = n("raw");
  const min = n("min");
  const max = n("max");
  if (scaled !== undefined && (scaled < -1 || scaled > 1)) {
    fail(ctx, at(path, "scaled"), "must be between -1 and 1");
  }
  if (min !== undefined && max !== undefined && min >= max) {
    fail(ctx, at(path, "min"), "must be less than max");
  }
  if (raw !== undefined && min !== undefined && raw < min) {
    fail(ctx, at(path, "raw"), "must not be less than min");
  }
  if (raw !== undefined && max !== undefined && raw > max) {
    fail(ctx, at(path, "raw"), "must not be greater than max");
  }
}

/** Data 2.4.5: Result. */
export function result(ctx: Ctx, path: string, value: unknown): void {
  const obj = object(ctx, path, value, [
    "score",
    "success",
    "completion",
    "response",
    "duration",
    "extensions",
  ]);
  if (!obj) return;
  optional(obj, "score", path, (p, v) => score(ctx, p, v));
  optional(obj, "success", path, (p, v) => boolean(ctx, p, v));
  optional(obj, "completion", path, (p, v) => boolean(ctx, p, v));
  optional(obj, "response", path, (p, v) => string(ctx, p, v));
  optional(obj, "duration", path, (p, v) => {
    if (string(ctx, p, v) && !isDuration(v)) {
      fail(ctx, p, "must be an ISO 8601 duration (e.g. PT1H30M or PT4.5S)");
    }
  });
  optional(obj, "extensions", path, (p, v) => extensions(ctx, p, v));
}

const CONTEXT_ACTIVITY_KEYS = ["parent", "grouping", "category", "other"];

function contextActivities(ctx: Ctx, path: string, value: unknown): void {
  const obj = object(ctx, path, value, CONTEXT_ACTIVITY_KEYS);
  if (!obj) return;
  for (const key of CONTEXT_ACTIVITY_KEYS) {
    optional(obj, key, path, (p, v) => {
      // A single Activity is allowed; the LRS stores it as a one-element array.
      if (!Array.isArray(v)) activity(ctx, p, v);
      else for (const [i, a] of v.entries()) activity(ctx, at(p, i), a);
    });
  }
}

function relevantTypes(ctx: Ctx, path: string, value: unknown): void {
  if (!array(ctx, path, value)) return;
  if (value.length === 0) fail(ctx, path, "must not be empty when present");
  for (const [i, t] of value.entries()) iri(ctx, at(path, i), t);
}

/** Data 2.4.6.3/2.4.6.4 (2.0 only): contextAgents and contextGroups. */
function contextMembers(ctx: Ctx, path: string, value: unknown, kind: "agent" | "group"): void {
  if (!array(ctx, path, value)) return;
  const objectType = kind === "agent" ? "contextAgent" : "contextGroup";
  value.forEach((item, i) => {
    const p = at(path, i);
    const obj = object(ctx, p, item, ["objectType", kind, "relevantTypes"]);
    if (!obj) return;
    if (obj.objectType !== objectType) fail(ctx, at(p, "objectType"), `must be "${objectType}"`);
    required(ctx, obj, kind, p, (kp, v) => (kind === "agent" ? agent : group)(ctx, kp, v));
    optional(obj, "relevantTypes", p, (rp, v) => relevantTypes(ctx, rp, v));
  });
}

/** Data 2.4.6: Context. `objectIsActivity` gates revision and platform. */
export function context(ctx: Ctx, path: string, value: unknown, objectIsActivity: boolean): void {
  const keys = [
    "registration",
    "instructor",
    "team",
    "contextActivities",
    "revision",
    "platform",
    "language",
    "statement",
    "extensions",
  ];
  if (ctx.version === "2.0.0") keys.push("contextAgents", "contextGroups");
  const obj = object(ctx, path, value, keys);
  if (!obj) return;
  optional(obj, "registration", path, (p, v) => uuid(ctx, p, v));
  optional(obj, "instructor", path, (p, v) => actor(ctx, p, v));
  optional(obj, "team", path, (p, v) => {
    if (isRecord(v) && v.objectType !== "Group") fail(ctx, p, "must be a Group");
    else group(ctx, p, v);
  });
  optional(obj, "contextActivities", path, (p, v) => contextActivities(ctx, p, v));
  for (const key of ["revision", "platform"]) {
    optional(obj, key, path, (p, v) => {
      string(ctx, p, v);
      if (!objectIsActivity) fail(ctx, p, "is only allowed when the object is an Activity");
    });
  }
  optional(obj, "language", path, (p, v) => {
    if (string(ctx, p, v) && !isLanguageTag(v)) fail(ctx, p, "must be an RFC 5646 language tag");
  });
  optional(obj, "statement", path, (p, v) => statementRef(ctx, p, v));
  optional(obj, "extensions", path, (p, v) => extensions(ctx, p, v));
  if (ctx.version === "2.0.0") {
    optional(obj, "contextAgents", path, (p, v) => contextMembers(ctx, p, v, "agent"));
    optional(obj, "contextGroups", path, (p, v) => contextMembers(ctx, p, v, "group"));
  }
}

/** Data 2.4.11: Attachments. */
export function attachments(ctx: Ctx, path: string, value: unknown): void {
  if (!array(ctx, path, value)) return;
  value.forEach((item, i) => {
    const p = at(path, i);
    const obj = object(ctx, p, item, [
      "usageType",
      "display",
      "description",
      "contentType",
      "length",
      "sha2",
      "fileUrl",
    ]);
    if (!obj) return;
    required(ctx, obj, "usageType", p, (q, v) => iri(ctx, q, v));
    required(ctx, obj, "display", p, (q, v) => languageMap(ctx, q, v));
    optional(obj, "description", p, (q, v) => languageMap(ctx, q, v));
    required(ctx, obj, "contentType", p, (q, v) => {
      if (string(ctx, q, v) && !isMediaType(v)) fail(ctx, q, "must be an Internet Media Type");
    });
    required(ctx, obj, "length", p, (q, v) => {
      if (!Number.isInteger(v) || (v as number) < 0) {
        fail(ctx, q, "must be a non-negative integer (octets)");
      }
    });
    required(ctx, obj, "sha2", p, (q, v) => {
      if (string(ctx, q, v) && !isSha2Hex(v)) {
        fail(ctx, q, "must be a hex-encoded SHA-2 hash (224, 256, 384 or 512 bits)");
      }
    });
    optional(obj, "fileUrl", p, (q, v) => irl(ctx, q, v));
  });
}

export function objectType(value: unknown): unknown {
  return isRecord(value) ? (value as Json).objectType : undefined;
}
