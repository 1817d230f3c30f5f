import type { Statement } from "./types.ts";

/**
 * Properties the spec excludes from statement equivalence (Data 2.3.1 Statement Immutability /
 * 2.0 Statement Comparison Requirements): the LRS may set or change them.
 */
const IGNORED_TOP = ["id", "authority", "stored", "timestamp", "version", "attachments"];

type JsonValue = unknown;

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Builds a comparison form: case is ignored (the spec lists "Case (upper vs. lower)"), object key
 * order is irrelevant, Group member order is irrelevant, Activity Definitions are ignored, and a
 * single contextActivities entry equals a one-element array.
 */
function norm(value: JsonValue, key: string | null, inExtensions = false): JsonValue {
  if (typeof value === "string") return value.toLowerCase();
  if (Array.isArray(value)) {
    const items = value.map((v) => norm(v, null, inExtensions));
    if (key === "member") {
      return items.map((v) => JSON.stringify(v)).sort();
    }
    return items;
  }
  if (!isObj(value)) return value;
  const out: Record<string, JsonValue> = {};
  for (const k of Object.keys(value).sort((x, y) =>
    x.toLowerCase().localeCompare(y.toLowerCase()),
  )) {
    // Activity Definitions are excluded, but extension payloads are compared in full.
    if (k === "definition" && !inExtensions) continue;
    let v = value[k];
    if (key === "contextActivities" && v !== undefined && !Array.isArray(v)) v = [v];
    out[k.toLowerCase()] = norm(v, k, inExtensions || k === "extensions");
  }
  return out;
}

function comparable(statement: Statement): JsonValue {
  const copy: Record<string, unknown> = { ...statement };
  for (const k of IGNORED_TOP) delete copy[k];
  return norm(copy, null);
}

/** Whether two statements with the same id are "the same" for immutability and signatures. */
export function sameStatement(a: Statement, b: Statement): boolean {
  return JSON.stringify(comparable(a)) === JSON.stringify(comparable(b));
}
