import type { XapiVersion } from "../version.ts";
import { isIri, isIrl, isLanguageTag, KEY_LIMITS, utf8Bytes } from "./formats.ts";

/** Collects errors while walking one value; each error names the JSON path and the rule. */
export interface Ctx {
  readonly version: XapiVersion;
  readonly errors: string[];
  /** Label for the root value, used when the error is about the whole value. */
  readonly root: string;
}

export type Json = Record<string, unknown>;

export function at(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  const safe = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
  if (path === "") return safe;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${safe}]`;
}

export function fail(ctx: Ctx, path: string, rule: string): void {
  ctx.errors.push(`${path === "" ? ctx.root : path}: ${rule}`);
}

export function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}

/**
 * Checks that `value` is a JSON object with only the `allowed` keys; reports unknown keys
 * (the spec requires rejecting them) and returns the object, or null if it is not one.
 */
export function object(ctx: Ctx, path: string, value: unknown, allowed: readonly string[]) {
  if (!isRecord(value)) {
    fail(ctx, path, `must be an object, got ${kindOf(value)}`);
    return null;
  }
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) fail(ctx, at(path, key), "is not an allowed property here");
  }
  return value;
}

export function string(ctx: Ctx, path: string, value: unknown): value is string {
  if (typeof value === "string") return true;
  fail(ctx, path, `must be a string, got ${kindOf(value)}`);
  return false;
}

export function boolean(ctx: Ctx, path: string, value: unknown): void {
  if (typeof value !== "boolean") fail(ctx, path, `must be a boolean, got ${kindOf(value)}`);
}

export function number(ctx: Ctx, path: string, value: unknown): value is number {
  if (typeof value === "number" && Number.isFinite(value)) return true;
  fail(ctx, path, `must be a number, got ${kindOf(value)}`);
  return false;
}

export function array(ctx: Ctx, path: string, value: unknown): value is unknown[] {
  if (Array.isArray(value)) return true;
  fail(ctx, path, `must be an array, got ${kindOf(value)}`);
  return false;
}

export function iri(ctx: Ctx, path: string, value: unknown): void {
  if (string(ctx, path, value) && !isIri(value)) {
    fail(ctx, path, "must be an absolute IRI (scheme:rest, no spaces)");
  }
}

export function irl(ctx: Ctx, path: string, value: unknown): void {
  if (string(ctx, path, value) && !isIrl(value)) {
    fail(ctx, path, "must be an IRL (an http:// or https:// address)");
  }
}

/** A string an index is keyed by: at most `max` UTF-8 bytes (KEY_LIMITS). */
export function keyLength(ctx: Ctx, path: string, value: unknown, max: number): void {
  if (typeof value === "string" && utf8Bytes(value) > max)
    fail(ctx, path, `is longer than this LRS's limit of ${max} bytes (UTF-8) for identifiers`);
}

/** An IRI that identifies something the LRS indexes (activity and verb ids, openid, homePage). */
export function keyIri(ctx: Ctx, path: string, value: unknown, locator = false): void {
  (locator ? irl : iri)(ctx, path, value);
  keyLength(ctx, path, value, KEY_LIMITS.iri);
}

/** Language Map: keys are RFC 5646 tags, values strings. */
export function languageMap(ctx: Ctx, path: string, value: unknown): void {
  if (!isRecord(value)) {
    fail(ctx, path, `must be a language map (object), got ${kindOf(value)}`);
    return;
  }
  for (const [tag, text] of Object.entries(value)) {
    const p = at(path, tag);
    if (!isLanguageTag(tag)) fail(ctx, p, `"${tag}" is not an RFC 5646 language tag`);
    string(ctx, p, text);
  }
}

/** Extensions: keys are IRIs, values any JSON. */
export function extensions(ctx: Ctx, path: string, value: unknown): void {
  if (!isRecord(value)) {
    fail(ctx, path, `must be an extensions object, got ${kindOf(value)}`);
    return;
  }
  for (const key of Object.keys(value)) {
    if (!isIri(key)) fail(ctx, at(path, key), "extension keys must be absolute IRIs");
  }
}

/** Runs `check` on a property only when present; `null` counts as present (and invalid). */
export function optional(
  obj: Json,
  key: string,
  path: string,
  check: (path: string, value: unknown) => void,
): void {
  if (key in obj) check(at(path, key), obj[key]);
}

export function required(
  ctx: Ctx,
  obj: Json,
  key: string,
  path: string,
  check: (path: string, value: unknown) => void,
): void {
  if (key in obj) check(at(path, key), obj[key]);
  else fail(ctx, at(path, key), "is required");
}
