// The standard xAPI launch parameters (Rustici / Tin Can launch, as LMSs use them):
// `?endpoint=<LRS>&auth=<Authorization header>&actor=<agent JSON>[&registration=<uuid>]`.
// They are read once when the tab opens the site, kept for that tab only, and removed from the
// address bar, so the credential does not end up in bookmarks, history or shared links.
import { type AgentLike, launchAgent } from "./actor.ts";

export const LAUNCH_PARAMETERS = ["endpoint", "auth", "actor", "registration"] as const;

export interface Launch {
  /** Absolute LRS endpoint, ending with "/". */
  endpoint: string;
  /** The Authorization header value to send (e.g. "Basic …"), if the launcher gave one. */
  auth?: string;
  actor: AgentLike;
  registration?: string;
}

export type LaunchResult =
  | { kind: "none" }
  | { kind: "launch"; launch: Launch }
  | { kind: "invalid"; problem: "endpoint" | "actor" | "auth" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

export function parseLaunch(query: URLSearchParams): LaunchResult {
  const endpoint = query.get("endpoint");
  if (endpoint === null) return { kind: "none" };
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return { kind: "invalid", problem: "endpoint" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return { kind: "invalid", problem: "endpoint" };
  const actor = launchAgent(query.get("actor") ?? "");
  if (!actor) return { kind: "invalid", problem: "actor" };
  const auth = query.get("auth") ?? undefined;
  // A header value cannot hold line breaks; anything else is the launcher's business.
  if (auth !== undefined && (/[\r\n]/u.test(auth) || auth.length > 4096))
    return { kind: "invalid", problem: "auth" };
  const registration = query.get("registration") ?? undefined;
  url.search = "";
  url.hash = "";
  const href = url.href.endsWith("/") ? url.href : `${url.href}/`;
  return {
    kind: "launch",
    launch: {
      endpoint: href,
      actor,
      ...(auth ? { auth } : {}),
      ...(registration && UUID.test(registration) ? { registration } : {}),
    },
  };
}

/** The query string without the launch parameters ("" when nothing else is left). */
export function withoutLaunch(query: URLSearchParams): string {
  const rest = new URLSearchParams(query);
  for (const name of LAUNCH_PARAMETERS) rest.delete(name);
  const text = rest.toString();
  return text ? `?${text}` : "";
}
