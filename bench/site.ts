// Prints the weight of every page type of the built site, gzipped, fonts excluded: what a page
// loads by itself (HTML + CSS + its scripts and islands) and, apart, what it may load on demand
// (an island hydrated when scrolled to, the statement sender and @xapi/xapi when a signed-in
// learner's records are sent, the search engine on first use). Each row is the heaviest page
// of its type, in both languages.
// Usage: npm run build && npm run bench:site   (exits 1 when a lesson page is over the target)
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { type PageWeight, pageWeight } from "../src/build/page-weight.ts";

const dist = "dist";
const LESSON_TARGET = 40 * 1024;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return entry.name === "index.html" ? [path] : [];
  });
}

const read = (path: string) => {
  const file = join(dist, path);
  return existsSync(file) ? readFileSync(file) : undefined;
};

/** `/ru/lessons/10/` → `lesson`; `/` → `home`. */
const typeOf = (url: string) =>
  url
    .replace(/^\/ru\//u, "/")
    .split("/")
    .filter(Boolean)[0]
    ?.replace(/s$/u, "") ?? "home";

if (!existsSync(join(dist, "index.html"))) {
  console.error("No built site in dist/: run `npm run build` first.");
  process.exit(1);
}
const heaviest = new Map<string, { url: string; pages: number; w: PageWeight }>();
for (const file of htmlFiles(dist)) {
  const url = `/${relative(dist, file).replace(/index\.html$/u, "")}`;
  const w = pageWeight(readFileSync(file, "utf8"), read);
  const type = typeOf(url);
  const seen = heaviest.get(type);
  if (!seen || w.total > seen.w.total)
    heaviest.set(type, { url, pages: (seen?.pages ?? 0) + 1, w });
  else seen.pages++;
}
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const rows = [...heaviest].map(([type, { url, pages, w }]) => ({
  type,
  pages,
  heaviest: url,
  "html gz": w.html,
  "css gz": w.css,
  "js gz": `${w.js} (${w.jsFiles} files)`,
  "page KB gz": kb(w.total),
  "+ on demand KB gz": `${kb(w.lazyJs)} (${w.lazyFiles} files)`,
}));
console.table(rows);
const lesson = heaviest.get("lesson");
console.log(
  `target: every lesson page under ${LESSON_TARGET / 1024} KB gzipped as loaded (fonts excluded); ` +
    `heaviest ${lesson?.url} ${kb(lesson?.w.total ?? 0)} KB, ` +
    `${kb((lesson?.w.total ?? 0) + (lesson?.w.lazyJs ?? 0))} KB with all it may load on demand (its quiz, the sender, search)`,
);
if (!lesson || lesson.w.total > LESSON_TARGET) {
  console.log("a lesson page is OVER the target");
  process.exit(1);
}
