import { beforeAll, describe, expect, it } from "vitest";
import { buildSearchIndex } from "../../../src/lib/search/build-index.ts";
import { expandRussian } from "../../../src/lib/search/glossary-ru.ts";
import { type LoadedSearch, loadSearch, searchIndex } from "../../../src/lib/search/query.ts";
import { readDocuments } from "./corpus.ts";

let search: LoadedSearch;
const find = (q: string, limit = 5) => searchIndex(search.index, search.docs, q, { limit });
const ids = (q: string) => find(q).map((r) => r.clauseId ?? r.ref);
const marked = (r: ReturnType<typeof find>[number]) =>
  r.snippet.highlights.map(([s, e]) => r.snippet.text.slice(s, e));

beforeAll(() => {
  search = loadSearch(JSON.parse(JSON.stringify(buildSearchIndex(readDocuments()))));
});

describe("searchIndex", () => {
  it("highlights the inflected words of the original text", () => {
    const hit = find("сыйлык").find((r) => r.clauseId === "2.10");
    expect(hit?.url).toBe("/lessons/2/#clause-2-10");
    expect(hit?.snippet.text).toBe(
      "қызметтік өкілеттіктерді орындаумен байланысты сыйлықтар алмауы;",
    );
    expect(hit && marked(hit)).toEqual(["сыйлықтар"]);
  });

  it("highlights the whole Kazakh phrase for a Russian query", () => {
    const hit = find("конфликт интересов").find((r) => r.clauseId === "2.16");
    expect(hit && marked(hit)).toEqual(["мүдделер жанжалына"].flatMap((p) => p.split(" ")));
  });

  it("treats lunr's query syntax as plain characters", () => {
    expect(() => find("ҚР: заң ~ ^2 -пара +сыйлық*")).not.toThrow();
    expect(ids("-пара")).toContain("5.1");
    expect(ids("сыйлық:")).toContain("2.10");
  });

  it("returns nothing for stop words or an empty query", () => {
    expect(find("")).toEqual([]);
    expect(find("және туралы")).toEqual([]);
    expect(find("  — ")).toEqual([]);
  });

  it("keeps negation and -сыз apart", () => {
    expect(ids("заңсыз").slice(0, 3)).not.toContain("2.2");
    expect(ids("заңсыз")).toContain("2.21");
  });

  it("ranks clause text above lesson explanations", () => {
    expect(find("куәлік")[0]?.kind).toBe("clause");
  });
});

describe("expandRussian", () => {
  it("replaces Russian words and phrases, keeps Kazakh ones", () => {
    expect(expandRussian(["подарки", "сыйлық"]).map((w) => w.word)).toEqual(["сыйлық", "сыйлық"]);
    expect(expandRussian(["Конфликт", "интересов"]).map((w) => w.word)).toEqual([
      "мүдделер",
      "жанжалы",
    ]);
    expect(expandRussian(["тургын", "уй"]).every((w) => !w.fromGlossary)).toBe(true);
  });
});
