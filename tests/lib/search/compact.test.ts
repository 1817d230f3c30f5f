// The wire format recomputes lunr's BM25 weights at load: they must equal, to the last
// digit, those of an index lunr builds itself from the same documents.
import lunr from "lunr";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSearchIndex, FIELD_BOOSTS } from "../../../src/lib/search/build-index.ts";
import { INDEX_FORMAT } from "../../../src/lib/search/compact.ts";
import { useKazakh } from "../../../src/lib/search/pipeline.ts";
import { type LoadedSearch, loadSearch } from "../../../src/lib/search/query.ts";
import { readDocuments } from "./corpus.ts";

const documents = readDocuments();
let loaded: LoadedSearch;
let own: lunr.Index;

beforeAll(() => {
  loaded = loadSearch(JSON.parse(JSON.stringify(buildSearchIndex(documents))));
  const built = lunr(function () {
    useKazakh(this);
    this.ref("ref");
    for (const [field, boost] of Object.entries(FIELD_BOOSTS)) this.field(field, { boost });
    for (const [i, doc] of documents.entries()) this.add({ ref: String(i), ...doc.fields });
  });
  own = lunr.Index.load(JSON.parse(JSON.stringify(built)));
});

type Vectors = Record<string, { elements: number[] }>;

describe(`search file format ${INDEX_FORMAT}`, () => {
  it("gives every (field, document) the vector lunr's Builder gives it", () => {
    const ours = (loaded.index as unknown as { fieldVectors: Vectors }).fieldVectors;
    const theirs = (own as unknown as { fieldVectors: Vectors }).fieldVectors;
    const nonEmpty = Object.entries(theirs).filter(([, v]) => v.elements.length > 0);
    expect(nonEmpty.length).toBeGreaterThan(documents.length);
    // term indexes differ (lunr numbers terms as it meets them, the file in sorted order), so
    // compare term → weight
    const ourTerms = loaded.vocabulary.sorted;
    const inverted = (own as unknown as { invertedIndex: Record<string, { _index: number }> })
      .invertedIndex;
    const theirTerms = Object.entries(inverted).map(([term, p]) => [p._index, term] as const);
    const theirTerm = new Map(theirTerms);
    const weights = (elements: number[], name: (i: number) => string | undefined) => {
      const out: Record<string, number> = {};
      for (let k = 0; k < elements.length; k += 2)
        out[name(elements[k] ?? -1) ?? "?"] = elements[k + 1] ?? Number.NaN;
      return out;
    };
    for (const [ref, vector] of nonEmpty) {
      expect(
        weights(ours[ref]?.elements ?? [], (i) => ourTerms[i]),
        ref,
      ).toEqual(weights(vector.elements, (i) => theirTerm.get(i)));
    }
  });

  it("scores every term of the index exactly as lunr does", () => {
    const terms = loaded.vocabulary.sorted;
    expect(terms.length).toBeGreaterThan(1000);
    const run = (index: lunr.Index, term: string) =>
      index.query((q) => q.term(term, { usePipeline: false })).map((r) => [r.ref, r.score]);
    for (const term of terms) expect(run(loaded.index, term), term).toEqual(run(own, term));
  });

  it("keeps every document's ref, kind, link, title and text", () => {
    expect(loaded.docs.map((d) => [d.ref, d.kind, d.url, d.title])).toEqual(
      documents.map((d) => [d.ref, d.kind, d.url, d.title]),
    );
    const keys = loaded.docs.find((d) => d.ref === "L4:key");
    expect(keys?.fields.keys).toBe(documents.find((d) => d.ref === "L4:key")?.fields.keys);
    const clause = loaded.docs.find((d) => d.ref === "2.10");
    expect(clause?.fields.text).toBe(
      "қызметтік өкілеттіктерді орындаумен байланысты сыйлықтар алмауы;",
    );
  });

  it("refuses a file of another format", () => {
    const data = buildSearchIndex(documents);
    expect(() => loadSearch({ ...data, version: 1 } as unknown as typeof data)).toThrow(
      `search index format 1, this code reads format ${INDEX_FORMAT}`,
    );
    expect(() => loadSearch(null as unknown as typeof data)).toThrow(/format undefined/u);
  });
});
