// The LRS as a Hono app mounted at /xapi: CORS, the resource table (404/405), version
// negotiation, alternate request syntax (1.0.3), authentication, then the resources. Every
// error is an answer with a reason and the X-Experience-API-Version header.
import { type Context, Hono } from "hono";
import { XapiError } from "../xapi/errors.ts";
import { negotiateVersion, type XapiVersion } from "../xapi/version.ts";
import { alternateRequest } from "./alternate.ts";
import { consistentThrough } from "./consistency.ts";
import { descriptionRoutes } from "./descriptions-routes.ts";
import type { DocumentStore } from "./document-store.ts";
import { documentRoutes } from "./documents-routes.ts";
import { type LrsEnv, params } from "./http.ts";
import { type LrsLimits, resolveLimits } from "./limits.ts";
import type { PrincipalResolver, StatementPolicy } from "./principal.ts";
import type { StatementStore } from "./statement-store.ts";
import { statementRoutes } from "./statements-routes.ts";

export interface LrsDeps {
  statements: StatementStore;
  documents: DocumentStore;
  /** Tried in order: e.g. HTTP Basic credentials, then the learner's session. */
  principals: PrincipalResolver[];
  policy?: StatementPolicy | undefined;
  clock: () => Date;
  /**
   * The site's own origin (config `origin`): the one origin whose browser requests may carry
   * credentials (cookies) across origins. Every other origin gets `*` without credentials,
   * which is all a tool sending an Authorization header needs.
   */
  origin?: string | undefined;
  /**
   * The client's address, for the limit on wrong Basic secrets (the platform reads
   * X-Forwarded-For from its trusted proxies); by default the TCP peer.
   */
  addressOf?: ((c: Context<LrsEnv>) => string | null) | undefined;
  /** Size limits (config ADAL_LRS_MAX_*); those left out keep their defaults. */
  limits?: { [K in keyof LrsLimits]?: number | undefined } | undefined;
}

const ALLOWED_HEADERS =
  "Authorization, Content-Type, X-Experience-API-Version, If-Match, If-None-Match, Accept-Language";
const EXPOSED_HEADERS =
  "ETag, Last-Modified, X-Experience-API-Consistent-Through, X-Experience-API-Version, Location";
const DOCUMENT_METHODS = ["GET", "HEAD", "PUT", "POST", "DELETE"];
const READ_METHODS = ["GET", "HEAD"];

/** Every resource of the LRS and its methods (OPTIONS, the CORS preflight, goes to all). */
const RESOURCES: Record<string, string[]> = {
  "/statements": ["GET", "HEAD", "PUT", "POST"],
  "/activities/state": DOCUMENT_METHODS,
  "/activities/profile": DOCUMENT_METHODS,
  "/agents/profile": DOCUMENT_METHODS,
  "/agents": READ_METHODS,
  "/activities": READ_METHODS,
  "/about": READ_METHODS,
};

/** Latest patch version of each major version (what X-Experience-API-Version answers). */
const LATEST: Record<XapiVersion, string> = { "1.0.3": "1.0.3", "2.0.0": "2.0.0" };
const VERSIONS_1_0 = ["1.0.0", "1.0.1", "1.0.2", "1.0.3"];

/** POST ?method=…: the alternate request syntax (the cheap test first: most requests are not). */
const isAlternate = (method: string, url: string) =>
  method === "POST" && url.includes("method=") && new URL(url).searchParams.has("method");

/** The request's version, or null when it names none we speak (About must answer anyway). */
function versionOrNull(header: string | undefined): XapiVersion | null {
  try {
    return negotiateVersion(header);
  } catch {
    return null;
  }
}

/**
 * The 401 challenge: Basic, except to a web page's own script calling with its session cookie
 * (fetch, no Authorization header): a Basic challenge there makes the browser pop up its
 * password dialog over the page (or, headless, wait for one) when the session has expired.
 * Such a script gets a scheme browsers do not prompt for, and says "sign in again" itself.
 */
function challenge(request: Request): string {
  const mode = request.headers.get("sec-fetch-mode");
  const script =
    (mode === "cors" || mode === "same-origin") && !request.headers.has("authorization");
  return script ? 'Session realm="Adal LRS"' : 'Basic realm="Adal LRS", charset="UTF-8"';
}

/** The TCP peer of a request served by @hono/node-server; null in-process (app.request). */
function peerAddress(c: Context<LrsEnv>): string | null {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? null;
}

/** The LRS under `basePath` (default /xapi), to be mounted with `app.route("/", lrs)`. */
export function createLrs(deps: LrsDeps, basePath = "/xapi"): Hono<LrsEnv> {
  const app = new Hono<LrsEnv>().basePath(basePath);
  const resourceOf = (path: string) => path.slice(basePath.length) || "/";
  const limits = resolveLimits(deps.limits);
  const addressOf = deps.addressOf ?? peerAddress;

  app.onError((error, c) => {
    // Communication 3.3: every response carries the version header, errors included; a
    // request whose version could not be negotiated gets the latest one.
    c.header("X-Experience-API-Version", LATEST[c.get("version") ?? "2.0.0"]);
    if (error instanceof XapiError) {
      if (error.status === 401) c.header("WWW-Authenticate", challenge(c.req.raw));
      for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
      const code = error.code ? { code: error.code } : {};
      return c.json({ error: true, message: error.message, ...code }, error.status as 400);
    }
    // A backstop behind validation: PostgreSQL refuses U+0000 in text (22021, 22P05) and
    // index entries past 2,704 bytes (54000). That is the request's fault, not the server's.
    const pgCode = (error as { code?: unknown }).code;
    if (pgCode === "22021" || pgCode === "22P05" || pgCode === "54000") {
      return c.json(
        {
          error: true,
          message:
            "The request holds a value the database cannot store (a U+0000 character, or an identifier too long to index); nothing was stored.",
        },
        400,
      );
    }
    console.error(error);
    return c.json(
      { error: true, message: "The LRS failed to handle the request; nothing was stored." },
      500,
    );
  });
  app.notFound((c) => {
    c.header("X-Experience-API-Version", LATEST[c.get("version") ?? "2.0.0"]);
    return c.json({ error: true, message: `No xAPI resource at ${c.req.path}.` }, 404);
  });

  app.use("*", async (c, next) => {
    c.set("limits", limits);
    await next();
  });

  // Communication 2.1.3.s2.b5: "on all responses to Statements Resource requests", errors
  // (401, 404, 405, 409…) included; registered first, so it wraps every other handler.
  app.use("/statements", async (c, next) => {
    await next();
    c.header("X-Experience-API-Consistent-Through", consistentThrough(deps.clock()));
  });

  app.use("*", async (c, next) => {
    const origin = c.req.header("origin");
    if (origin !== undefined && deps.origin !== undefined && origin === deps.origin) {
      c.header("Access-Control-Allow-Origin", origin);
      c.header("Access-Control-Allow-Credentials", "true");
    } else {
      c.header("Access-Control-Allow-Origin", "*");
    }
    c.header("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    c.header("Vary", "Origin");
    c.header("Cache-Control", "no-store");
    const methods = RESOURCES[resourceOf(c.req.path)];
    if (!methods) throw new XapiError(404, `No xAPI resource at ${c.req.path}.`);
    if (c.req.method === "OPTIONS") {
      // Communication 3.3.s3.b1: every response carries the version, a preflight's too.
      const version = versionOrNull(c.req.header("x-experience-api-version"));
      c.header("X-Experience-API-Version", LATEST[version ?? "2.0.0"]);
      c.header("Access-Control-Allow-Methods", [...methods, "OPTIONS"].join(", "));
      c.header(
        "Access-Control-Allow-Headers",
        c.req.header("access-control-request-headers") ?? ALLOWED_HEADERS,
      );
      c.header("Access-Control-Max-Age", "600");
      return c.body(null, 204);
    }
    if (!isAlternate(c.req.method, c.req.url) && !methods.includes(c.req.method)) {
      c.header("Allow", [...methods, "OPTIONS"].join(", "));
      throw new XapiError(
        405,
        `${c.req.method} is not allowed on ${c.req.path}; allowed: ${methods.join(", ")}.`,
      );
    }
    return next();
  });

  // About answers whatever the version header says (Communication 2.8). It lists each
  // version the LRS accepts: to a 1.0.x client the 1.0.x versions only (a 1.0.3 client knows
  // no other), to a 2.0 client (or one that sent none) also 2.0.0.
  app.get("/about", (c) => {
    params(c, []);
    const version = versionOrNull(c.req.header("x-experience-api-version"));
    c.header("X-Experience-API-Version", LATEST[version ?? "2.0.0"]);
    return c.json({
      version: version === "1.0.3" ? VERSIONS_1_0 : [...VERSIONS_1_0, "2.0.0"],
      extensions: { "https://adal.kz/xapi/extensions/product": "Adal LRS" },
    });
  });

  app.use("*", async (c, next) => {
    if (isAlternate(c.req.method, c.req.url)) {
      const rewritten = await alternateRequest(c.req.raw, limits.formBytes);
      return app.fetch(rewritten, c.env);
    }
    const version = negotiateVersion(c.req.header("x-experience-api-version"));
    c.set("version", version);
    c.header("X-Experience-API-Version", LATEST[version]);
    let principal = null;
    for (const resolve of deps.principals) {
      principal = await resolve(c.req.raw, { address: addressOf(c), now: deps.clock() });
      if (principal) break;
    }
    if (!principal)
      throw new XapiError(401, "Authenticate with HTTP Basic credentials (or sign in).");
    c.set("principal", principal);
    if (c.req.method === "HEAD") {
      const response = await app.fetch(new Request(c.req.raw, { method: "GET" }), c.env);
      return new Response(null, { status: response.status, headers: response.headers });
    }
    return next();
  });

  statementRoutes(app, deps);
  documentRoutes(app, deps);
  descriptionRoutes(app, deps);
  return app;
}
