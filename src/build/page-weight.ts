// The weight of a built page as a browser receives it: HTML, stylesheets and every script the
// page loads by itself (islands included, with everything they import statically), gzipped.
// Scripts that load only on demand (`import()`: the statement sender with @xapi/xapi once there
// is something to send, the search engine on first use; islands hydrated when scrolled into
// view) are counted apart, so a page's first load and its worst case are both visible. Pure:
// the caller reads the files.
import { gzipSync } from "node:zlib";

export interface PageWeight {
  /** Bytes gzipped of the HTML, its stylesheets and the scripts it loads by itself. */
  readonly html: number;
  readonly css: number;
  readonly js: number;
  readonly jsFiles: number;
  /** Bytes gzipped of the scripts loaded only on demand, beyond those above. */
  readonly lazyJs: number;
  readonly lazyFiles: number;
  readonly total: number;
}

/** Reads a site path (`/_astro/x.js`); undefined when the build has no such file. */
export type ReadFile = (path: string) => Uint8Array | string | undefined;

const ENTRY = /(?:<script[^>]+src|rel="modulepreload"[^>]*href)="(\/[^"]+\.js)"/gu;
// Quoted values may hold ">" (an island's serialized props).
const ISLAND = /<astro-island\b(?:[^>"]|"[^"]*")*>/gu;
const attribute = (tag: string, name: string) =>
  new RegExp(`\\s${name}="([^"]*)"`, "u").exec(tag)?.[1] ?? null;
const STYLESHEET = /<link[^>]+rel="stylesheet"[^>]+href="(\/[^"]+\.css)"/gu;
// Rolldown writes relative specifiers, in any quote style, backticks included.
const STATIC = /(?:\bfrom|\bimport)\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]/gu;
const DYNAMIC = /\bimport\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/gu;

const resolve = (from: string, specifier: string) => new URL(specifier, `http://x${from}`).pathname;
const refs = (code: string, pattern: RegExp, from: string) =>
  [...code.matchAll(pattern)].map((m) => resolve(from, m[1] ?? ""));
const text = (body: Uint8Array | string) =>
  typeof body === "string" ? body : Buffer.from(body).toString("utf8");

export const gzipped = (body: Uint8Array | string) => gzipSync(body).length;

/** Scripts reachable from `entries` by static imports; dynamic ones are collected in `later`. */
function reach(entries: Iterable<string>, read: ReadFile, later: Set<string>): Set<string> {
  const seen = new Set<string>();
  const stack = [...entries];
  while (stack.length > 0) {
    const path = stack.pop() ?? "";
    const body = read(path);
    if (seen.has(path) || body === undefined) continue;
    seen.add(path);
    const code = text(body);
    stack.push(...refs(code, STATIC, path));
    for (const next of refs(code, DYNAMIC, path)) later.add(next);
  }
  return seen;
}

export function pageWeight(html: string, read: ReadFile): PageWeight {
  const size = (path: string) => {
    const body = read(path);
    return body === undefined ? 0 : gzipped(body);
  };
  const css = [...html.matchAll(STYLESHEET)].reduce((sum, m) => sum + size(m[1] ?? ""), 0);
  const dynamic = new Set<string>();
  // An island hydrated `client:visible` loads its code only when scrolled into view (the
  // quiz at the end of a lesson): on demand. Every other island loads with the page.
  const entries = [...html.matchAll(ENTRY)].map((m) => m[1] ?? "");
  for (const [tag] of html.matchAll(ISLAND)) {
    const code = [attribute(tag, "component-url"), attribute(tag, "renderer-url")].filter(
      (url): url is string => url !== null,
    );
    if (attribute(tag, "client") === "visible") for (const url of code) dynamic.add(url);
    else entries.push(...code);
  }
  const eager = reach(entries, read, dynamic);
  // What the on-demand imports bring that the page did not already load, transitively.
  const lazy = new Set<string>();
  let frontier = [...dynamic];
  while (frontier.length > 0) {
    const more = new Set<string>();
    for (const path of reach(frontier, read, more))
      if (!eager.has(path) && !lazy.has(path)) lazy.add(path);
    frontier = [...more].filter((p) => !eager.has(p) && !lazy.has(p));
  }
  const sum = (paths: Iterable<string>) => [...paths].reduce((s, p) => s + size(p), 0);
  const htmlBytes = gzipped(html);
  const js = sum(eager);
  return {
    html: htmlBytes,
    css,
    js,
    jsFiles: eager.size,
    lazyJs: sum(lazy),
    lazyFiles: lazy.size,
    total: htmlBytes + css + js,
  };
}
