// The platform API under /api/: sign-in, the current user, passwords, and the administration
// of people. Every route checks the session and the role on the server.
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { changePassword, PASSWORD_CHANGE_REQUIRED, signIn, signOut } from "../accounts/auth.ts";
import type { AccountStore, User } from "../accounts/store.ts";
import { HttpError } from "../http-error.ts";
import { learnerActor } from "./actor.ts";
import { ApiError, json, type PlatformHelpers, publicUser } from "./api-helpers.ts";
import { clientAddress, peerAddress } from "./client-address.ts";
import { foreignRequest } from "./foreign-request.ts";
import { peopleRoutes } from "./people-routes.ts";
import { RateLimiter } from "./rate-limit.ts";
import { clearSessionCookie, currentUser, sessionToken, setSessionCookie } from "./session.ts";

export { ApiError, json, type PlatformHelpers, publicUser } from "./api-helpers.ts";

export interface PlatformDeps {
  accounts: AccountStore;
  clock: () => Date;
  /** Public origin of the platform, e.g. https://adal.example.kz: the learners' account homePage. */
  origin: string;
  /** Reverse proxies whose X-Forwarded-For is believed (ADAL_TRUSTED_PROXIES). */
  trustedProxies?: readonly string[];
  /** Failed sign-ins allowed per client address and window (generous: per number is stricter). */
  signInLimit?: { attempts: number; windowMs: number };
  /** Extra routes mounted by later parts (exam, reports, progress). */
  routes?: ((api: Hono, helpers: PlatformHelpers) => void)[];
}

const signInBody = z.strictObject({
  personnelNumber: z.string().min(1).max(40),
  password: z.string().min(1).max(200),
});
const passwordBody = z.strictObject({
  current: z.string().min(1).max(200),
  next: z.string().min(1).max(200),
});

export function createPlatformApi(deps: PlatformDeps): Hono {
  const api = new Hono();
  const secure = deps.origin.startsWith("https:");
  const limit = deps.signInLimit ?? { attempts: 100, windowMs: 10 * 60_000 };
  const signInLimiter = new RateLimiter(limit.attempts, limit.windowMs);
  const trusted = new Set(deps.trustedProxies ?? []);
  let warnedProxy = false;

  api.use(
    "*",
    bodyLimit({
      maxSize: 2 * 1024 * 1024,
      onError: (c) => c.json({ error: "too-large", message: "The body is larger than 2 MB." }, 413),
    }),
  );
  api.use("*", async (c, next) => {
    // The SameSite=Strict cookie still rides along from pages of the same site (another port
    // or subdomain), and a form post is a simple request no preflight stops: every unsafe
    // request must come from the platform's own pages, by the same rule as the LRS's.
    const foreign =
      c.req.method !== "GET" && c.req.method !== "HEAD"
        ? foreignRequest(c.req.raw, deps.origin)
        : null;
    if (foreign) return c.json({ error: "cross-origin", message: foreign }, 403);
    c.header("Cache-Control", "no-store");
    await next();
    return undefined;
  });
  api.onError((error, c) => {
    if (error instanceof HttpError) {
      const messages =
        error instanceof ApiError && error.messages ? { messages: error.messages } : {};
      return c.json({ error: error.code, message: error.message, ...messages }, error.status);
    }
    console.error(error);
    return c.json(
      { error: "internal", message: "Something went wrong on the server; nothing was changed." },
      500,
    );
  });

  /** The signed-in user, or 401; `gate` off only for what a pending password change allows. */
  async function signedIn(c: Context, gate: boolean): Promise<User> {
    const user = await currentUser(c, deps.accounts, deps.clock());
    if (!user) throw new ApiError(401, "signed-out", "Sign in first.");
    if (gate && user.mustChangePassword) {
      const { code, messages } = PASSWORD_CHANGE_REQUIRED;
      throw new ApiError(403, code, messages.kk, messages);
    }
    return user;
  }

  const helpers: PlatformHelpers = {
    async requireUser(c, roles) {
      const user = await signedIn(c, true);
      if (roles && !roles.includes(user.role))
        throw new ApiError(403, "forbidden", "Your role does not allow this.");
      return user;
    },
  };

  api.post("/session", async (c) => {
    const address = clientAddress(c, trusted) ?? "in-process";
    if (!warnedProxy && c.req.header("x-forwarded-for") && !trusted.has(peerAddress(c) ?? "")) {
      warnedProxy = true;
      console.warn(
        `X-Forwarded-For came from ${peerAddress(c) ?? "an unknown peer"}, which is not in ADAL_TRUSTED_PROXIES: the header is ignored, and every client behind that proxy shares one sign-in limit.`,
      );
    }
    const wait = signInLimiter.hit(address, deps.clock().getTime());
    if (wait > 0) {
      c.header("Retry-After", String(wait));
      throw new ApiError(
        429,
        "rate-limited",
        `Too many failed sign-ins from this address; wait ${wait} s.`,
      );
    }
    const body = await json(c, signInBody);
    const { user, token } = await signIn(
      deps.accounts,
      body.personnelNumber,
      body.password,
      deps.clock(),
      { address, previousToken: sessionToken(c) },
    );
    signInLimiter.refund(address);
    setSessionCookie(c, token, secure);
    return c.json({ user: publicUser(user), actor: learnerActor(user, deps.origin) });
  });

  api.delete("/session", async (c) => {
    const token = sessionToken(c);
    const user = await currentUser(c, deps.accounts, deps.clock());
    if (token && user) await signOut(deps.accounts, token, user, deps.clock());
    clearSessionCookie(c, secure);
    return c.body(null, 204);
  });

  api.get("/me", async (c) => {
    const user = await signedIn(c, false);
    return c.json({ user: publicUser(user), actor: learnerActor(user, deps.origin) });
  });

  api.post("/password", async (c) => {
    const user = await signedIn(c, false);
    const body = await json(c, passwordBody);
    await changePassword(
      deps.accounts,
      user,
      body.current,
      body.next,
      deps.clock(),
      sessionToken(c),
      { address: clientAddress(c, trusted) ?? "in-process" },
    );
    return c.body(null, 204);
  });

  api.get("/units", async (c) => {
    const user = await helpers.requireUser(c, ["officer", "admin"]);
    const units = await deps.accounts.listUnits();
    if (user.role === "admin") return c.json({ units });
    const scope = new Set(await deps.accounts.unitTree(await deps.accounts.officerUnits(user.id)));
    return c.json({ units: units.filter((u) => scope.has(u.code)) });
  });

  api.get("/users", async (c) => {
    const user = await helpers.requireUser(c, ["officer", "admin"]);
    const scope =
      user.role === "admin"
        ? null
        : await deps.accounts.unitTree(await deps.accounts.officerUnits(user.id));
    const people = scope ? await deps.accounts.usersInUnits(scope) : await deps.accounts.allUsers();
    return c.json({ users: people.map(publicUser) });
  });

  peopleRoutes(api, deps, helpers);

  api.get("/audit", async (c) => {
    await helpers.requireUser(c, ["admin"]);
    const limit = Math.min(1000, Math.max(1, Number(c.req.query("limit") ?? 100) || 100));
    return c.json({ entries: await deps.accounts.auditLog(limit) });
  });

  for (const mount of deps.routes ?? []) mount(api, helpers);
  api.all("*", (c) =>
    c.json({ error: "not-found", message: `No API route ${c.req.method} ${c.req.path}.` }, 404),
  );
  return api;
}
