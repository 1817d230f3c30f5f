// Report response times as a training officer gets them: the whole platform (openPlatform: the
// LRS with its projection, sessions, the reports API) over a synthetic history written through
// the LRS store with the real banks (default 10,000 learners, about 1.5 million statements), on
// SQLite and on PostgreSQL. Each view is requested over HTTP semantics (app.request: sign-in
// cookie, role and scope checks, SQL, JSON or the export file), with the dashboard's default
// filter (role=learner), as the department's training officer. Prints, per view, the median and
// the slowest of several runs and whether it meets the target: ≤ 500 ms on SQLite for every
// dashboard view (exports are timed too, without a target). Exits 1 if a view misses it.
// Usage:
//   node bench/reports.ts [--backend sqlite|postgres|both] [--learners 10000] [--months 24] [--runs 5]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { readConfig } from "../src/server/config.ts";
import { generateHistory, loadDemoBanks } from "../src/server/demo/generate.ts";
import { DEMO_OFFICER, seedDemo } from "../src/server/demo/seed.ts";
import { openPlatform } from "../src/server/platform/open.ts";

const { values } = parseArgs({
  options: {
    backend: { type: "string", default: "both" },
    learners: { type: "string", default: "10000" },
    months: { type: "string", default: "24" },
    runs: { type: "string", default: "5" },
  },
});
const DATABASE_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const ORIGIN = "https://adal.bench";
const PASSWORD = "Bench-Password-1";
const TARGET_MS = 500;
const RUNS = Math.max(1, Number(values.runs));
const banks = loadDemoBanks("quizzes");

/** The views, as the dashboard asks for them (`export`: a file, timed without a target). */
function views(someone: string, yearAgo: string) {
  const q = "role=learner";
  const sub = `${q}&unit=ALM-DP-PATROL`;
  return [
    { name: "overview", path: `overview?${q}` },
    { name: "due list (page)", path: `due?${q}&offset=0&limit=100` },
    { name: "stuck list (page)", path: `stuck?${q}&offset=0&limit=100` },
    { name: "item analysis (first attempts)", path: `items?${q}&attempts=first` },
    { name: "item analysis (all attempts)", path: `items?${q}&attempts=all` },
    { name: "clause heatmap", path: `clauses?${q}` },
    { name: "clause heatmap, last 12 months", path: `clauses?${q}&from=${yearAgo}` },
    { name: "clause drill-down 2.10", path: `clauses/2.10?${q}` },
    { name: "unit comparison", path: `clauses/units?${q}` },
    { name: "trends", path: `trends?${q}` },
    { name: "transcript", path: `learners/${someone}?${q}` },
    { name: "overview, one sub-unit", path: `overview?${sub}` },
    { name: "clause heatmap, one sub-unit", path: `clauses?${sub}` },
    { name: "due list CSV (every row)", path: `due?${q}&format=csv&lang=kk`, export: true },
    { name: "item analysis XLSX", path: `items?${q}&format=xlsx&lang=ru`, export: true },
    { name: "clause heatmap XLSX", path: `clauses?${q}&format=xlsx&lang=kk`, export: true },
  ];
}

async function database(backend: "sqlite" | "postgres") {
  const dir = mkdtempSync(join(tmpdir(), "adal-reports-"));
  const schema = `bench_reports_${Date.now()}`;
  const admin = async (query: string) => {
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    await client.query(query);
    await client.end();
  };
  if (backend === "postgres") await admin(`CREATE SCHEMA ${schema}`);
  return {
    env:
      backend === "postgres"
        ? {
            DATABASE_URL: `${DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`,
          }
        : { DATABASE_URL: "", ADAL_DB: join(dir, "reports.sqlite") },
    async drop() {
      if (backend === "postgres") await admin(`DROP SCHEMA ${schema} CASCADE`);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function run(backend: "sqlite" | "postgres"): Promise<boolean> {
  const db = await database(backend);
  const now = new Date();
  const platform = await openPlatform(
    readConfig({ ...db.env, ADAL_ORIGIN: ORIGIN, ADAL_QUIZ_DIR: "quizzes", ADAL_STATIC_DIR: "" }),
    () => now,
  );
  let met = true;
  try {
    await seedDemo(platform.accounts, PASSWORD, now);
    const started = Date.now();
    const generated = await generateHistory(platform.accounts, platform.statements, {
      learners: Number(values.learners),
      months: Number(values.months),
      origin: ORIGIN,
      now,
      banks,
      onProgress: (n) => {
        if (n % 100_000 === 0) process.stdout.write(`\r${backend}: ${n} statements…`);
      },
    });
    console.log(
      `\n${backend}: ${generated.learners} learners, ${generated.statements} statements in ${Math.round((Date.now() - started) / 1000)} s`,
    );
    // A live PostgreSQL has statistics from autovacuum; a bulk load this fast outruns it.
    if (backend === "postgres") await platform.db.sql.run("ANALYZE");

    const signIn = await platform.app.request(`${ORIGIN}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ personnelNumber: DEMO_OFFICER, password: PASSWORD }),
    });
    if (signIn.status !== 200) throw new Error(`officer sign-in: ${signIn.status}`);
    const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const someone =
      (await platform.accounts.allUsers()).find((u) => u.personnelNumber >= "500000")
        ?.personnelNumber ?? "100001";
    const yearAgo = new Date(now.getTime() - 365 * 86_400_000).toISOString().slice(0, 10);

    const rows = [];
    for (const view of views(someone, yearAgo)) {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        const response = await platform.app.request(`${ORIGIN}/api/reports/${view.path}`, {
          headers: { cookie },
        });
        bytes = (await response.arrayBuffer()).byteLength;
        times.push(performance.now() - t);
        if (response.status !== 200) throw new Error(`${view.path}: ${response.status}`);
      }
      times.sort((a, b) => a - b);
      const median = times[Math.floor((times.length - 1) / 2)] ?? 0;
      const max = times.at(-1) ?? 0;
      const target = view.export || backend !== "sqlite" ? "—" : median <= TARGET_MS ? "yes" : "NO";
      if (target === "NO") met = false;
      rows.push({
        view: view.name,
        "median ms": Math.round(median),
        "max ms": Math.round(max),
        KB: Number((bytes / 1024).toFixed(1)),
        [`≤ ${TARGET_MS} ms`]: target,
      });
    }
    console.table(rows);
  } finally {
    await platform.close();
    await db.drop();
  }
  return met;
}

let ok = true;
for (const backend of values.backend === "both"
  ? (["sqlite", "postgres"] as const)
  : [values.backend as "sqlite" | "postgres"]) {
  if (!(await run(backend))) ok = false;
}
console.log(
  `Target: every dashboard view ≤ ${TARGET_MS} ms on SQLite (median of ${RUNS} runs): ${ok ? "met" : "NOT met"}.`,
);
if (!ok) process.exitCode = 1;
