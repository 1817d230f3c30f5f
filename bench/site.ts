// Prints the weight of each page type of the built site: HTML + CSS + JS, gzipped, counting
// every script the page can load (islands included, also the lazy ones). Fonts are excluded.
// Usage: npm run build && npm run bench:site
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";

const dist = "dist";
const LESSON_TARGET = 40 * 1024;
const pages: Record<string, string> = {
  home: "/",
  "lesson (2)": "/lessons/2/",
  "lesson (10)": "/lessons/10/",
  "lesson ru (2)": "/ru/lessons/2/",
  quiz: "/quiz/2/",
  search: "/search/",
  exam: "/exam/",
};

const gz = (path: string) => gzipSync(readFileSync(path)).length;
const fileFor = (url: string) => join(dist, url.split(/[?#]/u)[0] ?? "");

function jsClosure(entry: string, seen: Set<string>): void {
  if (seen.has(entry) || !existsSync(entry)) return;
  seen.add(entry);
  const code = readFileSync(entry, "utf8");
  for (const m of code.matchAll(/(?:import|from)\s*\(?\s*["'](\.{1,2}\/[^"']+\.js)["']/gu)) {
    jsClosure(join(dirname(entry), m[1] ?? ""), seen);
  }
}

const rows = [];
let failed = false;
for (const [type, url] of Object.entries(pages)) {
  const htmlPath = join(dist, url, "index.html");
  if (!existsSync(htmlPath)) continue;
  const html = readFileSync(htmlPath, "utf8");
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/gu)].map(
    (m) => m[1] ?? "",
  );
  const scripts = new Set<string>();
  const refs = html.matchAll(
    /(?:<script[^>]+src|component-url|renderer-url|modulepreload"[^>]*href)="([^"]+\.js)"/gu,
  );
  for (const m of refs) jsClosure(fileFor(m[1] ?? ""), scripts);
  const cssBytes = css.reduce((sum, href) => sum + gz(fileFor(href)), 0);
  const jsBytes = [...scripts].reduce((sum, file) => sum + gz(file), 0);
  const total = gz(htmlPath) + cssBytes + jsBytes;
  if (type.startsWith("lesson") && total > LESSON_TARGET) failed = true;
  rows.push({
    page: type,
    url,
    "html gz": gz(htmlPath),
    "css gz": cssBytes,
    "js gz": jsBytes,
    "js files": scripts.size,
    "total KB gz": (total / 1024).toFixed(1),
  });
}
console.table(rows);
console.log(`target: lesson pages under ${LESSON_TARGET / 1024} KB gzipped (fonts excluded)`);
if (failed) console.log("a lesson page is OVER the target");
