// Report timings over a large synthetic history (default 10,000 learners, ~1,200,000
// statements, written through the LRS store with the real banks) on SQLite and/or PostgreSQL.
// Usage:
//   node bench/reports.ts [--backend sqlite|postgres|both] [--learners 10000] [--months 24]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { AccountStore } from "../src/server/accounts/store.ts";
import { openDatabase } from "../src/server/db/open.ts";
import { generateHistory, loadDemoBanks } from "../src/server/demo/generate.ts";
import { seedDemo } from "../src/server/demo/seed.ts";
import { examBankResponses } from "../src/server/exam/bank-responses.ts";
import { StatementStore } from "../src/server/lrs/statement-store.ts";
import { migrateAll } from "../src/server/platform/open.ts";
import { loadReportBanks } from "../src/server/reports/banks.ts";
import { clauseDetail, clauseHeatmap, unitSections } from "../src/server/reports/heatmap.ts";
import { itemAnalysis } from "../src/server/reports/items.ts";
import { loadPracticeCatalogue } from "../src/server/reports/practice.ts";
import { dueLearners, overview, stuckLearners } from "../src/server/reports/queries.ts";
import { projectionHook } from "../src/server/reports/store.ts";
import { transcript } from "../src/server/reports/transcript.ts";
import { monthlyTrends } from "../src/server/reports/trends.ts";

const { values } = parseArgs({
  options: {
    backend: { type: "string", default: "sqlite" },
    learners: { type: "string", default: "10000" },
    months: { type: "string", default: "24" },
  },
});
const DATABASE_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const origin = "https://adal.bench";
const banks = loadDemoBanks("quizzes");
const reportBanks = loadReportBanks("quizzes");

async function run(backend: "sqlite" | "postgres") {
  const dir = mkdtempSync(join(tmpdir(), "adal-reports-"));
  const schema = `bench_reports_${Date.now()}`;
  let url: string | undefined;
  if (backend === "postgres") {
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    url = `${DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  }
  const db = await openDatabase({ url, file: join(dir, "reports.sqlite") });
  await migrateAll(db);
  const accounts = new AccountStore(db.sql);
  await seedDemo(accounts, "Bench-Password-1", new Date());
  const started = Date.now();
  const now = new Date();
  const generated = await generateHistory(
    accounts,
    new StatementStore(
      db.sql,
      projectionHook(origin, {
        bankResponses: examBankResponses,
        practice: loadPracticeCatalogue("quizzes/practice").items,
      }),
    ),
    {
      learners: Number(values.learners),
      months: Number(values.months),
      origin,
      now,
      banks,
      onProgress: (n) => {
        if (n % 100_000 === 0) process.stdout.write(`\r${backend}: ${n} statements…`);
      },
    },
  );
  console.log(
    `\n${backend}: ${generated.learners} learners, ${generated.statements} statements in ${Math.round((Date.now() - started) / 1000)} s`,
  );
  // A live PostgreSQL has statistics from autovacuum; a bulk load this fast outruns it.
  if (backend === "postgres") await db.sql.run("ANALYZE");
  const units = (await accounts.listUnits()).map((u) => u.code);
  const base = {
    units,
    now,
    role: "learner" as const,
    timeZone: "Asia/Almaty",
    validityDays: 365,
    dueSoonDays: 30,
  };
  const year = { ...base, from: new Date(now.getTime() - 365 * 86_400_000).toISOString() };
  const one = { ...base, units: units.slice(1, 2) };
  const someone =
    (await accounts.allUsers()).find((u) => u.personnelNumber >= "500000")?.personnelNumber ?? "";
  const page = { offset: 0, limit: 100 };
  const views: Record<string, () => Promise<unknown>> = {
    overview: () => overview(db.sql, base),
    "due list (page)": () => dueLearners(db.sql, base, page),
    "stuck list (page)": () => stuckLearners(db.sql, base, page),
    "item analysis (first attempts)": () => itemAnalysis(db.sql, base, { pool: banks.pool }),
    "item analysis (all attempts)": () =>
      itemAnalysis(db.sql, base, { attempts: "all", pool: banks.pool }),
    "clause heatmap": () => clauseHeatmap(db.sql, base),
    "clause heatmap, last 12 months": () => clauseHeatmap(db.sql, year),
    "clause drill-down 2.10": () =>
      clauseDetail(db.sql, base, "2.10", reportBanks.sections, reportBanks.stems),
    "unit comparison": () => unitSections(db.sql, base),
    trends: () => monthlyTrends(db.sql, base),
    transcript: () => transcript(db.sql, someone, {}),
    "overview, one sub-unit": () => overview(db.sql, one),
    "clause heatmap, one sub-unit": () => clauseHeatmap(db.sql, one),
    "due list (export, every row)": () => dueLearners(db.sql, base),
  };
  const rows = [];
  for (const [name, view] of Object.entries(views)) {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await view();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    rows.push({
      view: name,
      "median ms": Math.round(times[2] ?? 0),
      "max ms": Math.round(times[4] ?? 0),
    });
  }
  console.table(rows);
  await db.close();
  if (backend === "postgres") {
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
  rmSync(dir, { recursive: true, force: true });
}

for (const backend of values.backend === "both"
  ? (["sqlite", "postgres"] as const)
  : [values.backend as "sqlite" | "postgres"]) {
  await run(backend);
}
console.log("Target: every dashboard view ≤ 500 ms on SQLite.");
