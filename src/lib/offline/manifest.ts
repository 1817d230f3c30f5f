/**
 * What the service worker is told at build time: a build id (a hash of everything it precaches,
 * so a new build gets a new cache and the old one, with its outdated hashed assets, is deleted),
 * the files to precache, and which hashed asset needs which others (so that caching a page can
 * bring along the scripts it loads later: islands hydrated on idle, search loaded on focus).
 * Pure: the build integration passes the files it read.
 */
import { createHash } from "node:crypto";

export interface OfflineManifest {
  readonly build: string;
  /** Site paths to fetch at install. */
  readonly precache: readonly string[];
  /** For each hashed asset, the hashed assets it loads. */
  readonly deps: Readonly<Record<string, readonly string[]>>;
}

const ASSET = /\/?_astro\/[\w.@-]+\.(?:js|css)\b|\.\/[\w.@-]+\.(?:js|css)\b/gu;

/** The hashed assets (`/_astro/…`) a page or an asset refers to; `./x.js` is relative to /_astro/. */
export function assetRefs(text: string): string[] {
  const out = new Set<string>();
  for (const [match] of text.matchAll(ASSET)) {
    const name = match.slice(match.lastIndexOf("/") + 1);
    out.add(`/_astro/${name}`);
  }
  return [...out];
}

/** Every asset reachable from `start` through `deps`, `start` included. */
export function closure(
  start: Iterable<string>,
  deps: Readonly<Record<string, readonly string[]>>,
): string[] {
  const seen = new Set<string>();
  const stack = [...start];
  while (stack.length > 0) {
    const next = stack.pop() ?? "";
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(deps[next] ?? []));
  }
  return [...seen].sort();
}

export interface BuiltFiles {
  /** Every hashed asset of the build (`/_astro/x.js` → its text). */
  readonly assets: ReadonlyMap<string, string>;
  /** The pages to precache (`/` → its HTML). */
  readonly pages: ReadonlyMap<string, string>;
  /** Other files to precache, by path (quiz banks, the search index) → their bytes. */
  readonly files: ReadonlyMap<string, string | Uint8Array>;
}

export function offlineManifest({ assets, pages, files }: BuiltFiles): OfflineManifest {
  const deps: Record<string, string[]> = {};
  for (const [path, text] of assets)
    if (path.endsWith(".js")) {
      const refs = assetRefs(text).filter((ref) => ref !== path && assets.has(ref));
      if (refs.length > 0) deps[path] = refs;
    }
  const pageAssets = [...pages.values()].flatMap((html) =>
    assetRefs(html).filter((ref) => assets.has(ref)),
  );
  const precache = [...pages.keys(), ...files.keys(), ...closure(pageAssets, deps)];
  const hash = createHash("sha256");
  for (const name of [...assets.keys()].sort()) hash.update(`${name}\n`);
  for (const [path, body] of [...pages, ...files].sort(([a], [b]) => a.localeCompare(b)))
    hash.update(`${path}\n`).update(body);
  return { build: hash.digest("hex").slice(0, 12), precache, deps };
}

const MARKER = /\/\* build:manifest \*\/[\s\S]*?\/\* end \*\//u;

/** The service worker's source with the manifest written between its markers. */
export function injectManifest(source: string, manifest: OfflineManifest): string {
  if (!MARKER.test(source)) throw new Error("sw.js: no /* build:manifest */ … /* end */ marker");
  return source.replace(MARKER, () => `/* build:manifest */ ${JSON.stringify(manifest)} /* end */`);
}
