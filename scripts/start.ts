// `npm start`: builds the site when it is missing or older than its sources, migrates the
// database, seeds the demo data on first run, and serves everything on one origin.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { BUILD_ENV_FILE, buildEnvFingerprint } from "../src/build/build-env.ts";
import { readConfig } from "../src/server/config.ts";
import { generateHistory, loadDemoBanks } from "../src/server/demo/generate.ts";
import { DEMO_ADMIN, DEMO_OFFICER, seedDemo } from "../src/server/demo/seed.ts";
import { startServer } from "../src/server/main.ts";

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(info.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const config = readConfig();
const built = join(config.ADAL_STATIC_DIR, "index.html");
const sources = Math.max(
  ...["src", "content", "quizzes/practice", "public", "astro.config.mjs"].map(newest),
);
const fingerprint = join(config.ADAL_STATIC_DIR, BUILD_ENV_FILE);
// A site built for another LRS or origin (PUBLIC_LRS_*, ADAL_SITE_URL) is built again too.
const builtFor = existsSync(fingerprint) ? readFileSync(fingerprint, "utf8").trim() : null;
const stale =
  !existsSync(built) ||
  statSync(built).mtimeMs < Math.max(sources, newest("package-lock.json")) ||
  builtFor !== buildEnvFingerprint(process.env);
if (stale) {
  console.log("Building the site…");
  const build = spawnSync(process.execPath, ["node_modules/astro/bin/astro.mjs", "build"], {
    stdio: "inherit",
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = await startServer(config);
const seed = await seedDemo(server.platform.accounts, config.ADAL_DEMO_PASSWORD, new Date());
console.log(`\nAdal is running at ${server.url}  (${server.platform.db.describe})`);
console.log(`  site ${server.url}/   LRS ${server.url}/xapi/   API ${server.url}/api/`);
if (seed.seeded) {
  const password = seed.generatedPassword ?? "(the value of ADAL_DEMO_PASSWORD)";
  console.log("\nDemo people were created. Sign in at /signin/ with:");
  console.log(`  administrator     ${DEMO_ADMIN}`);
  console.log(`  training officer  ${DEMO_OFFICER}`);
  console.log("  learners          100001 … 100030");
  console.log(
    `  password          ${password}${seed.generatedPassword ? "   (shown once; set ADAL_DEMO_PASSWORD to choose it)" : ""}`,
  );
}
if (seed.seeded && config.ADAL_DEMO_HISTORY > 0) {
  // A year of synthetic learners' history (through the LRS, as the site and the exam write it),
  // so the reports show something; the named demo learners above stay untouched for trying.
  const result = await generateHistory(server.platform.accounts, server.platform.statements, {
    learners: config.ADAL_DEMO_HISTORY,
    months: 12,
    origin: config.origin,
    now: new Date(),
    banks: loadDemoBanks(config.ADAL_QUIZ_DIR),
  });
  console.log(
    `  plus ${result.learners} synthetic learners (numbers 500000 …) with a year of history, ${result.statements} statements, for the reports (ADAL_DEMO_HISTORY=0 for none)`,
  );
}
if (server.platform.examProblem)
  console.log(`\nNote: the exam is unavailable: ${server.platform.examProblem}`);
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => void server.close().then(() => process.exit(0)));
