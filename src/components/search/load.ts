// Loads lunr, the Kazakh pipeline and the index only when search is first used, so pages stay
// light. The index address carries a hash of its content (the page names the file it was built
// with), and the loader refuses a file of another format version rather than misreading it.
import type { SearchResult } from "../../lib/search/query.ts";

/** Runs a query: `typed` while someone types (the last word also as a prefix). */
export type Search = (query: string, limit: number, typed: boolean) => SearchResult[];

const pending = new Map<string, Promise<Search>>();

export function loadSearch(indexUrl: string): Promise<Search> {
  let loading = pending.get(indexUrl);
  if (!loading) {
    loading = (async () => {
      const [query, response] = await Promise.all([
        import("../../lib/search/query.ts"),
        fetch(indexUrl),
      ]);
      if (!response.ok) throw new Error(`search index: HTTP ${response.status}`);
      const search = query.loadSearch(await response.json());
      return (q: string, limit: number, typed: boolean) =>
        query.searchIndex(search, q, { limit, prefix: typed });
    })();
    pending.set(indexUrl, loading);
    // A failed load (offline before the index was ever cached) may be retried later.
    loading.catch(() => pending.delete(indexUrl));
  }
  return loading;
}
