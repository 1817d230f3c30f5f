// Loads lunr, the Kazakh pipeline and the index only when search is first used, so pages stay
// light; the index lives at one stable URL so the browser (and later the service worker) can
// cache it and search keeps working offline.
import type { SearchResult } from "../../lib/search/query.ts";

export const INDEX_URL = "/search-index.json";

export type Search = (query: string, limit: number) => SearchResult[];

let pending: Promise<Search> | null = null;

export function loadSearch(): Promise<Search> {
  pending ??= (async () => {
    const [query, response] = await Promise.all([
      import("../../lib/search/query.ts"),
      fetch(INDEX_URL),
    ]);
    if (!response.ok) throw new Error(`search index: HTTP ${response.status}`);
    const { index, docs } = query.loadSearch(await response.json());
    return (q: string, limit: number) => query.searchIndex(index, docs, q, { limit });
  })();
  // A failed load (offline before the index was ever cached) may be retried later.
  pending.catch(() => {
    pending = null;
  });
  return pending;
}
