// Checks the built site (run after `npm run build`): every page in place, in the right
// language, and every inline script allowed by the page's CSP hash, none by 'unsafe-inline'.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { pageWeight } from "../../src/build/page-weight.ts";

const dist = "dist";

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return entry.name.endsWith(".html") ? [path] : [];
  });
}

describe("built site", () => {
  it("exists (run `npm run build` first)", () => {
    expect(existsSync(join(dist, "index.html"))).toBe(true);
  });

  const pages = existsSync(dist) ? htmlFiles(dist) : [];

  it("has the home page and all 11 lessons in both languages", () => {
    const paths = new Set(pages.map((p) => relative(dist, p)));
    for (const prefix of ["", "ru/"]) {
      expect(paths.has(`${prefix}index.html`)).toBe(true);
      for (let n = 1; n <= 11; n++)
        expect(paths.has(`${prefix}lessons/${n}/index.html`)).toBe(true);
    }
  });

  it("declares kk at the root and ru under /ru/", () => {
    for (const page of pages) {
      const html = readFileSync(page, "utf8");
      const expected = relative(dist, page).startsWith("ru/") ? "ru" : "kk";
      expect(html, page).toContain(`<html lang="${expected}"`);
    }
  });

  it("allows every inline script by hash in the page's CSP and never 'unsafe-inline'", () => {
    for (const page of pages) {
      const html = readFileSync(page, "utf8");
      const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/u.exec(html)?.[1];
      expect(csp, page).toBeDefined();
      const scriptSrc = csp?.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
      expect(scriptSrc).not.toContain("unsafe-inline");
      for (const m of html.matchAll(
        /<script(?![^>]*\bsrc=)(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/gu,
      )) {
        const hash = createHash("sha256")
          .update(m[1] ?? "")
          .digest("base64");
        expect(scriptSrc, `${page}: inline script not hashed`).toContain(`'sha256-${hash}'`);
      }
    }
  });

  it("keeps lesson pages free of scripts other than the copy-link helper and islands", () => {
    const html = readFileSync(join(dist, "lessons/2/index.html"), "utf8");
    const external = [...html.matchAll(/<script[^>]+src="([^"]+)"/gu)].map((m) => m[1] ?? "");
    for (const src of external) expect(src).toMatch(/^\/_astro\/[\w.-]+\.js$/u);
    expect(html).not.toMatch(/<script[^>]+src="https?:/u);
  });

  it("keeps every lesson page, in both languages, under 40 KB gzipped as it loads", () => {
    const read = (path: string) => {
      const file = join(dist, path);
      return existsSync(file) ? readFileSync(file) : undefined;
    };
    const lessons = pages.filter((p) => /(?:^|\/)lessons\/\d+\/index\.html$/u.test(p));
    expect(lessons).toHaveLength(22);
    for (const page of lessons) {
      const weight = pageWeight(readFileSync(page, "utf8"), read);
      expect(weight.jsFiles, page).toBeGreaterThan(0); // the scripts were found, not skipped
      expect(weight.total, page).toBeLessThan(40 * 1024);
    }
  });
});
