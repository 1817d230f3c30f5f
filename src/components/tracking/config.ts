// Which LRS this tab sends to, and with what authorisation.
// 1. xAPI launch parameters (`?endpoint=…&auth=…&actor=…`, as an LMS or Rustici launch adds
//    them): read on the first page of the tab, kept in sessionStorage for that tab only, and
//    removed from the address bar.
// 2. Otherwise the build-time configuration: PUBLIC_LRS_ENDPOINT / PUBLIC_LRS_AUTH point the
//    site at another LRS (the Basic credential is then visible to every visitor, see README).
// 3. Otherwise Adal's own LRS on the same origin, authorised by the learner's session cookie.
import type { AgentLike } from "../../lib/tracking/actor.ts";
import { type Launch, parseLaunch, withoutLaunch } from "../../lib/tracking/launch.ts";

const LAUNCH_KEY = "adal.launch.v1";
const OWN = "/xapi/";

function absolute(endpoint: string): string {
  const href = new URL(endpoint, location.origin).href;
  return href.endsWith("/") ? href : `${href}/`;
}

function storedLaunch(): Launch | null {
  try {
    return JSON.parse(sessionStorage.getItem(LAUNCH_KEY) ?? "null") as Launch | null;
  } catch {
    return null;
  }
}

/** Reads launch parameters from the address (once) and hides them again. */
function readLaunch(): { launch: Launch | null; problem: string | null } {
  if (typeof location === "undefined") return { launch: null, problem: null };
  const query = new URLSearchParams(location.search);
  const parsed = parseLaunch(query);
  if (parsed.kind !== "none") {
    history.replaceState(
      history.state,
      "",
      `${location.pathname}${withoutLaunch(query)}${location.hash}`,
    );
  }
  if (parsed.kind === "launch") {
    try {
      sessionStorage.setItem(LAUNCH_KEY, JSON.stringify(parsed.launch));
    } catch {}
    return { launch: parsed.launch, problem: null };
  }
  return { launch: storedLaunch(), problem: parsed.kind === "invalid" ? parsed.problem : null };
}

const { launch, problem } = readLaunch();
const buildEndpoint: string = import.meta.env.PUBLIC_LRS_ENDPOINT || OWN;
const buildAuth: string | undefined = import.meta.env.PUBLIC_LRS_AUTH || undefined;
const here = typeof location === "undefined" ? "http://localhost" : location.origin;

/** The LRS endpoint, absolute and ending with "/". */
export const lrsEndpoint: string =
  typeof location === "undefined" ? buildEndpoint : absolute(launch?.endpoint ?? buildEndpoint);
export const lrsAuth: string | undefined = launch ? launch.auth : buildAuth;
/** True when statements go to Adal's own LRS with the session cookie. */
export const usesOwnLrs: boolean = lrsEndpoint === `${here}${OWN}` && !lrsAuth;
/** The learner named by the launch, if the tab was launched. */
export const launchActor: AgentLike | null = launch?.actor ?? null;
export const launchRegistration: string | undefined = launch?.registration;
/** Why launch parameters in the address were ignored ("endpoint", "actor" or "auth"). */
export const launchProblem: string | null = problem;
/** The origin of the LRS (for messages and the security policy). */
export const lrsOrigin: string = new URL(lrsEndpoint, here).origin;

/** Headers of every LRS call: the xAPI version and, for another LRS, its Authorization. */
export function lrsHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return {
    "X-Experience-API-Version": "1.0.3",
    ...(lrsAuth ? { Authorization: lrsAuth } : {}),
    ...extra,
  };
}

/** fetch options for the LRS: the session cookie for Adal's own, the credential otherwise. */
export function lrsCredentials(): RequestCredentials {
  if (usesOwnLrs) return "same-origin";
  return lrsAuth ? "omit" : "include";
}

/** A call to the LRS with the configured authorisation; `path` is relative to the endpoint. */
export function lrsFetch(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(new URL(path, lrsEndpoint), {
    ...init,
    credentials: lrsCredentials(),
    headers: lrsHeaders((init.headers as Record<string, string> | undefined) ?? {}),
  });
}
