// LRS benchmark: write throughput over HTTP and filtered-read latency after a bulk load.
// Usage: node bench/lrs.ts [--backend sqlite|postgres|both] [--statements 100000]
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { readConfig } from "../src/server/config.ts";
import { startServer } from "../src/server/main.ts";
import { prepareStatement } from "../src/server/xapi/prepare.ts";
import type { Statement } from "../src/server/xapi/types.ts";

const { values } = parseArgs({
  options: {
    backend: { type: "string", default: "both" },
    statements: { type: "string", default: "100000" },
  },
});
const LOAD = Number(values.statements);
const DATABASE_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const VERBS = ["experienced", "completed", "answered", "passed", "failed"].map(
  (v) => `http://adlnet.gov/expapi/verbs/${v}`,
);

function statement(i: number, registrations: string[]): Statement {
  return {
    id: randomUUID(),
    actor: {
      objectType: "Agent",
      account: { homePage: "https://adal.bench", name: String(100000 + (i % 10_000)) },
    },
    verb: { id: VERBS[i % VERBS.length] ?? "" },
    object: {
      objectType: "Activity",
      id: `https://adal.bench/xapi/activities/quiz-item/p${String((i % 11) + 1).padStart(2, "0")}-item-${i % 120}`,
    },
    context: {
      registration: registrations[i % registrations.length] ?? randomUUID(),
      contextActivities: {
        parent: [{ id: `https://adal.bench/xapi/activities/quiz/practice/${(i % 11) + 1}` }],
      },
    },
    result: { success: i % 3 !== 0 },
  };
}

/** fetch with one retry: after a long bulk load, a pooled idle connection may have been closed. */
async function request(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    return fetch(url, init);
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

async function run(backend: "sqlite" | "postgres") {
  const dir = mkdtempSync(join(tmpdir(), "adal-bench-"));
  const schema = `bench_${Date.now()}`;
  const env: Record<string, string> = {
    PORT: "0",
    HOST: "127.0.0.1",
    ADAL_DB: join(dir, "bench.sqlite"),
    ADAL_STATIC_DIR: join(dir, "none"),
  };
  if (backend === "postgres") {
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    env.DATABASE_URL = `${DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  }
  const server = await startServer(readConfig(env));
  const { credential, secret } = await server.platform.credentials.create(
    "bench",
    ["all"],
    new Date(),
  );
  const headers = {
    Authorization: `Basic ${Buffer.from(`${credential.key}:${secret}`).toString("base64")}`,
    "X-Experience-API-Version": "1.0.3",
    "Content-Type": "application/json",
  };
  const registrations = Array.from({ length: 5000 }, () => randomUUID());

  // Writers are separate processes (4 clients), so they do not share the server's event loop.
  // Server CPU per statement is printed beside throughput: it is far steadier than wall-clock
  // figures on a shared machine, and it is what bounds throughput once the clients are fast.
  async function clients(
    batch: number,
    seconds = 5,
  ): Promise<{ perSecond: number; cpuMicros: number }> {
    const cpu = process.cpuUsage();
    const runs = Array.from(
      { length: 4 },
      () =>
        new Promise<number>((resolve, reject) => {
          const child = spawn(process.execPath, [
            "bench/lrs-client.ts",
            server.url,
            headers.Authorization,
            String(seconds),
            String(batch),
          ]);
          let out = "";
          child.stderr.on("data", (c: Buffer) => process.stderr.write(c));
          child.stdout.on("data", (chunk: Buffer) => {
            out += chunk.toString();
          });
          child.on("exit", (code) =>
            code === 0
              ? resolve(Number(out.trim()))
              : reject(new Error(`client exited with ${code}`)),
          );
        }),
    );
    const stored = (await Promise.all(runs)).reduce((a, b) => a + b, 0);
    const used = process.cpuUsage(cpu);
    return {
      perSecond: stored / seconds,
      cpuMicros: (used.user + used.system) / Math.max(1, stored),
    };
  }
  // Three rounds each: on a shared machine one round can land on a busy moment. The median is
  // the figure; the best round shows what the code can do when the machine lets it.
  const rounds = async (batch: number) => {
    const results: { perSecond: number; cpuMicros: number }[] = [];
    for (let i = 0; i < 3; i++) results.push(await clients(batch, 4));
    return results.sort((a, b) => a.perSecond - b.perSecond);
  };
  const single = await rounds(1);
  const batch = await rounds(50);
  const n = 0;

  const rows: Record<string, string | number>[] = [];
  for (const [measure, results] of [
    ["single POST (4 clients)", single],
    ["batch POST of 50 (4 clients)", batch],
  ] as const) {
    const [low, median, best] = results;
    rows.push({
      measure,
      value: `median ${Math.round(median?.perSecond ?? 0)} statements/s (rounds ${Math.round(low?.perSecond ?? 0)}–${Math.round(best?.perSecond ?? 0)}), server CPU ${Math.round(median?.cpuMicros ?? 0)} µs/statement`,
    });
  }

  let loaded = n;
  const loadStart = Date.now();
  // Reads are measured at 100,000 statements and again at the full load (e.g. 1,000,000).
  for (const target of [...new Set([Math.min(100_000, LOAD), LOAD])]) {
    while (loaded < target) {
      const stored = new Date().toISOString();
      const chunk = Array.from({ length: Math.min(2000, target - loaded) }, () =>
        prepareStatement(statement(loaded++, registrations), {
          stored,
          authority: {
            objectType: "Agent",
            account: { homePage: "https://adal.bench", name: "bench" },
          },
          version: "1.0.3",
        }),
      );
      await server.platform.statements.insert(chunk);
    }
    // A live server's autovacuum refreshes the planner's statistics as the table grows; a bulk
    // load outruns it, and with stale statistics PostgreSQL plans the verb filter as a bitmap
    // scan and sort of every matching row (0.7 s at 1M instead of under a millisecond).
    if (backend === "postgres") await server.platform.db.sql.run("ANALYZE");
    rows.push({
      measure: `bulk load to ${target}`,
      value: `${Math.round((loaded - n) / ((Date.now() - loadStart) / 1000))} statements/s (in-process, batches of 2,000)`,
    });
    const filters: Record<string, string> = {
      "no filter": "",
      agent: `agent=${encodeURIComponent(JSON.stringify({ account: { homePage: "https://adal.bench", name: "100042" } }))}`,
      activity: `activity=${encodeURIComponent("https://adal.bench/xapi/activities/quiz-item/p03-item-57")}`,
      verb: `verb=${encodeURIComponent(VERBS[1] ?? "")}`,
      registration: `registration=${registrations[17]}`,
    };
    for (const [name, query] of Object.entries(filters)) {
      const times: number[] = [];
      for (let i = 0; i < 60; i++) {
        const t = performance.now();
        await request(`${server.url}/xapi/statements?limit=100&${query}`, { headers }).then((r) =>
          r.arrayBuffer(),
        );
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      rows.push({
        measure: `GET ${name} @${target}`,
        value: `median ${percentile(times, 0.5).toFixed(1)} ms, p95 ${percentile(times, 0.95).toFixed(1)} ms`,
      });
    }
  }
  if (backend === "sqlite") {
    const size = ["", "-wal"].reduce(
      (sum, suffix) =>
        sum + (statSync(`${env.ADAL_DB}${suffix}`, { throwIfNoEntry: false })?.size ?? 0),
      0,
    );
    rows.push({ measure: "database size", value: `${(size / 1024 / 1024).toFixed(0)} MB` });
  } else {
    const r = await server.platform.db.sql.get<{ size: string }>(
      "SELECT pg_size_pretty(SUM(pg_total_relation_size(quote_ident(schemaname) || '.' || quote_ident(tablename)))::bigint) AS size FROM pg_tables WHERE schemaname = current_schema()",
    );
    rows.push({ measure: "database size", value: String(r?.size) });
  }
  await server.close();
  if (backend === "postgres") {
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
  rmSync(dir, { recursive: true, force: true });
  console.log(`\nLRS on ${backend}, ${LOAD} statements loaded`);
  console.table(rows);
}

for (const backend of values.backend === "both"
  ? (["sqlite", "postgres"] as const)
  : [values.backend as "sqlite" | "postgres"]) {
  await run(backend);
}
console.log(
  "Targets (2 cores, SQLite): ≥ 1,500 single POSTs/s, ≥ 10,000 statements/s in batches, filtered GET p95 ≤ 25 ms at 1M.",
);
