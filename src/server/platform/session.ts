// The session cookie and the signed-in user of a request.
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { SESSION_TTL_MS, sessionUser } from "../accounts/auth.ts";
import type { AccountStore, User } from "../accounts/store.ts";

export const SESSION_COOKIE = "adal_session";

export function setSessionCookie(c: Context, token: string, secure: boolean): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Strict",
    secure,
    path: "/",
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
}

export function clearSessionCookie(c: Context, secure: boolean): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure, httpOnly: true, sameSite: "Strict" });
}

export function sessionToken(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

/**
 * Reads the session from a raw Request (used by the LRS, which sees plain Requests). A cookie
 * that is not valid percent-encoding is no session (401), not a server error: anyone can send
 * one.
 */
export function tokenFromRequest(request: Request): string | undefined {
  const header = request.headers.get("cookie") ?? "";
  for (const part of header.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name !== SESSION_COOKIE) continue;
    try {
      return decodeURIComponent(value.join("="));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export async function currentUser(
  c: Context,
  accounts: AccountStore,
  now: Date,
): Promise<User | null> {
  return sessionUser(accounts, sessionToken(c), now);
}
