// Turns a report request's query (unit, from, to, role, paging) into a checked ReportFilter:
// the unit must be one the officer supervises (else 403), dates must be real calendar dates
// in the reports' time zone (else 400 with what is wrong), never a silent roll-over.
import type { Context } from "hono";
import {
  addDays,
  DateInputError,
  parseInstant,
  parseLocalDate,
  startOfLocalDay,
} from "../../lib/reports/time.ts";
import type { ReportMeta } from "../../lib/reports/types.ts";
import { ROLES, type Role } from "../accounts/roster.ts";
import type { AccountStore, User } from "../accounts/store.ts";
import { ApiError } from "../platform/api.ts";
import type { PageRequest } from "./queries.ts";
import type { ReportFilter } from "./scope.ts";

export const PAGE_DEFAULT = 100;
export const PAGE_MAX = 1000;

async function scopeOf(accounts: AccountStore, user: User): Promise<string[]> {
  if (user.role === "admin") return (await accounts.listUnits()).map((u) => u.code);
  return accounts.unitTree(await accounts.officerUnits(user.id));
}

/** A bound as a UTC instant: a local date's midnight (`to`: the next midnight), or an instant. */
function bound(name: "from" | "to", value: string, timeZone: string): string {
  try {
    if (value.length === 10) {
      const date = parseLocalDate(value, name);
      return startOfLocalDay(name === "to" ? addDays(date, 1) : date, timeZone).toISOString();
    }
    const instant = parseInstant(value, name).getTime();
    // `to` is inclusive for an instant; the filter's upper bound is exclusive.
    return new Date(name === "to" ? instant + 1 : instant).toISOString();
  } catch (error) {
    if (error instanceof DateInputError) throw new ApiError(400, "bad-date", error.message);
    throw error;
  }
}

export interface ParsedRequest {
  filter: ReportFilter;
  meta: ReportMeta;
  unitNames: Map<string, string>;
}

export async function parseRequest(
  c: Context,
  accounts: AccountStore,
  user: User,
  settings: {
    now: Date;
    timeZone: string;
    validityDays: number;
    dueSoonDays: number;
    stale: string | null;
  },
): Promise<ParsedRequest> {
  const scope = await scopeOf(accounts, user);
  const unitNames = new Map((await accounts.listUnits()).map((u) => [u.code, u.name]));
  const unit = c.req.query("unit") || undefined;
  let units = scope;
  if (unit) {
    if (!scope.includes(unit))
      throw new ApiError(403, "out-of-scope", `Unit ${unit} is not among the units you supervise.`);
    units = await accounts.unitTree([unit]);
  }
  const from = c.req.query("from") || undefined;
  const to = c.req.query("to") || undefined;
  const lower = from ? bound("from", from, settings.timeZone) : undefined;
  const upper = to ? bound("to", to, settings.timeZone) : undefined;
  if (lower && upper && lower >= upper)
    throw new ApiError(400, "bad-range", `from (${from}) must be before to (${to}).`);
  const given = c.req.query("role") || undefined;
  if (given && !ROLES.includes(given as Role))
    throw new ApiError(400, "bad-role", "role must be learner, officer or admin.");
  const role = given as Role | undefined;
  return {
    unitNames,
    filter: {
      units,
      from: lower,
      to: upper,
      role,
      now: settings.now,
      timeZone: settings.timeZone,
      validityDays: settings.validityDays,
      dueSoonDays: settings.dueSoonDays,
    },
    meta: {
      generatedAt: settings.now.toISOString(),
      timeZone: settings.timeZone,
      filters: {
        unit: unit ?? null,
        unitName: unit ? (unitNames.get(unit) ?? unit) : null,
        from: from ?? null,
        to: to ?? null,
        role: role ?? null,
      },
      view: {},
      stale: settings.stale,
    },
  };
}

function whole(c: Context, name: string, fallback: number, max: number): number {
  const raw = c.req.query(name);
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d{1,9}$/u.test(raw) || Number(raw) > max)
    throw new ApiError(400, `bad-${name}`, `${name} must be a whole number from 0 to ${max}.`);
  return Number(raw);
}

/** `offset` and `limit` of a list; exports (`whole`) get every row. */
export function pageRequest(c: Context, everything: boolean): PageRequest {
  const offset = whole(c, "offset", 0, 1_000_000_000);
  if (everything) return { offset: 0, limit: null };
  const limit = whole(c, "limit", PAGE_DEFAULT, PAGE_MAX);
  if (limit === 0) throw new ApiError(400, "bad-limit", `limit must be from 1 to ${PAGE_MAX}.`);
  return { offset, limit };
}

export function attemptsParam(c: Context): "first" | "all" {
  const value = c.req.query("attempts") ?? "first";
  if (value !== "first" && value !== "all")
    throw new ApiError(400, "bad-attempts", "attempts must be first or all.");
  return value;
}

/** Which answers a clause view counts: `source=practice|exam|both` (default practice). */
export function sourceParam(c: Context): "practice" | "exam" | "both" {
  const value = c.req.query("source") ?? "practice";
  if (value !== "practice" && value !== "exam" && value !== "both")
    throw new ApiError(400, "bad-source", "source must be practice, exam or both.");
  return value;
}
