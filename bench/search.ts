// Search benchmark: the index file as served (raw and gzipped), build and load time, and query
// latency in Node: a cold first pass on a freshly loaded index, warm submitted queries, and
// the typing workload (every prefix of every query, as the header box and the results page
// run it) at both result limits. Each query is timed by the wall clock and by the CPU time of
// the process: on a shared machine the wall clock also counts the time other processes had the
// CPU, and the CPU figure is the steadier one. `npm run bench:search`
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { buildSearchIndex } from "../src/lib/search/build-index.ts";
import { loadSearch, searchIndex } from "../src/lib/search/query.ts";
import { readDocuments } from "../tests/lib/search/corpus.ts";
import { relevanceSet } from "../tests/lib/search/relevance-set.ts";

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (x: number) => `${x.toFixed(3)} ms`;
const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const median = (xs: readonly number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );

function size(x: unknown): string {
  const s = JSON.stringify(x);
  return `${kb(Buffer.byteLength(s))} raw, ${kb(gzipSync(s).length)} gzip (${kb(gzipSync(s, { level: 9 }).length)} at -9)`;
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Wall-clock and CPU p50 / p95 / max of `run` over `queries`, `rounds` times. */
function timed(queries: readonly string[], rounds: number, run: (q: string) => unknown): string {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let round = 0; round < rounds; round++)
    for (const q of queries) {
      const c = cpuMs();
      const t = performance.now();
      run(q);
      wall.push(performance.now() - t);
      cpu.push(cpuMs() - c);
    }
  const figures = (xs: number[]) => {
    xs.sort((a, b) => a - b);
    return `p50 ${ms(percentile(xs, 50))}, p95 ${ms(percentile(xs, 95))}, max ${ms(xs.at(-1) ?? 0)}`;
  };
  return `${wall.length} queries\n    wall ${figures(wall)}\n    cpu  ${figures(cpu)}`;
}

const documents = readDocuments();
const builds: number[] = [];
let data = buildSearchIndex(documents);
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  data = buildSearchIndex(documents);
  builds.push(performance.now() - t);
}
const json = JSON.stringify(data);

const loads: number[] = [];
const loadsCpu: number[] = [];
for (let i = 0; i < 15; i++) {
  const c = cpuMs();
  const t = performance.now();
  loadSearch(JSON.parse(json));
  loads.push(performance.now() - t);
  loadsCpu.push(cpuMs() - c);
}

const queries = relevanceSet.map((c) => c.query);
const submitted = relevanceSet.filter((c) => c.kind !== "prefix").map((c) => c.query);
// Every prefix of every query, as someone types it (what the box searches on each key).
const typing = [
  ...new Set(
    queries.flatMap((q) => [...q].map((_, i) => q.slice(0, i + 1)).filter((p) => p.trim())),
  ),
];

// Cold: a freshly loaded index, each query run once, first time for every document it hits.
const cold = loadSearch(JSON.parse(json));
const coldPass = timed(submitted, 1, (q) => searchIndex(cold, q, { limit: 30, prefix: false }));

const search = loadSearch(JSON.parse(json));
for (const q of typing) searchIndex(search, q, { limit: 30 }); // warm up

console.log(`documents        ${documents.length}`);
console.log(`index file       ${size(data)}`);
console.log(`  lunr index     ${size(data.index)}`);
console.log(`  documents      ${size([data.docs, data.titles])}`);
console.log(`build            ${Math.min(...builds).toFixed(1)} ms (best of 5)`);
console.log(
  `load in client   ${median(loads).toFixed(1)} ms wall, ${median(loadsCpu).toFixed(1)} ms cpu (median of 15: JSON.parse + loadSearch)`,
);
console.log(`cold first pass  (fresh index, submitted, limit 30) ${coldPass}`);
console.log(
  `submitted        (limit 30) ${timed(submitted, 10, (q) => searchIndex(search, q, { limit: 30, prefix: false }))}`,
);
for (const limit of [6, 30])
  console.log(
    `typing, limit ${String(limit).padEnd(2)} (${typing.length} prefixes × 3) ${timed(typing, 3, (q) => searchIndex(search, q, { limit }))}`,
  );
