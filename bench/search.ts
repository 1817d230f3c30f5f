// Search benchmark: index size (raw and gzipped, as served), build time, and query latency
// over the relevance queries. `node bench/search.ts`
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { buildSearchIndex } from "../src/lib/search/build-index.ts";
import { loadSearch, searchIndex } from "../src/lib/search/query.ts";
import { readDocuments } from "../tests/lib/search/corpus.ts";
import { relevanceSet } from "../tests/lib/search/relevance-set.ts";

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

const documents = readDocuments();
const builds: number[] = [];
let data = buildSearchIndex(documents);
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  data = buildSearchIndex(documents);
  builds.push(performance.now() - t);
}
const json = JSON.stringify(data);
const part = (x: unknown) => {
  const s = JSON.stringify(x);
  return `${kb(Buffer.byteLength(s))} raw, ${kb(gzipSync(s).length)} gzip`;
};

const t0 = performance.now();
const { index, docs } = loadSearch(JSON.parse(json));
const loadMs = performance.now() - t0;

// Warm up, then time every query many times (as typed: with prefix matching on).
for (const c of relevanceSet) searchIndex(index, docs, c.query, { limit: 10 });
const times: number[] = [];
for (let round = 0; round < 20; round++) {
  for (const c of relevanceSet) {
    const t = performance.now();
    searchIndex(index, docs, c.query, { limit: 10 });
    times.push(performance.now() - t);
  }
}
times.sort((a, b) => a - b);

console.log(`documents        ${documents.length} (${Object.keys(docs).length} stored)`);
console.log(`index file       ${part(data)}`);
console.log(`  lunr index     ${part(data.index)}`);
console.log(`  doc store      ${part(data.docs)}`);
console.log(`build            ${Math.min(...builds).toFixed(1)} ms (best of 5)`);
console.log(`load in client   ${loadMs.toFixed(1)} ms (JSON.parse + lunr.Index.load)`);
console.log(
  `query latency    p50 ${percentile(times, 50).toFixed(3)} ms, p95 ${percentile(times, 95).toFixed(3)} ms, max ${(times.at(-1) ?? 0).toFixed(3)} ms over ${times.length} queries`,
);
