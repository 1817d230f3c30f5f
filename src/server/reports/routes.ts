// /api/reports/…: officers see their units (and sub-units), admins everything, learners 403.
// Every view answers JSON with `meta` (filters in effect, generated-at, time zone), or its
// table as CSV/XLSX with ?format=csv|xlsx (&lang=kk|ru for the headers). Lists answer a page
// (offset, limit ≤ 1000, total) as JSON; their exports hold every row.
import type { Context, Hono } from "hono";
import { type Locale, translator } from "../../i18n/index.ts";
import { localDay, wallClock } from "../../lib/reports/time.ts";
import type { ReportMeta } from "../../lib/reports/types.ts";
import type { AccountStore } from "../accounts/store.ts";
import type { Sql } from "../db/sql.ts";
import { ApiError, type PlatformHelpers } from "../platform/api.ts";
import { aboutRows } from "./about.ts";
import type { ReportBanks } from "./banks.ts";
import { clausesTable, clauseTable, unitsTable } from "./clause-tables.ts";
import { dosDateTime, type Table, toCsv, toXlsx } from "./export.ts";
import { attemptsParam, pageRequest, parseRequest, sourceParam } from "./filter.ts";
import { clauseDetail, clauseHeatmap, unitSections } from "./heatmap.ts";
import { itemAnalysis } from "./items.ts";
import { dueLearners, overview, stuckLearners } from "./queries.ts";
import * as tables from "./tables.ts";
import { transcript } from "./transcript.ts";
import { monthlyTrends } from "./trends.ts";

export interface ReportDeps {
  sql: Sql;
  accounts: AccountStore;
  clock: () => Date;
  timeZone: string;
  banks: ReportBanks;
  /** Why the projection does not match the statements (see rebuild.ts), or null. */
  stale: () => Promise<string | null>;
}

const CLAUSE = /^(?:1|11|[2-9]\.\d{1,2}|10\.\d{1,2})$/u;

function format(c: Context): "json" | "csv" | "xlsx" {
  const value = c.req.query("format") ?? "json";
  if (value !== "json" && value !== "csv" && value !== "xlsx")
    throw new ApiError(400, "bad-format", "format must be json, csv or xlsx.");
  return value;
}

function language(c: Context): Locale {
  const value = c.req.query("lang") ?? "kk";
  if (value !== "kk" && value !== "ru")
    throw new ApiError(400, "bad-lang", "lang must be kk or ru.");
  return value;
}

function send(c: Context, name: string, meta: ReportMeta, json: object, table: () => Table) {
  const kind = format(c);
  if (kind === "json") return c.json({ meta, ...json });
  const t = translator(language(c));
  const data = { ...table(), about: aboutRows(t, meta) };
  const now = new Date(meta.generatedAt);
  const file = `adal-${name}-${localDay(now, meta.timeZone)}`;
  if (kind === "csv") {
    return c.body(toCsv(data), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file}.csv"`,
    });
  }
  const stamp = dosDateTime(wallClock(now, meta.timeZone));
  return c.body(new Uint8Array(toXlsx(data, name, stamp)) as Uint8Array<ArrayBuffer>, 200, {
    "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "Content-Disposition": `attachment; filename="${file}.xlsx"`,
  });
}

export function reportRoutes(deps: ReportDeps) {
  const { sql, accounts, banks } = deps;
  return (api: Hono, { requireUser }: PlatformHelpers) => {
    const guard = async (c: Context) => {
      const user = await requireUser(c, ["officer", "admin"]);
      format(c); // a bad format is refused before any work
      const parsed = await parseRequest(c, accounts, user, {
        now: deps.clock(),
        timeZone: deps.timeZone,
        validityDays: banks.validityDays,
        dueSoonDays: banks.dueSoonDays,
        stale: await deps.stale(),
      });
      // Exam texts and keys go to administrators (the content owners) only: officers sit the
      // exam themselves, so what they are sent must not help anyone pass it.
      return { ...parsed, keys: user.role === "admin" };
    };
    const t = (c: Context) => translator(c.req.query("lang") === "ru" ? "ru" : "kk");
    const whole = (c: Context) => format(c) !== "json";

    api.get("/reports/overview", async (c) => {
      const { filter, meta, unitNames } = await guard(c);
      const units = await overview(sql, filter, unitNames);
      return send(c, "overview", meta, { units }, () => tables.overviewTable(t(c), units));
    });

    api.get("/reports/due", async (c) => {
      const { filter, meta } = await guard(c);
      const page = await dueLearners(sql, filter, pageRequest(c, whole(c)));
      return send(c, "due", meta, page, () => tables.dueTable(t(c), page.rows, meta.timeZone));
    });

    api.get("/reports/stuck", async (c) => {
      const { filter, meta } = await guard(c);
      const page = await stuckLearners(sql, filter, pageRequest(c, whole(c)));
      return send(c, "stuck", meta, page, () => tables.stuckTable(t(c), page.rows, meta.timeZone));
    });

    api.get("/reports/items", async (c) => {
      const { filter, meta, keys } = await guard(c);
      const attempts = attemptsParam(c);
      const report = await itemAnalysis(sql, filter, { attempts, pool: banks.pool, keys });
      const view = { ...meta, view: { attempts } };
      return send(c, "items", view, report, () => tables.itemsTable(t(c), report));
    });

    api.get("/reports/clauses", async (c) => {
      const { filter, meta } = await guard(c);
      // The counts come whole; `source` and `attempts` say what the officer had on screen.
      const options = { source: sourceParam(c), attempts: attemptsParam(c) };
      const clauses = await clauseHeatmap(sql, filter);
      const heat = { source: options.source, first: options.attempts === "first" };
      return send(c, "clauses", { ...meta, view: options }, { clauses }, () =>
        clausesTable(t(c), clauses, heat),
      );
    });

    api.get("/reports/clauses/units", async (c) => {
      const { filter, meta, unitNames } = await guard(c);
      const options = { source: sourceParam(c), attempts: attemptsParam(c) };
      const units = await unitSections(sql, filter, unitNames);
      const heat = { source: options.source, first: options.attempts === "first" };
      return send(c, "units", { ...meta, view: options }, { units }, () =>
        unitsTable(t(c), units, heat),
      );
    });

    api.get("/reports/clauses/:clause", async (c) => {
      const { filter, meta, keys } = await guard(c);
      const clause = c.req.param("clause");
      if (!CLAUSE.test(clause))
        throw new ApiError(400, "bad-clause", "clause must be like 2.10 (or 1, 11).");
      const attempts = attemptsParam(c);
      const stems = keys ? banks.stems : banks.practiceStems;
      const detail = await clauseDetail(sql, filter, clause, banks.sections, stems);
      if (!detail) throw new ApiError(404, "not-found", `The standards have no clause ${clause}.`);
      const view = { ...meta, view: { clause, attempts } };
      return send(c, `clause-${clause}`, view, detail, () => clauseTable(t(c), detail));
    });

    api.get("/reports/trends", async (c) => {
      const { filter, meta } = await guard(c);
      const trends = await monthlyTrends(sql, filter);
      return send(c, "trends", meta, trends, () => tables.trendsTable(t(c), trends.months));
    });

    api.get("/reports/learners/:number", async (c) => {
      const { filter, meta } = await guard(c);
      const person = await accounts.userByNumber(c.req.param("number"));
      // Someone outside the officer's units answers exactly like no one: numbers reveal nothing.
      if (!person || !filter.units.includes(person.unitCode))
        throw new ApiError(404, "not-found", "No learner with this number in your units.");
      const data = {
        learner: {
          personnelNumber: person.personnelNumber,
          fullName: person.fullName,
          unit: person.unitCode,
          email: person.email,
        },
        ...(await transcript(sql, person.personnelNumber, filter)),
      };
      return send(c, `transcript-${person.personnelNumber}`, meta, data, () =>
        tables.transcriptTable(t(c), data, meta.timeZone),
      );
    });
  };
}
