// Astro integration: after the build, writes the service worker's manifest (build id, files to
// precache, asset dependencies; see src/lib/offline/manifest.ts) into dist/sw.js, which Astro
// copied from public/sw.js. The public file keeps an empty manifest, which is what `astro dev`
// serves.
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { injectManifest, offlineManifest } from "../lib/offline/manifest.ts";

/** Pages precached at install: the home pages and the search pages (offline search). */
const PAGES = ["/", "/ru/", "/search/", "/ru/search/"];

async function readAssets(dist: string): Promise<Map<string, string>> {
  const dir = join(dist, "_astro");
  const names = (await readdir(dir)).filter((n) => /\.(?:js|css)$/u.test(n)).sort();
  const assets = new Map<string, string>();
  for (const name of names) assets.set(`/_astro/${name}`, await readFile(join(dir, name), "utf8"));
  return assets;
}

async function readPrecached(dist: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  const banks = (await readdir(join(dist, "quiz-banks"))).filter((n) => n.endsWith(".json"));
  for (const name of banks.sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10)))
    files.set(`/quiz-banks/${name}`, await readFile(join(dist, "quiz-banks", name)));
  const index = (await readdir(dist)).filter((n) => /^search-index\.[0-9a-f]+\.json$/u.test(n));
  if (index.length !== 1)
    throw new Error(`service worker: expected one search index, found ${index.length}`);
  for (const name of index) files.set(`/${name}`, await readFile(join(dist, name)));
  return files;
}

export function serviceWorker(): AstroIntegration {
  return {
    name: "adal-service-worker",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const pages = new Map<string, string>();
        for (const page of PAGES)
          pages.set(page, await readFile(join(dist, page, "index.html"), "utf8"));
        const manifest = offlineManifest({
          assets: await readAssets(dist),
          pages,
          files: await readPrecached(dist),
        });
        const path = join(dist, "sw.js");
        await writeFile(path, injectManifest(await readFile(path, "utf8"), manifest));
        logger.info(
          `sw.js: build ${manifest.build}, ${manifest.precache.length} files to precache`,
        );
      },
    },
  };
}
