// The platform API under /api/: sign-in, the current user, passwords, and the administration
// of people. Every route checks the session and the role on the server.
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { changePassword, signIn, signOut } from "../accounts/auth.ts";
import { parseRoster, type Role } from "../accounts/roster.ts";
import type { AccountStore, User } from "../accounts/store.ts";
import { HttpError } from "../http-error.ts";
import { hashPassword, randomToken } from "../security/password.ts";
import { learnerActor } from "./actor.ts";
import { RateLimiter } from "./rate-limit.ts";
import { clearSessionCookie, currentUser, sessionToken, setSessionCookie } from "./session.ts";

export interface PlatformDeps {
  accounts: AccountStore;
  clock: () => Date;
  /** Public origin of the platform, e.g. https://adal.example.kz: the learners' account homePage. */
  origin: string;
  /** Extra routes mounted by later parts (exam, reports, progress). */
  routes?: ((api: Hono, helpers: PlatformHelpers) => void)[];
}

export interface PlatformHelpers {
  requireUser(c: Context, roles?: readonly Role[]): Promise<User>;
}

export class ApiError extends HttpError {}

export function publicUser(user: User) {
  return {
    id: user.id,
    personnelNumber: user.personnelNumber,
    fullName: user.fullName,
    unitCode: user.unitCode,
    role: user.role,
    mustChangePassword: user.mustChangePassword,
  };
}

const signInBody = z.strictObject({
  personnelNumber: z.string().min(1).max(40),
  password: z.string().min(1).max(200),
});
const passwordBody = z.strictObject({
  current: z.string().min(1).max(200),
  next: z.string().min(1).max(200),
});

async function json<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  if (!(c.req.header("content-type") ?? "").startsWith("application/json")) {
    throw new ApiError(400, "content-type", "Send the body as application/json.");
  }
  const body = await c.req.json().catch(() => {
    throw new ApiError(400, "malformed-json", "The body is not valid JSON.");
  });
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((i) => `${i.path.join(".") || "body"}: ${i.message}`)
      .join("; ");
    throw new ApiError(400, "invalid-body", detail);
  }
  return parsed.data;
}

export function createPlatformApi(deps: PlatformDeps): Hono {
  const api = new Hono();
  const secure = deps.origin.startsWith("https:");
  const signInLimiter = new RateLimiter(30, 60_000);

  api.use(
    "*",
    bodyLimit({
      maxSize: 2 * 1024 * 1024,
      onError: (c) => c.json({ error: "too-large", message: "The body is larger than 2 MB." }, 413),
    }),
  );
  api.use("*", async (c, next) => {
    // Cross-site requests cannot carry the SameSite=Strict cookie; refuse foreign origins anyway.
    const origin = c.req.header("origin");
    if (
      c.req.method !== "GET" &&
      c.req.method !== "HEAD" &&
      origin &&
      origin !== new URL(c.req.url).origin &&
      origin !== deps.origin
    ) {
      return c.json(
        { error: "cross-origin", message: "Requests from other sites are refused." },
        403,
      );
    }
    c.header("Cache-Control", "no-store");
    await next();
    return undefined;
  });
  api.onError((error, c) => {
    if (error instanceof HttpError)
      return c.json({ error: error.code, message: error.message }, error.status);
    console.error(error);
    return c.json(
      { error: "internal", message: "Something went wrong on the server; nothing was changed." },
      500,
    );
  });

  const helpers: PlatformHelpers = {
    async requireUser(c, roles) {
      const user = await currentUser(c, deps.accounts, deps.clock());
      if (!user) throw new ApiError(401, "signed-out", "Sign in first.");
      if (roles && !roles.includes(user.role))
        throw new ApiError(403, "forbidden", "Your role does not allow this.");
      return user;
    },
  };

  api.post("/session", async (c) => {
    const address = c.req.header("x-forwarded-for")?.split(",")[0]?.trim() ?? "local";
    const wait = signInLimiter.hit(address, deps.clock().getTime());
    if (wait > 0) {
      c.header("Retry-After", String(wait));
      throw new ApiError(
        429,
        "rate-limited",
        `Too many sign-in attempts from here; wait ${wait} s.`,
      );
    }
    const body = await json(c, signInBody);
    const { user, token } = await signIn(
      deps.accounts,
      body.personnelNumber,
      body.password,
      deps.clock(),
    );
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
    const user = await helpers.requireUser(c);
    return c.json({ user: publicUser(user), actor: learnerActor(user, deps.origin) });
  });

  api.post("/password", async (c) => {
    const user = await helpers.requireUser(c);
    const body = await json(c, passwordBody);
    await changePassword(deps.accounts, user, body.current, body.next, deps.clock());
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

  api.post("/users/import", async (c) => {
    const admin = await helpers.requireUser(c, ["admin"]);
    const text = await c.req.text();
    const units = new Set((await deps.accounts.listUnits()).map((u) => u.code));
    const { entries, errors } = parseRoster(text, units);
    const existing = await Promise.all(
      entries.map((e) => deps.accounts.userByNumber(e.personnelNumber)),
    );
    entries.forEach((e, i) => {
      if (existing[i])
        errors.push(`line ${e.line}: personnel number ${e.personnelNumber} already has an account`);
    });
    if (errors.length > 0)
      return c.json({ error: "invalid-roster", message: "Nothing was imported.", errors }, 400);
    const passwords = entries.map(() => randomToken(9));
    const hashes = await Promise.all(passwords.map((p) => hashPassword(p)));
    const created = await deps.accounts.createUsers(
      entries.map((e, i) => ({
        ...e,
        unitCode: e.unit,
        passwordHash: hashes[i] ?? "",
        mustChangePassword: true,
      })),
      deps.clock(),
    );
    await deps.accounts.audit(
      { actorId: admin.id, action: "users.imported", detail: `${created.length} people` },
      deps.clock(),
    );
    return c.json({
      created: created.map((u, i) => ({
        personnelNumber: u.personnelNumber,
        fullName: u.fullName,
        temporaryPassword: passwords[i],
      })),
    });
  });

  api.post("/users/:number/reset-password", async (c) => {
    const admin = await helpers.requireUser(c, ["admin"]);
    const target = await deps.accounts.userByNumber(c.req.param("number"));
    if (!target) throw new ApiError(404, "not-found", "No person has this personnel number.");
    const password = randomToken(9);
    await deps.accounts.setPassword(target.id, await hashPassword(password), true, deps.clock());
    await deps.accounts.deleteSessionsOf(target.id);
    await deps.accounts.audit(
      { actorId: admin.id, action: "password.reset", subject: target.personnelNumber },
      deps.clock(),
    );
    return c.json({ personnelNumber: target.personnelNumber, temporaryPassword: password });
  });

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
