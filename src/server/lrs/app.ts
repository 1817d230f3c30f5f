// The LRS as a Hono app mounted at /xapi: CORS, version negotiation, alternate request syntax
// (1.0.3), authentication, then the resources. Every error is an answer with a reason.
import { Hono } from "hono";
import { XapiError } from "../xapi/errors.ts";
import { negotiateVersion, SUPPORTED_VERSIONS } from "../xapi/version.ts";
import type { DocumentStore } from "./document-store.ts";
import { documentRoutes } from "./documents-routes.ts";
import type { LrsEnv } from "./http.ts";
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
}

const ALLOWED_HEADERS =
  "Authorization, Content-Type, X-Experience-API-Version, If-Match, If-None-Match, Accept-Language";
const EXPOSED_HEADERS =
  "ETag, Last-Modified, X-Experience-API-Consistent-Through, X-Experience-API-Version, Location";
const HEADER_FIELDS = [
  "authorization",
  "x-experience-api-version",
  "content-type",
  "content-length",
  "if-match",
  "if-none-match",
];

/** Communication 1.3 (1.0.3 only): POST ?method=X with the headers and content in a form body. */
async function alternateRequest(request: Request): Promise<Request> {
  const url = new URL(request.url);
  const method = url.searchParams.get("method")?.toUpperCase() ?? "";
  if (!["GET", "PUT", "POST", "DELETE", "HEAD"].includes(method) || url.searchParams.size !== 1) {
    throw new XapiError(
      400,
      'Alternate request syntax needs exactly one query parameter, "method" (GET, PUT, POST or DELETE).',
    );
  }
  if (
    !(request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded")
  ) {
    throw new XapiError(
      415,
      "Alternate request syntax needs an application/x-www-form-urlencoded body.",
    );
  }
  const form = new URLSearchParams(await request.text());
  const headers = new Headers();
  const query = new URLSearchParams();
  let content: string | null = null;
  for (const [name, value] of form) {
    const lower = name.toLowerCase();
    if (lower === "content") content = value;
    else if (HEADER_FIELDS.includes(lower)) headers.set(lower, value);
    else query.append(name, value);
  }
  if (!headers.get("x-experience-api-version")?.startsWith("1.0")) {
    throw new XapiError(
      400,
      "Alternate request syntax exists only in xAPI 1.0.x; send a normal request under 2.0.",
    );
  }
  headers.delete("content-length");
  const target = new URL(`${url.pathname}${query.size ? `?${query}` : ""}`, url.origin);
  const hasBody = content !== null && method !== "GET" && method !== "HEAD";
  return new Request(target, { method, headers, ...(hasBody ? { body: content } : {}) });
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

/** The LRS under `basePath` (default /xapi), to be mounted with `app.route("/", lrs)`. */
export function createLrs(deps: LrsDeps, basePath = "/xapi"): Hono<LrsEnv> {
  const app = new Hono<LrsEnv>().basePath(basePath);

  app.onError((error, c) => {
    if (error instanceof XapiError) {
      if (error.status === 401) c.header("WWW-Authenticate", challenge(c.req.raw));
      return c.json({ error: true, message: error.message }, error.status as 400);
    }
    console.error(error);
    return c.json(
      { error: true, message: "The LRS failed to handle the request; nothing was stored." },
      500,
    );
  });
  app.notFound((c) => c.json({ error: true, message: `No xAPI resource at ${c.req.path}.` }, 404));

  app.use("*", async (c, next) => {
    c.header("Access-Control-Allow-Origin", c.req.header("origin") ?? "*");
    c.header("Access-Control-Allow-Credentials", "true");
    c.header("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    c.header("Vary", "Origin");
    c.header("Cache-Control", "no-store");
    if (c.req.method === "OPTIONS") {
      c.header("Access-Control-Allow-Methods", "GET, HEAD, PUT, POST, DELETE, OPTIONS");
      c.header(
        "Access-Control-Allow-Headers",
        c.req.header("access-control-request-headers") ?? ALLOWED_HEADERS,
      );
      c.header("Access-Control-Max-Age", "600");
      return c.body(null, 204);
    }
    return next();
  });

  app.get("/about", (c) => {
    c.header("X-Experience-API-Version", "2.0.0");
    return c.json({
      version: [...SUPPORTED_VERSIONS],
      extensions: { "https://adal.kz/xapi/extensions/product": "Adal LRS" },
    });
  });

  app.use("*", async (c, next) => {
    if (c.req.method === "POST" && new URL(c.req.url).searchParams.has("method")) {
      const rewritten = await alternateRequest(c.req.raw);
      const response = await app.fetch(rewritten, c.env);
      return response;
    }
    const version = negotiateVersion(c.req.header("x-experience-api-version"));
    c.set("version", version);
    c.header("X-Experience-API-Version", version);
    let principal = null;
    for (const resolve of deps.principals) {
      principal = await resolve(c.req.raw);
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
  return app;
}
