import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { connectOrigins, pagePolicy, staticSite } from "../../src/server/static.ts";

const directive = (policy: string, name: string) =>
  policy.split("; ").find((d) => d.startsWith(`${name} `));

describe("connect-src of the site's pages", () => {
  it("is only the site itself by default", () => {
    expect(connectOrigins({})).toEqual([]);
    expect(connectOrigins({ PUBLIC_LRS_ENDPOINT: "/xapi/" })).toEqual([]);
    expect(directive(pagePolicy(""), "connect-src")).toBe("connect-src 'self'");
  });

  it("adds the origin of the configured LRS and of the LRSs launches may name", () => {
    const origins = connectOrigins({
      PUBLIC_LRS_ENDPOINT: "https://lrs.example.kz/xapi/",
      ADAL_LRS_ORIGINS: "https://lms.example.kz, http://10.0.0.5:8080/ https://lrs.example.kz",
    });
    expect(origins).toEqual([
      "https://lrs.example.kz",
      "https://lms.example.kz",
      "http://10.0.0.5:8080",
    ]);
    expect(directive(pagePolicy("", origins), "connect-src")).toBe(
      "connect-src 'self' https://lrs.example.kz https://lms.example.kz http://10.0.0.5:8080",
    );
  });

  it("refuses a value that is not an http(s) URL, naming the variable", () => {
    expect(() => connectOrigins({ ADAL_LRS_ORIGINS: "lrs.example.kz" })).toThrow(
      /ADAL_LRS_ORIGINS/u,
    );
    expect(() => connectOrigins({ PUBLIC_LRS_ENDPOINT: "ftp://lrs/xapi/" })).toThrow(
      /PUBLIC_LRS_ENDPOINT/u,
    );
  });

  it("is what the server sends with each page", async () => {
    const dir = mkdtempSync(join(tmpdir(), "adal-static-"));
    writeFileSync(
      join(dir, "index.html"),
      `<meta http-equiv="content-security-policy" content="script-src 'self' 'sha256-abc'; style-src 'self'">`,
    );
    const app = new Hono().get(
      "*",
      staticSite(dir, { PUBLIC_LRS_ENDPOINT: "https://lrs.kz/xapi/" }),
    );
    const response = await app.request("/");
    const policy = response.headers.get("content-security-policy") ?? "";
    expect(directive(policy, "connect-src")).toBe("connect-src 'self' https://lrs.kz");
    expect(directive(policy, "script-src")).toBe("script-src 'self' 'sha256-abc'");
    expect(policy).toContain("frame-ancestors 'none'");
  });
});

describe("files the server keeps to itself", () => {
  it("never serves dotfiles, such as the build's environment fingerprint", async () => {
    const dir = mkdtempSync(join(tmpdir(), "adal-static-"));
    writeFileSync(join(dir, "index.html"), "<p>home</p>");
    writeFileSync(join(dir, "404.html"), "<p>not found</p>");
    writeFileSync(join(dir, ".build-env"), "secret-ish");
    const app = new Hono().get("*", staticSite(dir, {}));
    for (const path of ["/.build-env", "/%2Ebuild-env", "/a/../.build-env"]) {
      const response = await app.request(path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain("secret-ish");
    }
    expect((await app.request("/")).status).toBe(200);
  });
});

describe("the trailing-slash redirect", () => {
  const dir = mkdtempSync(join(tmpdir(), "adal-static-"));
  mkdirSync(join(dir, "ru"));
  writeFileSync(join(dir, "ru", "index.html"), "<p>ru</p>");
  const app = new Hono().get("*", staticSite(dir, {}));

  it("adds the slash to a page directory", async () => {
    const response = await app.request("/ru");
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe("/ru/");
  });

  it("never sends the browser to another host (//ru is not a protocol-relative Location)", async () => {
    for (const path of ["//ru", "///ru", "/\\ru", "//%2Fru"]) {
      const response = await app.request(path);
      const location = response.headers.get("location");
      if (location === null) continue; // not found is safe too
      const target = new URL(location, "https://adal.test/some/page");
      expect(target.origin, `${path} → ${location}`).toBe("https://adal.test");
      expect(location, path).toMatch(/^\/[^/\\]/u);
    }
    expect((await app.request("//ru")).headers.get("location")).toBe("/ru/");
  });
});
