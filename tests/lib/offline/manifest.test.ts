import { describe, expect, it } from "vitest";
import {
  assetRefs,
  closure,
  injectManifest,
  offlineManifest,
} from "../../../src/lib/offline/manifest.ts";

const assets = new Map([
  ["/_astro/Header.a1.js", 'import{h}from"./hooks.b2.js";import("./query.c3.js")'],
  ["/_astro/hooks.b2.js", 'import{p}from"./preact.d4.js"'],
  ["/_astro/preact.d4.js", "export const p=1"],
  // a dynamic import written by Vite's preload helper
  ["/_astro/query.c3.js", 'const d=["_astro/lunr.e5.js"];'],
  ["/_astro/lunr.e5.js", "export default 1"],
  ["/_astro/Exam.f6.js", 'import{h}from"./hooks.b2.js"'],
  ["/_astro/Base.g7.css", "body{}"],
]);
const pages = new Map([
  ["/", '<link href="/_astro/Base.g7.css"><astro-island component-url="/_astro/Header.a1.js">'],
]);
const files = new Map([["/quiz-banks/1.json", "[]"]]);

describe("offline manifest", () => {
  it("finds the assets a page or a script refers to", () => {
    expect(assetRefs(pages.get("/") ?? "")).toEqual([
      "/_astro/Base.g7.css",
      "/_astro/Header.a1.js",
    ]);
    expect(assetRefs(assets.get("/_astro/query.c3.js") ?? "")).toEqual(["/_astro/lunr.e5.js"]);
  });

  it("precaches the pages, the files and every asset the pages load, lazily loaded ones too", () => {
    const manifest = offlineManifest({ assets, pages, files });
    expect(manifest.precache).toEqual([
      "/",
      "/quiz-banks/1.json",
      "/_astro/Base.g7.css",
      "/_astro/Header.a1.js",
      "/_astro/hooks.b2.js",
      "/_astro/lunr.e5.js",
      "/_astro/preact.d4.js",
      "/_astro/query.c3.js",
    ]);
    expect(manifest.deps["/_astro/Exam.f6.js"]).toEqual(["/_astro/hooks.b2.js"]);
    expect(closure(["/_astro/Exam.f6.js"], manifest.deps)).toEqual([
      "/_astro/Exam.f6.js",
      "/_astro/hooks.b2.js",
      "/_astro/preact.d4.js",
    ]);
  });

  it("changes the build id when an asset, a page or a precached file changes", () => {
    const build = offlineManifest({ assets, pages, files }).build;
    expect(build).toMatch(/^[0-9a-f]{12}$/u);
    expect(offlineManifest({ assets, pages, files }).build).toBe(build);
    const renamed = new Map([...assets].map(([k, v]) => [k.replace("a1", "a9"), v]));
    expect(offlineManifest({ assets: renamed, pages, files }).build).not.toBe(build);
    const bank = new Map([["/quiz-banks/1.json", "[1]"]]);
    expect(offlineManifest({ assets, pages, files: bank }).build).not.toBe(build);
  });

  it("writes the manifest between the service worker's markers, or fails the build", () => {
    const manifest = offlineManifest({ assets, pages, files });
    const source = 'const M = /* build:manifest */ { build: "dev" } /* end */;\nrest();';
    const written = injectManifest(source, manifest);
    expect(written).toContain(`"build":"${manifest.build}"`);
    expect(written.endsWith("/* end */;\nrest();")).toBe(true);
    expect(() => injectManifest("const M = {};", manifest)).toThrow(/marker/u);
  });
});
