// Relevance of the whole search (pipeline + index + query) on the real text and lessons:
// recall@5 of the clauses each query must find, overall and per kind of query.
import { beforeAll, describe, expect, it } from "vitest";
import { buildSearchIndex } from "../../../src/lib/search/build-index.ts";
import { type LoadedSearch, loadSearch, searchIndex } from "../../../src/lib/search/query.ts";
import { readDocuments } from "./corpus.ts";
import { type Category, relevanceSet } from "./relevance-set.ts";

let search: LoadedSearch;

beforeAll(() => {
  // Through JSON, exactly as the browser receives it.
  search = loadSearch(JSON.parse(JSON.stringify(buildSearchIndex(readDocuments()))));
});

function top5(query: string): string[] {
  return searchIndex(search.index, search.docs, query, { limit: 5 }).map(
    (r) => r.clauseId ?? r.ref,
  );
}

describe("relevance", () => {
  it("has at least 40 queries in every category", () => {
    expect(relevanceSet.length).toBeGreaterThanOrEqual(40);
    const categories = new Set(relevanceSet.map((c) => c.category));
    expect([...categories].sort()).toEqual(
      ["dictionary", "latin", "phrase", "prefix", "russian", "russian-keyboard", "typo"].sort(),
    );
  });

  it("finds the expected clauses in the top five (recall@5 ≥ 0.95)", () => {
    const perCategory = new Map<Category, { queries: number; expected: number; found: number }>();
    const misses: string[] = [];
    for (const c of relevanceSet) {
      const got = top5(c.query);
      const found = c.expect.filter((id) => got.includes(id)).length;
      const row = perCategory.get(c.category) ?? { queries: 0, expected: 0, found: 0 };
      row.queries++;
      row.expected += c.expect.length;
      row.found += found;
      perCategory.set(c.category, row);
      if (found < c.expect.length)
        misses.push(`${c.query}: expected ${c.expect.join(", ")}, got ${got.join(", ")}`);
    }
    const table = [...perCategory].map(([category, r]) => ({
      category,
      queries: r.queries,
      "recall@5": Number((r.found / r.expected).toFixed(3)),
    }));
    const expected = [...perCategory.values()].reduce((n, r) => n + r.expected, 0);
    const found = [...perCategory.values()].reduce((n, r) => n + r.found, 0);
    const overall = found / expected;
    table.push({
      category: "overall" as Category,
      queries: relevanceSet.length,
      "recall@5": Number(overall.toFixed(3)),
    });
    console.table(table);
    if (misses.length > 0) console.log(`Misses:\n${misses.join("\n")}`);
    expect(overall).toBeGreaterThanOrEqual(0.95);
  });
});
