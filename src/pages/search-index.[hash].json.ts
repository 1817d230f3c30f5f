// The search index as one static file at a content-hashed address (see
// components/search/index-file.ts), fetched by the search islands on first use.
import type { APIRoute, GetStaticPaths } from "astro";
import { searchIndexFile } from "../components/search/index-file.ts";

export const getStaticPaths = (async () => {
  const { hash } = await searchIndexFile();
  return [{ params: { hash } }];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async () =>
  new Response((await searchIndexFile()).json, {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
