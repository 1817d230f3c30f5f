// @ts-check
import mdx from "@astrojs/mdx";
import preact from "@astrojs/preact";
import { defineConfig } from "astro/config";
import { buildEnv } from "./src/build/build-env.ts";
import { serviceWorker } from "./src/build/service-worker.ts";

export default defineConfig({
  site: process.env.ADAL_SITE_URL ?? "http://localhost:4321",
  output: "static",
  trailingSlash: "always",
  integrations: [mdx(), preact(), serviceWorker(), buildEnv()],
  build: { inlineStylesheets: "never", format: "directory" },
  devToolbar: { enabled: false },
  // Hash every inline script and style into a CSP <meta>; the server repeats it as a header.
  security: { csp: true },
  // Never inline scripts into pages: a strict script-src 'self' policy must hold.
  vite: {
    build: { assetsInlineLimit: 0 },
  },
  markdown: { syntaxHighlight: false },
});
