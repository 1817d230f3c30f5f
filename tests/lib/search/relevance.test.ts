// Relevance of the whole search (pipeline + index + query) on the real text and lessons:
// recall@5 of the clauses each query must find, overall and per category, both as submitted
// (the results page for a link or the button: no prefix matching) and as typed (the header
// box: the last word also as a prefix). Half-typed queries are only run as typed.
import { beforeAll, describe, expect, it } from "vitest";
import { buildSearchIndex } from "../../../src/lib/search/build-index.ts";
import { type LoadedSearch, loadSearch, searchIndex } from "../../../src/lib/search/query.ts";
import { readDocuments } from "./corpus.ts";
import { heldOutSet } from "./held-out-set.ts";
import { type Category, type Kind, projectSet, relevanceSet } from "./relevance-set.ts";

let search: LoadedSearch;

beforeAll(() => {
  // Through JSON, exactly as the browser receives it.
  search = loadSearch(JSON.parse(JSON.stringify(buildSearchIndex(readDocuments()))));
});

const KINDS: readonly Kind[] = [
  "dictionary",
  "phrase",
  "russian-keyboard",
  "latin",
  "russian",
  "typo",
  "prefix",
];

type Mode = "submitted" | "typed";

function top5(query: string, mode: Mode): string[] {
  return searchIndex(search, query, { limit: 5, prefix: mode === "typed" }).map(
    (r) => r.clauseId ?? r.ref,
  );
}

interface Row {
  queries: number;
  expected: number;
  found: number;
}

/** recall@5 per category (and held-out per kind), printed, and the overall figure. */
function measure(mode: Mode): number {
  const rows = new Map<string, Row>();
  const add = (name: string, expected: number, found: number) => {
    const row = rows.get(name) ?? { queries: 0, expected: 0, found: 0 };
    row.queries++;
    row.expected += expected;
    row.found += found;
    rows.set(name, row);
  };
  const misses: string[] = [];
  for (const c of relevanceSet) {
    if (mode === "submitted" && c.kind === "prefix") continue;
    const got = top5(c.query, mode);
    const found = c.expect.filter((id) => got.includes(id)).length;
    add(c.category, c.expect.length, found);
    if (c.category === "held-out") add(`  held-out ${c.kind}`, c.expect.length, found);
    add("overall", c.expect.length, found);
    if (found < c.expect.length)
      misses.push(`${c.query}: expected ${c.expect.join(", ")}, got ${got.join(", ")}`);
  }
  console.log(`recall@5, ${mode}`);
  console.table(
    [...rows].map(([category, r]) => ({
      category,
      queries: r.queries,
      "recall@5": Number((r.found / r.expected).toFixed(3)),
    })),
  );
  if (misses.length > 0) console.log(`Misses (${mode}):\n${misses.join("\n")}`);
  const overall = rows.get("overall");
  return overall ? overall.found / overall.expected : 0;
}

describe("relevance", () => {
  it("has 40+ written queries plus the 56 held-out ones, and queries of every kind", () => {
    expect(projectSet.length).toBeGreaterThanOrEqual(40);
    expect(heldOutSet).toHaveLength(56);
    const categories = new Set<Category>(relevanceSet.map((c) => c.category));
    expect([...categories].sort()).toEqual([...KINDS, "held-out"].sort());
    for (const kind of KINDS) {
      expect(projectSet.filter((c) => c.kind === kind).length, kind).toBeGreaterThanOrEqual(5);
      expect(heldOutSet.filter(([k]) => k === kind).length, kind).toBeGreaterThanOrEqual(4);
    }
  });

  it("finds the expected clauses in the top five as submitted (recall@5 ≥ 0.95)", () => {
    expect(measure("submitted")).toBeGreaterThanOrEqual(0.95);
  });

  it("finds the expected clauses in the top five as typed (recall@5 ≥ 0.95)", () => {
    expect(measure("typed")).toBeGreaterThanOrEqual(0.95);
  });
});
