import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { staticSite } from "../../src/server/static.ts";
import { chooseEncoding, encodeFile, matchesEtag } from "../../src/server/static-encoding.ts";

describe("content coding of the site's files", () => {
  it("prefers brotli, then gzip, and honours q-values and refusals", () => {
    const both = ["br", "gzip", "identity"] as const;
    expect(chooseEncoding("gzip, deflate, br, zstd", both)).toBe("br");
    expect(chooseEncoding("gzip", both)).toBe("gzip");
    expect(chooseEncoding("br;q=0.5, gzip;q=0.9", both)).toBe("gzip");
    expect(chooseEncoding("br;q=0, gzip;q=0", both)).toBe("identity");
    expect(chooseEncoding("*", both)).toBe("br");
    expect(chooseEncoding("*;q=0.2, br;q=0", both)).toBe("gzip");
    expect(chooseEncoding(undefined, both)).toBe("identity");
    expect(chooseEncoding("br", ["identity"])).toBe("identity");
  });

  it("keeps small and binary files as they are", async () => {
    expect(Object.keys((await encodeFile(new Uint8Array(100), "text/html")).variants)).toEqual([
      "identity",
    ]);
    const png = new Uint8Array(5000);
    expect(Object.keys((await encodeFile(png, "image/png")).variants)).toEqual(["identity"]);
  });

  it("compares ETags weakly, and * matches", () => {
    expect(matchesEtag('"a", W/"b"', '"b"')).toBe(true);
    expect(matchesEtag('"a"', '"b"')).toBe(false);
    expect(matchesEtag("*", '"b"')).toBe(true);
    expect(matchesEtag(undefined, '"b"')).toBe(false);
  });
});

describe("the static site over HTTP", () => {
  const dir = mkdtempSync(join(tmpdir(), "adal-static-enc-"));
  const page = `<!doctype html><html lang="kk"><p>${"Сыбайлас жемқорлыққа қарсы стандарттар. ".repeat(200)}</p></html>`;
  writeFileSync(join(dir, "index.html"), page);
  const app = new Hono().get("*", staticSite(dir, {}));

  it("sends brotli or gzip to clients that accept them, the same bytes once decoded", async () => {
    const br = await app.request("/", { headers: { "Accept-Encoding": "gzip, br" } });
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(br.headers.get("vary")).toBe("Accept-Encoding");
    const brBody = Buffer.from(await br.arrayBuffer());
    expect(brBody.byteLength).toBeLessThan(Buffer.byteLength(page) / 5);
    expect(Number(br.headers.get("content-length"))).toBe(brBody.byteLength);
    expect(brotliDecompressSync(brBody).toString("utf8")).toBe(page);

    const gz = await app.request("/", { headers: { "Accept-Encoding": "gzip" } });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString("utf8")).toBe(page);

    const plain = await app.request("/");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toBe(page);
  });

  it("answers a revalidation with the same ETag by 304 and no body", async () => {
    const first = await app.request("/");
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{22}"$/u);
    const again = await app.request("/", { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const stale = await app.request("/", { headers: { "If-None-Match": '"old"' } });
    expect(stale.status).toBe(200);
  });
});
