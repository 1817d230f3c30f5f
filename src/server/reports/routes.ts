// /api/reports/…: officers see their units (and sub-units), admins everything, learners 403.
// Every view answers JSON, or a table as CSV/XLSX with ?format=csv|xlsx.
import type { Context, Hono } from "hono";
import type { AccountStore, User } from "../accounts/store.ts";
import type { Sql } from "../db/sql.ts";
import { ApiError, type PlatformHelpers } from "../platform/api.ts";
import { clauseHeatmap, itemAnalysis, monthlyTrends, transcript } from "./analysis.ts";
import { type Table, toCsv, toXlsx } from "./export.ts";
import { dueLearners, overview, type ReportFilter, stuckLearners } from "./queries.ts";

async function scopeOf(accounts: AccountStore, user: User): Promise<string[]> {
  if (user.role === "admin") return (await accounts.listUnits()).map((u) => u.code);
  return accounts.unitTree(await accounts.officerUnits(user.id));
}

const DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/u;

async function filterFor(
  c: Context,
  accounts: AccountStore,
  user: User,
  now: Date,
): Promise<ReportFilter> {
  const scope = await scopeOf(accounts, user);
  const unit = c.req.query("unit");
  let units = scope;
  if (unit) {
    if (!scope.includes(unit))
      throw new ApiError(403, "out-of-scope", `Unit ${unit} is not among the units you supervise.`);
    units = await accounts.unitTree([unit]);
  }
  const from = c.req.query("from");
  const to = c.req.query("to");
  for (const [name, value] of [
    ["from", from],
    ["to", to],
  ] as const) {
    if (value && !DATE.test(value))
      throw new ApiError(400, "bad-date", `${name} must be a date like 2026-01-31.`);
  }
  const role = c.req.query("role");
  if (role && !["learner", "officer", "admin"].includes(role))
    throw new ApiError(400, "bad-role", "role must be learner, officer or admin.");
  return {
    units,
    from: from ? new Date(from).toISOString() : undefined,
    to: to ? new Date(to.length === 10 ? `${to}T23:59:59.999Z` : to).toISOString() : undefined,
    role: role as ReportFilter["role"],
    now,
  };
}

function send(c: Context, name: string, json: unknown, table: () => Table) {
  const format = c.req.query("format");
  if (format === "csv") {
    return c.body(toCsv(table()), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="adal-${name}.csv"`,
    });
  }
  if (format === "xlsx") {
    return c.body(new Uint8Array(toXlsx(table(), name)) as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="adal-${name}.xlsx"`,
    });
  }
  if (format && format !== "json")
    throw new ApiError(400, "bad-format", "format must be json, csv or xlsx.");
  return c.json(json as object);
}

const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

export function reportRoutes(sql: Sql, accounts: AccountStore, clock: () => Date) {
  return (api: Hono, { requireUser }: PlatformHelpers) => {
    const guard = async (c: Context) => {
      const user = await requireUser(c, ["officer", "admin"]);
      return filterFor(c, accounts, user, clock());
    };

    api.get("/reports/overview", async (c) => {
      const rows = await overview(sql, await guard(c));
      return send(c, "overview", { units: rows }, () => ({
        columns: [
          "unit",
          "learners",
          "course completed",
          "exam attempts",
          "pass rate %",
          "average score %",
          "overdue",
          "due in 30 days",
          ...Array.from({ length: 11 }, (_, i) => `lesson ${i + 1} %`),
        ],
        rows: rows.map((r) => [
          r.unit,
          r.learners,
          r.courseCompleted,
          r.examAttempts,
          pct(r.examPassRate),
          pct(r.averageScore),
          r.overdue,
          r.dueSoon,
          ...r.lessonCompletion.map(pct),
        ]),
      }));
    });

    api.get("/reports/due", async (c) => {
      const rows = await dueLearners(sql, await guard(c));
      return send(c, "due", { learners: rows }, () => ({
        columns: [
          "personnel number",
          "full name",
          "unit",
          "e-mail",
          "status",
          "last pass",
          "due date",
        ],
        rows: rows.map((r) => [
          r.personnelNumber,
          r.fullName,
          r.unit,
          r.email,
          r.status,
          r.lastPass,
          r.dueDate,
        ]),
      }));
    });

    api.get("/reports/stuck", async (c) => {
      const rows = await stuckLearners(sql, await guard(c));
      return send(c, "stuck", { learners: rows }, () => ({
        columns: ["personnel number", "full name", "unit", "lesson", "opened"],
        rows: rows.map((r) => [r.personnelNumber, r.fullName, r.unit, r.section, r.openedAt]),
      }));
    });

    api.get("/reports/items", async (c) => {
      const rows = await itemAnalysis(sql, await guard(c));
      return send(c, "items", { items: rows }, () => ({
        columns: [
          "item",
          "section",
          "attempts",
          "facility %",
          "discrimination",
          "flags",
          "options",
        ],
        rows: rows.map((r) => [
          r.itemId,
          r.section,
          r.attempts,
          pct(r.facility),
          r.discrimination === null ? null : Math.round(r.discrimination * 1000) / 1000,
          r.flags.join(" "),
          Object.entries(r.options)
            .map(([k, v]) => `${k}:${v}`)
            .join(" "),
        ]),
      }));
    });

    api.get("/reports/clauses", async (c) => {
      const rows = await clauseHeatmap(sql, await guard(c));
      return send(c, "clauses", { clauses: rows }, () => ({
        columns: [
          "clause",
          "wrong %",
          "practice answers",
          "practice wrong",
          "exam answers",
          "exam wrong",
          "learners wrong",
        ],
        rows: rows.map((r) => [
          r.clause,
          pct(r.wrongRate),
          r.practiceAnswers,
          r.practiceWrong,
          r.examAnswers,
          r.examWrong,
          r.learnersWrong,
        ]),
      }));
    });

    api.get("/reports/trends", async (c) => {
      const rows = await monthlyTrends(sql, await guard(c));
      return send(c, "trends", { months: rows }, () => ({
        columns: ["month", "lesson completions", "exam attempts", "exams passed", "pass rate %"],
        rows: rows.map((r) => [
          r.month,
          r.lessonCompletions,
          r.examAttempts,
          r.examPassed,
          pct(r.passRate),
        ]),
      }));
    });

    api.get("/reports/learners/:number", async (c) => {
      const filter = await guard(c);
      const person = await accounts.userByNumber(c.req.param("number"));
      if (!person || !filter.units.includes(person.unitCode))
        throw new ApiError(404, "not-found", "No learner with this number in your units.");
      const rows = await transcript(sql, person.personnelNumber);
      return send(
        c,
        `transcript-${person.personnelNumber}`,
        {
          learner: {
            personnelNumber: person.personnelNumber,
            fullName: person.fullName,
            unit: person.unitCode,
          },
          entries: rows,
        },
        () => ({
          columns: [
            "time",
            "verb",
            "kind",
            "section",
            "success",
            "score %",
            "duration s",
            "attempt",
          ],
          rows: rows.map((r) => [
            r.timestamp,
            r.verb,
            r.kind,
            r.section,
            r.success,
            pct(r.scaled),
            r.durationMs === null ? null : Math.round(r.durationMs / 1000),
            r.registration,
          ]),
        }),
      );
    });
  };
}
