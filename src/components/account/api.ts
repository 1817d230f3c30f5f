// Browser calls to the platform API (same origin; the session cookie is HttpOnly).
import { actorKey } from "../../lib/tracking/actor.ts";
import { clearExpired, markExpired } from "./expired.ts";

export interface Me {
  user: {
    id: string;
    personnelNumber: string;
    fullName: string;
    unitCode: string;
    role: "learner" | "officer" | "admin";
    mustChangePassword: boolean;
  };
  actor: { objectType: "Agent"; account: { homePage: string; name: string }; name: string };
}

/** The platform's code for "change your password before doing anything else" (403). */
export const PASSWORD_CHANGE_REQUIRED = "password-change-required";

export class ApiFailure extends Error {
  readonly status: number;
  readonly code: string;
  /** Seconds to wait before trying again (Retry-After), when the server said so. */
  readonly retryAfter: number | null;
  constructor(status: number, code: string, message: string, retryAfter: number | null = null) {
    super(message);
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
  }
}

export async function callApi<T>(
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const response = await fetch(`/api${path}`, {
    method: init.method ?? "GET",
    credentials: "same-origin",
    headers: init.body === undefined ? {} : { "content-type": "application/json" },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => ({}))) as { error?: string; message?: string };
  if (!response.ok) {
    const wait = Number(response.headers.get("retry-after"));
    throw new ApiFailure(
      response.status,
      data.error ?? "unknown",
      data.message ?? response.statusText,
      Number.isFinite(wait) && wait > 0 ? wait : null,
    );
  }
  return data as T;
}

const ME_KEY = "adal.me.v1";

/** The sign-in page of the current interface language, with where to come back to. */
export function signInPath(reason?: "expired" | "password"): string {
  const prefix = document.documentElement.lang === "ru" ? "/ru" : "";
  const query = new URLSearchParams({ next: `${location.pathname}${location.search}` });
  if (reason) query.set("reason", reason);
  return `${prefix}/signin/?${query}`;
}

export const onSignInPage = () => /^(\/ru)?\/signin\/$/u.test(location.pathname);

/** Sends the learner to the change-password form (the server refuses everything else). */
export function changePasswordFirst(): void {
  if (!onSignInPage()) location.assign(signInPath("password"));
}

let asking: Promise<Me | null> | null = null;

/** The signed-in user, cached on the device so pages can attribute statements offline. */
export function fetchMe(): Promise<Me | null> {
  // The menu, the lesson tracker and the course map ask at the same time: one request.
  asking ??= askMe().finally(() => {
    asking = null;
  });
  return asking;
}

async function askMe(): Promise<Me | null> {
  try {
    const me = await callApi<Me>("/me");
    const before = actorKey(cachedMe()?.actor);
    localStorage.setItem(ME_KEY, JSON.stringify(me));
    clearExpired();
    // Someone else (or someone at all) is signed in now: their records may be sent.
    if (actorKey(me.actor) !== before) window.dispatchEvent(new CustomEvent("adal:identity"));
    if (me.user.mustChangePassword) changePasswordFirst();
    return me;
  } catch (error) {
    if (error instanceof ApiFailure && error.code === PASSWORD_CHANGE_REQUIRED) {
      changePasswordFirst();
      return cachedMe();
    }
    if (error instanceof ApiFailure && error.status === 401) {
      // The session ended (expired, revoked or signed out elsewhere): stop attributing new
      // records to that person, and remember to ask them to sign in again.
      const key = actorKey(cachedMe()?.actor);
      if (key) markExpired(key);
      localStorage.removeItem(ME_KEY);
      if (key) window.dispatchEvent(new CustomEvent("adal:identity"));
      return null;
    }
    return cachedMe();
  }
}

export function cachedMe(): Me | null {
  try {
    return JSON.parse(localStorage.getItem(ME_KEY) ?? "null") as Me | null;
  } catch {
    return null;
  }
}

/** Signing out on purpose: forget who was signed in (nothing to ask them later). */
export function forgetMe(): void {
  localStorage.removeItem(ME_KEY);
  clearExpired();
}
