// The practice bank of each section as a static JSON file, fetched by the quiz at the end of
// a lesson (the exam pool is never read here: it lives only on the server).
import type { APIRoute, GetStaticPaths } from "astro";
import { practiceItems } from "../../components/quiz/banks.ts";

export const getStaticPaths = (() =>
  Array.from({ length: 11 }, (_, i) => ({
    params: { n: String(i + 1) },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(practiceItems(Number(params.n))), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
