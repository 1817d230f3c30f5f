// The search index, built once at build time and served as a static asset at a stable URL
// (/search-index.json) so browsers and the offline cache can keep it. Astro-specific loading
// stays here; everything else is src/lib/search.
import type { APIRoute } from "astro";
import { lessonsInOrder } from "../components/lessons.ts";
import { buildSearchIndex } from "../lib/search/build-index.ts";
import { searchDocuments } from "../lib/search/documents.ts";
import { sections } from "../lib/standards/site.ts";

export const prerender = true;

export const GET: APIRoute = async () => {
  const lessons = (await lessonsInOrder()).map((lesson) => ({
    section: lesson.data.section,
    title: lesson.data.title,
    keyTerms: lesson.data.keyTerms,
    body: lesson.body ?? "",
  }));
  const index = buildSearchIndex(searchDocuments(sections, lessons));
  return new Response(JSON.stringify(index), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
};
