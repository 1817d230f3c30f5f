// Serves the built site (dist/) with a strict Content-Security-Policy. Astro hashes every
// inline script and style into a CSP <meta>; the header repeats those hashes and adds the
// directives a meta tag cannot carry (frame-ancestors) or that Astro leaves open. The pages
// may connect to this origin and to the LRS the site is pointed at: the origin of
// PUBLIC_LRS_ENDPOINT (the build's LRS) and of each entry of ADAL_LRS_ORIGINS (LRSs that xAPI
// launch parameters may name), nothing else.
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import type { Context } from "hono";
import { chooseEncoding, type EncodedFile, encodeFile, matchesEtag } from "./static-encoding.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml",
  ".webmanifest": "application/manifest+json",
  ".woff2": "font/woff2",
};

/** Origins the pages may send to besides their own, from the environment. */
export function connectOrigins(env: Record<string, string | undefined> = process.env): string[] {
  const origins = new Set<string>();
  const add = (value: string, from: string) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new Error(`${from}: "${value}" is not an absolute http(s) URL.`);
    }
    if (url.protocol !== "https:" && url.protocol !== "http:")
      throw new Error(`${from}: "${value}" is not an http(s) URL.`);
    origins.add(url.origin);
  };
  const endpoint = env.PUBLIC_LRS_ENDPOINT?.trim();
  // A relative endpoint (the default /xapi/) is this origin, already allowed.
  if (endpoint && /^[a-z][a-z0-9+.-]*:/iu.test(endpoint)) add(endpoint, "PUBLIC_LRS_ENDPOINT");
  for (const value of (env.ADAL_LRS_ORIGINS ?? "").split(/[\s,]+/u))
    if (value) add(value, "ADAL_LRS_ORIGINS");
  return [...origins];
}

const basePolicy = (connect: readonly string[]) => [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  ["connect-src 'self'", ...connect].join(" "),
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/** The page's CSP: its own script-src/style-src hashes (or 'self') plus the fixed directives. */
export function pagePolicy(html: string, connect: readonly string[] = []): string {
  const meta =
    /<meta http-equiv="content-security-policy" content="([^"]+)"/u.exec(html)?.[1] ?? "";
  const directive = (name: string) =>
    meta
      .split(";")
      .map((d) => d.trim())
      .find((d) => d.startsWith(`${name} `)) ?? `${name} 'self'`;
  return [...basePolicy(connect), directive("script-src"), directive("style-src")].join("; ");
}

/**
 * A path the browser can only read as one on this site: `//ru` (a page directory asked for
 * with a doubled slash) would be a protocol-relative URL in a Location header, sending the
 * browser to the host `ru`. Leading slashes (and backslashes, which browsers treat alike)
 * collapse to one.
 */
export function localPath(path: string): string {
  return `/${path.replace(/^[/\\]+/u, "")}`;
}

export function staticSite(dir: string, env: Record<string, string | undefined> = process.env) {
  const root = resolve(dir);
  const connect = connectOrigins(env);
  const cache = new Map<string, { file: EncodedFile; type: string; csp: string | null }>();

  async function load(path: string) {
    const hit = cache.get(path);
    if (hit) return hit;
    const body = await readFile(path);
    const type = TYPES[extname(path)] ?? "application/octet-stream";
    const entry = {
      file: await encodeFile(new Uint8Array(body), type),
      type,
      csp: type.startsWith("text/html") ? pagePolicy(body.toString("utf8"), connect) : null,
    };
    if (cache.size < 2000) cache.set(path, entry);
    return entry;
  }

  async function find(urlPath: string): Promise<string | null> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return null;
    }
    // /verify/<code> and /ru/verify/<code> are one static page that reads the code itself.
    const verify = /^(\/ru)?\/verify\/[A-Za-z0-9-]+\/?$/u.exec(decoded);
    if (verify) decoded = `${verify[1] ?? ""}/verify/`;
    // Dotfiles (the build's own notes) are never served.
    if (/(^|\/)\./u.test(decoded)) return null;
    const file = join(root, normalize(decoded));
    if (!file.startsWith(root)) return null;
    for (const candidate of [file, join(file, "index.html")]) {
      const info = await stat(candidate).catch(() => null);
      if (info?.isFile()) return candidate;
    }
    return null;
  }

  return async (c: Context) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return c.text("Method not allowed", 405);
    const path = new URL(c.req.url).pathname;
    const file = await find(path);
    if (file && !path.endsWith("/") && file.endsWith("index.html") && !/\/verify\//u.test(path)) {
      return c.redirect(`${localPath(path)}/`, 301);
    }
    const notFound = file ? null : await find("/404.html");
    const target = file ?? notFound;
    if (!target) return c.text("Not found", 404);
    const entry = await load(target);
    c.header("Content-Type", entry.type);
    // A worker's own fetches obey the policy its script was served with.
    c.header("Content-Security-Policy", entry.csp ?? "default-src 'self'; frame-ancestors 'none'");
    c.header(
      "Cache-Control",
      path.startsWith("/_astro/") ? "public, max-age=31536000, immutable" : "no-cache",
    );
    const status = file ? 200 : 404;
    const { etag, variants } = entry.file;
    c.header("ETag", etag);
    c.header("Vary", "Accept-Encoding");
    if (status === 200 && matchesEtag(c.req.header("if-none-match"), etag))
      return c.body(null, 304);
    const available = Object.keys(variants) as (keyof typeof variants)[];
    const encoding = chooseEncoding(c.req.header("accept-encoding"), available);
    const body = variants[encoding] ?? variants.identity;
    if (encoding !== "identity") c.header("Content-Encoding", encoding);
    c.header("Content-Length", String(body.byteLength));
    if (c.req.method === "HEAD") return c.body(null, status);
    return c.body(body as Uint8Array<ArrayBuffer>, status);
  };
}
