// Report timings over a large synthetic history (default 10,000 learners, ~1,000,000
// statements) on SQLite and/or PostgreSQL. Usage:
//   node bench/reports.ts [--backend sqlite|postgres|both] [--learners 10000] [--months 24]
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { parseStandards } from "../src/lib/standards/parse.ts";
import { AccountStore } from "../src/server/accounts/store.ts";
import { openDatabase } from "../src/server/db/open.ts";
import { generateHistory } from "../src/server/demo/generate.ts";
import { seedDemo } from "../src/server/demo/seed.ts";
import { StatementStore } from "../src/server/lrs/statement-store.ts";
import { migrateAll } from "../src/server/platform/open.ts";
import {
  clauseHeatmap,
  itemAnalysis,
  monthlyTrends,
  transcript,
} from "../src/server/reports/analysis.ts";
import { dueLearners, overview, stuckLearners } from "../src/server/reports/queries.ts";
import { projectionHook } from "../src/server/reports/store.ts";

const { values } = parseArgs({
  options: {
    backend: { type: "string", default: "sqlite" },
    learners: { type: "string", default: "10000" },
    months: { type: "string", default: "24" },
  },
});
const DATABASE_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const origin = "https://adal.bench";
const sections = parseStandards(readFileSync("content/standards/source.kk.txt", "utf8")).filter(
  (s) => s.number >= 2 && s.number <= 10,
);
const items = (prefix: string, per: number) =>
  sections.flatMap((s) =>
    s.clauses
      .slice(0, per)
      .concat(s.clauses)
      .slice(0, Math.max(per, s.clauses.length))
      .map((c, i) => ({
        id: `${prefix}${String(s.number).padStart(2, "0")}-item-${i}`,
        section: s.number,
        clauses: [c.id],
      })),
  );

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
  const generated = await generateHistory(
    accounts,
    new StatementStore(db.sql, projectionHook(origin)),
    {
      learners: Number(values.learners),
      months: Number(values.months),
      origin,
      now: new Date(),
      examItems: items("x", 8),
      practiceItems: items("p", 6),
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
  const filter = { units, now: new Date(), role: "learner" as const };
  const someone =
    (await accounts.allUsers()).find((u) => u.role === "learner")?.personnelNumber ?? "";
  const views: Record<string, () => Promise<unknown>> = {
    overview: () => overview(db.sql, filter),
    "due list": () => dueLearners(db.sql, filter),
    "stuck list": () => stuckLearners(db.sql, filter),
    "item analysis": () => itemAnalysis(db.sql, filter),
    "clause heatmap": () => clauseHeatmap(db.sql, filter),
    trends: () => monthlyTrends(db.sql, filter),
    transcript: () => transcript(db.sql, someone),
    "overview, one sub-unit": () => overview(db.sql, { ...filter, units: units.slice(1, 2) }),
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
