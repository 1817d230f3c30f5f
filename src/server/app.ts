// One origin for everything: the site, the LRS at /xapi/ and the platform API at /api/.
import { Hono } from "hono";
import type { LrsEnv } from "./lrs/http.ts";
import { staticSite } from "./static.ts";

export interface AppDeps {
  lrs: Hono<LrsEnv>;
  api: Hono;
  /** The built site; omitted in tests that need only the APIs. */
  staticDir?: string | undefined;
}

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.use("*", async (c, next) => {
    await next();
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "same-origin");
    c.header("X-Frame-Options", "DENY");
    c.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (!c.res.headers.has("Content-Security-Policy")) {
      c.header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }
  });
  app.route("/", deps.lrs);
  app.route("/api", deps.api);
  if (deps.staticDir) {
    const site = staticSite(deps.staticDir);
    app.get("*", site);
  }
  return app;
}
