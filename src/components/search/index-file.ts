// The search file, built once per build from the official text and the lessons (memoised: the
// header of every page needs its address). Its address carries a hash of its content, so a page
// always asks for the file it was built with: no cache (the browser's or the service worker's)
// can hand an old index to new code. Astro-specific loading stays here; the rest is src/lib/search.
import { createHash } from "node:crypto";
import { buildSearchIndex } from "../../lib/search/build-index.ts";
import { searchDocuments } from "../../lib/search/documents.ts";
import { sections } from "../../lib/standards/site.ts";
import { lessonsInOrder } from "../lessons.ts";

export interface SearchIndexFile {
  readonly json: string;
  /** First 12 hex digits of the SHA-256 of `json`. */
  readonly hash: string;
  /** Site path: `/search-index.<hash>.json`. */
  readonly url: string;
}

let built: Promise<SearchIndexFile> | null = null;

export function searchIndexFile(): Promise<SearchIndexFile> {
  built ??= (async () => {
    const lessons = (await lessonsInOrder()).map((lesson) => ({
      section: lesson.data.section,
      title: lesson.data.title,
      keyTerms: lesson.data.keyTerms,
      body: lesson.body ?? "",
    }));
    const json = JSON.stringify(buildSearchIndex(searchDocuments(sections, lessons)));
    const hash = createHash("sha256").update(json).digest("hex").slice(0, 12);
    return { json, hash, url: `/search-index.${hash}.json` };
  })();
  return built;
}
