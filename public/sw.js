// @ts-check
/// <reference lib="webworker" />
// Adal's service worker: lessons, practice quizzes and search work offline once visited; the
// eleven practice banks, the search index and the code and pages of search (the home and
// search pages with everything they load) are fetched at install, so search works offline for
// someone who never searched online.
//
// The build writes the manifest below (src/build/service-worker.ts): a build id, the files to
// precache and which hashed asset loads which. Each build has its own cache, `adal-<build>`; a
// new one re-fetches the pages the old one kept, then deletes the old cache with its outdated
// hashed assets. The search index has a content-hashed address, so no cache can hand an old
// index to new code.
//
// Pages: network first, but after 3 s without an answer the cached copy (the network answer
// still refreshes the cache). Hashed assets (/_astro/…), the index and the banks: cache first
// (they never change within a build). The LRS (/xapi/) and the platform API (/api/) are never
// cached: statements wait in the IndexedDB outbox instead, which the page flushes when the
// connection returns.

/** @type {{ build: string, precache: string[], deps: Record<string, string[]> }} */
const MANIFEST = /* build:manifest */ { build: "dev", precache: [], deps: {} } /* end */;

const CACHE = `adal-${MANIFEST.build}`;
const PAGE_TIMEOUT_MS = 3000;
const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));

/** @param {string} path */
const isAsset = (path) => path.startsWith("/_astro/");
/** The LRS and the platform API: never cached. @param {string} path */
const isPlatform = (path) => path.startsWith("/xapi/") || path.startsWith("/api/");
/** @param {string} path */
const isImmutable = (path) =>
  isAsset(path) ||
  path.startsWith("/quiz-banks/") ||
  /^\/search-index\.[0-9a-f]+\.json$/u.test(path);

/** The hashed assets a page loads, with everything they load in turn. @param {string} html */
function pageAssets(html) {
  const seen = new Set();
  const stack = [...html.matchAll(/\/_astro\/[\w.@-]+\.(?:js|css)\b/gu)].map((m) => m[0]);
  while (stack.length > 0) {
    const next = /** @type {string} */ (stack.pop());
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(MANIFEST.deps[next] ?? []));
  }
  return [...seen];
}

/** Fetches into the cache what it lacks; failures are left for the next visit. @param {Cache} cache @param {string[]} paths */
async function fill(cache, paths) {
  await Promise.allSettled(
    paths.map(async (path) => {
      if (await cache.match(path)) return;
      const response = await fetch(path);
      if (response.ok) await cache.put(path, response);
    }),
  );
}

/** Caches a page and the assets it will load (an island hydrated later, search on focus). @param {Cache} cache @param {Request | string} request @param {Response} response */
async function keepPage(cache, request, response) {
  const html = await response.clone().text();
  await cache.put(request, response);
  if (response.headers.get("Content-Type")?.startsWith("text/html"))
    await fill(cache, pageAssets(html));
}

sw.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => fill(cache, MANIFEST.precache))
      .then(() => sw.skipWaiting()),
  );
});

/** Pages an older build's cache kept, fetched again for this build (or, offline, carried over with their assets). */
async function carryOver() {
  const cache = await caches.open(CACHE);
  const old = (await caches.keys()).filter((k) => k !== CACHE && k.startsWith("adal-"));
  for (const name of old) {
    const previous = await caches.open(name);
    for (const request of await previous.keys()) {
      const path = new URL(request.url).pathname;
      if (isImmutable(path) || (await cache.match(request))) continue;
      try {
        const response = await fetch(pageKey(request.url));
        if (!response.ok) throw new Error(String(response.status));
        await keepPage(cache, pageKey(request.url), response);
      } catch {
        const kept = await previous.match(request);
        if (!kept) continue;
        const html = await kept.clone().text();
        await cache.put(pageKey(request.url), kept);
        for (const asset of pageAssets(html)) {
          const copy = await previous.match(asset);
          if (copy && !(await cache.match(asset))) await cache.put(asset, copy);
        }
      }
    }
  }
  await Promise.all((await caches.keys()).filter((k) => k !== CACHE).map((k) => caches.delete(k)));
}

/**
 * The pages open when the worker first takes over were loaded before it could see them: fetch
 * them now, so that the very first visit already counts as "visited" for offline use.
 */
async function keepOpenPages() {
  const cache = await caches.open(CACHE);
  for (const client of await sw.clients.matchAll({ type: "window", includeUncontrolled: true })) {
    const url = new URL(client.url);
    if (url.origin !== sw.location.origin || isPlatform(url.pathname)) continue;
    const key = pageKey(client.url);
    if (await cache.match(key)) continue;
    try {
      const response = await fetch(key);
      if (response.ok) await keepPage(cache, key, response);
    } catch {
      // Offline already: the page is kept on its next visit.
    }
  }
}

sw.addEventListener("activate", (event) => {
  event.waitUntil(sw.clients.claim().then(carryOver).then(keepOpenPages));
});

/**
 * Pages are kept without their query string: a launch address carries the LRS credential
 * (`?endpoint=…&auth=…`), which must never be written to Cache Storage, and one copy per page
 * is all offline reading needs. @param {string} url
 */
function pageKey(url) {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
}

/** @param {Request} request @param {ExtendableEvent} event */
async function networkFirst(request, event) {
  const navigate = request.mode === "navigate";
  const network = fetch(request);
  // The answer refreshes the cache whenever it comes, also after the timeout.
  const store = network.then(async (response) => {
    if (!response.ok) return;
    const copy = response.clone(); // now, before the page reads the body
    const cache = await caches.open(CACHE);
    if (navigate) await keepPage(cache, pageKey(request.url), copy);
    else await cache.put(request, copy);
  });
  event.waitUntil(store.catch(() => undefined));
  /** @type {Promise<Response | undefined>} */
  const late = new Promise((resolve) => {
    setTimeout(() => resolve(lookup(request, navigate)), PAGE_TIMEOUT_MS);
  });
  try {
    // The network's answer, unless it takes longer than the timeout and a cached copy exists.
    return (await Promise.race([network, late])) ?? (await network);
  } catch (error) {
    const fallback = await lookup(request, navigate);
    if (fallback) return fallback;
    throw error;
  }
}

/** This build's copy, or an older build's while it is being carried over. @param {Request} request @param {boolean} navigate */
async function lookup(request, navigate) {
  return caches.match(request, { ignoreSearch: navigate });
}

/** @param {Request} request */
async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

sw.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== sw.location.origin) return;
  if (isPlatform(url.pathname)) return;
  if (isImmutable(url.pathname)) event.respondWith(cacheFirst(request));
  else event.respondWith(networkFirst(request, event));
});
