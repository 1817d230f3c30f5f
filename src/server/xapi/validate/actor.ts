import {
  at,
  type Ctx,
  fail,
  type Json,
  keyIri,
  keyLength,
  object,
  optional,
  string,
} from "./core.ts";
import { hasControl, isIri, isMbox, isSha1Hex, KEY_LIMITS } from "./formats.ts";

const IFI_KEYS = ["mbox", "mbox_sha1sum", "openid", "account"] as const;

/** Validates whichever IFI properties are present; returns how many there are. */
function ifis(ctx: Ctx, path: string, obj: Json): number {
  optional(obj, "mbox", path, (p, v) => {
    if (string(ctx, p, v) && !isMbox(v)) {
      fail(ctx, p, 'must be a "mailto:" IRI with an email address');
    }
    keyLength(ctx, p, v, KEY_LIMITS.mbox);
  });
  optional(obj, "mbox_sha1sum", path, (p, v) => {
    if (string(ctx, p, v) && !isSha1Hex(v)) {
      fail(ctx, p, "must be the hex-encoded SHA-1 of a mailto IRI (40 hex digits)");
    }
  });
  optional(obj, "openid", path, (p, v) => {
    if (string(ctx, p, v) && !isIri(v)) fail(ctx, p, "must be an absolute URI");
    keyLength(ctx, p, v, KEY_LIMITS.iri);
  });
  optional(obj, "account", path, (p, v) => {
    const account = object(ctx, p, v, ["homePage", "name"]);
    if (!account) return;
    if ("homePage" in account) keyIri(ctx, at(p, "homePage"), account.homePage, true);
    else fail(ctx, at(p, "homePage"), "is required in an account");
    if (!("name" in account)) fail(ctx, at(p, "name"), "is required in an account");
    else if (string(ctx, at(p, "name"), account.name)) {
      if (hasControl(account.name))
        fail(ctx, at(p, "name"), "must not contain control characters (such as U+0000)");
      keyLength(ctx, at(p, "name"), account.name, KEY_LIMITS.account);
    }
  });
  return IFI_KEYS.filter((k) => k in obj).length;
}

function name(ctx: Ctx, path: string, obj: Json): void {
  optional(obj, "name", path, (p, v) => string(ctx, p, v));
}

/** Data 2.4.2.1: an Agent is identified by exactly one IFI. */
export function agent(ctx: Ctx, path: string, value: unknown): void {
  const obj = object(ctx, path, value, ["objectType", "name", ...IFI_KEYS]);
  if (!obj) return;
  if ("objectType" in obj && obj.objectType !== "Agent") {
    fail(ctx, at(path, "objectType"), 'must be "Agent"');
  }
  name(ctx, path, obj);
  const count = ifis(ctx, path, obj);
  if (count !== 1) {
    fail(
      ctx,
      path,
      `an Agent must have exactly one of mbox, mbox_sha1sum, openid, account (found ${count})`,
    );
  }
}

/** Data 2.4.2.2: a Group has at most one IFI; an anonymous Group must list its members. */
export function group(ctx: Ctx, path: string, value: unknown): void {
  const obj = object(ctx, path, value, ["objectType", "name", "member", ...IFI_KEYS]);
  if (!obj) return;
  if (obj.objectType !== "Group") fail(ctx, at(path, "objectType"), 'must be "Group"');
  name(ctx, path, obj);
  const count = ifis(ctx, path, obj);
  if (count > 1) {
    fail(ctx, path, `a Group must have at most one IFI (found ${count})`);
  }
  if ("member" in obj) {
    const p = at(path, "member");
    if (!Array.isArray(obj.member)) {
      fail(ctx, p, "must be an array of Agents");
    } else {
      if (count === 0 && obj.member.length === 0) {
        fail(ctx, p, "an anonymous Group must list at least one member");
      }
      obj.member.forEach((m, i) => {
        if (typeof m === "object" && m !== null && (m as Json).objectType === "Group") {
          fail(ctx, at(p, i), "Group members must be Agents, not Groups");
        } else {
          agent(ctx, at(p, i), m);
        }
      });
    }
  } else if (count === 0) {
    fail(ctx, at(path, "member"), "is required in an anonymous Group (one without an IFI)");
  }
}

/** An Agent or a Group, told apart by objectType (absent means Agent). */
export function actor(ctx: Ctx, path: string, value: unknown): void {
  if (typeof value === "object" && value !== null && (value as Json).objectType === "Group") {
    group(ctx, path, value);
  } else {
    agent(ctx, path, value);
  }
}

/** Data 2.4.9: authority is an Agent, or a Group of exactly two Agents (OAuth consumer + user). */
export function authority(ctx: Ctx, path: string, value: unknown): void {
  actor(ctx, path, value);
  if (typeof value === "object" && value !== null && (value as Json).objectType === "Group") {
    const members = (value as Json).member;
    if (!Array.isArray(members) || members.length !== 2) {
      fail(ctx, path, "a Group authority must have exactly two member Agents (OAuth)");
    }
  }
}
