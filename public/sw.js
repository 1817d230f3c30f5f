// @ts-check
/// <reference lib="webworker" />
// Adal's service worker: lessons, practice quizzes and search work offline once visited; the
// eleven practice banks (static JSON, ~90 KB gzipped together) are fetched at install.
// Pages: network first (fresh content when online), cache as fallback. Hashed assets under
// /_astro/: cache first (immutable). The search index: stale-while-revalidate.
// The LRS (/xapi/) and the platform API (/api/) are never cached: statements wait in the
// IndexedDB outbox instead, which the page flushes when the connection returns.

const VERSION = "adal-v2";
const BANKS = Array.from({ length: 11 }, (_, i) => `/quiz-banks/${i + 1}.json`);
const CORE = ["/", "/ru/", "/search-index.json", ...BANKS];
const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));

sw.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(VERSION)
      .then((cache) => cache.addAll(CORE).catch(() => undefined))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== VERSION).map((k) => caches.delete(k))))
      .then(() => sw.clients.claim()),
  );
});

/** @param {Request} request */
async function networkFirst(request) {
  const cache = await caches.open(VERSION);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(request, { ignoreSearch: request.mode === "navigate" });
    if (cached) return cached;
    throw error;
  }
}

/** @param {Request} request */
async function cacheFirst(request) {
  const cache = await caches.open(VERSION);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

/** @param {Request} request @param {ExtendableEvent} event */
async function staleWhileRevalidate(request, event) {
  const cache = await caches.open(VERSION);
  const cached = await cache.match(request);
  const refresh = fetch(request).then(async (response) => {
    if (response.ok) await cache.put(request, response.clone());
    return response;
  });
  if (cached) {
    event.waitUntil(refresh.catch(() => undefined));
    return cached;
  }
  return refresh;
}

sw.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== sw.location.origin) return;
  if (url.pathname.startsWith("/xapi/") || url.pathname.startsWith("/api/")) return;
  if (url.pathname.startsWith("/_astro/")) event.respondWith(cacheFirst(request));
  else if (url.pathname === "/search-index.json")
    event.respondWith(staleWhileRevalidate(request, event));
  else event.respondWith(networkFirst(request));
});
