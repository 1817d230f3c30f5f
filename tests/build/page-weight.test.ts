// The page-weight counter follows every way a built page loads code: script tags, island
// component and renderer URLs, static imports in any quote style, and dynamic imports apart.
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { pageWeight } from "../../src/build/page-weight.ts";

const files: Record<string, string> = {
  "/_astro/a.js": 'import{x}from"./shared.js";const s=()=>import(`./sender.js`);',
  "/_astro/island.js": "import{x}from'./shared.js';export default 1",
  "/_astro/renderer.js": "export const r=1;".repeat(20),
  "/_astro/shared.js": "export const x=1;".repeat(30),
  "/_astro/sender.js": 'import"./shared.js";import{y}from`./xapi.js`;',
  "/_astro/xapi.js": "export const y=2;".repeat(200),
  "/_astro/site.css": "body{color:red}",
  "/_astro/quiz.js": 'import{x}from"./shared.js";'.repeat(3),
};
const read = (path: string) => files[path];
const gz = (path: string) => gzipSync(files[path] ?? "").length;
const html =
  '<link rel="stylesheet" href="/_astro/site.css"><script type="module" src="/_astro/a.js"></script>' +
  '<astro-island uid="a" component-url="/_astro/island.js" renderer-url="/_astro/renderer.js" client="idle"></astro-island>' +
  '<astro-island uid="b" component-url="/_astro/quiz.js" renderer-url="/_astro/renderer.js" client="visible"></astro-island>';

describe("pageWeight", () => {
  const w = pageWeight(html, read);
  it("counts the page's own scripts once, with their static imports", () => {
    expect(w.jsFiles).toBe(4);
    expect(w.js).toBe(
      gz("/_astro/a.js") +
        gz("/_astro/island.js") +
        gz("/_astro/renderer.js") +
        gz("/_astro/shared.js"),
    );
    expect(w.css).toBe(gz("/_astro/site.css"));
    expect(w.total).toBe(w.html + w.css + w.js);
  });
  it("counts on-demand scripts apart (imports, islands hydrated when visible), without what the page already loaded", () => {
    expect(w.lazyFiles).toBe(3);
    expect(w.lazyJs).toBe(gz("/_astro/sender.js") + gz("/_astro/xapi.js") + gz("/_astro/quiz.js"));
  });
});
