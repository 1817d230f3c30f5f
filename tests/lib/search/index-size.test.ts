// The size of the search file as the browser downloads it (docs/search.md, target ≤ 60 KB
// gzipped), measured here because the benchmark (bench/search.ts) needs Node 22's TypeScript.
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { buildSearchIndex } from "../../../src/lib/search/build-index.ts";
import { readDocuments } from "./corpus.ts";

const KB = 1024;

describe("search file size", () => {
  it("stays within 60 KB gzipped", () => {
    const data = buildSearchIndex(readDocuments());
    const json = JSON.stringify(data);
    const part = (x: unknown) => gzipSync(JSON.stringify(x)).length / KB;
    const gzip = gzipSync(json).length / KB;
    console.log(
      `search file: ${data.docs.length} documents, ${data.index.terms.split(" ").length} terms; ` +
        `${(Buffer.byteLength(json) / KB).toFixed(1)} KB raw, ${gzip.toFixed(1)} KB gzip ` +
        `(index ${part(data.index).toFixed(1)} KB, documents ${part(data.docs).toFixed(1)} KB)`,
    );
    expect(gzip).toBeLessThanOrEqual(60);
  });
});
