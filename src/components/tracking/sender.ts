// Sends the current learner's queued statements to the LRS through @xapi/xapi, oldest first,
// in batches under the LRS's size limit, with back-off. Runs on page load, when the browser
// comes back online and after each new statement. Other people's statements on the device, and
// statements meant for another LRS, stay queued until their owner signs in (or is launched).
import type XAPI from "@xapi/xapi";
import { retryDelay } from "../../lib/tracking/backoff.ts";
import { deliver, type LrsAnswer } from "../../lib/tracking/deliver.ts";
import { sendable } from "../../lib/tracking/queue.ts";
import { markExpired } from "../account/expired.ts";
import { lrsAuth, lrsCredentials, lrsEndpoint, lrsOrigin } from "./config.ts";
import { pending, type QueuedStatement, settle } from "./outbox.ts";
import { status } from "./sender-status.ts";
import { currentOwner } from "./track.ts";

let client: Promise<XAPI> | undefined;
let running = false;
let again = false;
let attempt = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

/**
 * fetch-based transport for @xapi/xapi that keeps the HTTP status on failures (the library's
 * own "fetch" adapter drops it), so refusals (4xx) and outages (no answer, 5xx) can be told apart.
 */
interface AdapterRequest {
  url: string;
  method: string;
  headers?: Record<string, string>;
  data?: unknown;
}

const adapter = async <T>({ url, method, data, headers: given }: AdapterRequest) => {
  const headers = { ...given };
  // @xapi/xapi sends "Basic " + base64(":") when given no credential; Adal's own LRS is
  // authorised by the session cookie instead, and a 401 to a Basic attempt would make the
  // browser pop up its password dialog.
  if (!lrsAuth) delete headers.Authorization;
  const json = String(headers["Content-Type"] ?? "").startsWith("application/json");
  const response = await fetch(url, {
    method,
    headers,
    credentials: lrsCredentials(),
    ...(data === undefined ? {} : { body: json ? JSON.stringify(data) : (data as BodyInit) }),
  });
  const text = await response.text();
  if (!response.ok) throw Object.assign(new Error(text), { status: response.status });
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {}
  return {
    data: parsed as T,
    headers: Object.fromEntries(response.headers.entries()),
    status: response.status,
  };
};

function xapi(): Promise<XAPI> {
  client ??= import("@xapi/xapi").then(
    ({ default: Client }) =>
      new Client({
        endpoint: lrsEndpoint,
        adapter,
        version: "1.0.3",
        ...(lrsAuth ? { auth: lrsAuth } : {}),
      }),
  );
  return client;
}

/**
 * The LRS's own words: Adal answers `{"error":true,"message":…}` (the platform may add a
 * `code` such as password-change-required), others plain text.
 */
function explain(error: unknown): LrsAnswer {
  const raw = (error as { status?: unknown; message?: unknown }) ?? {};
  const status = typeof raw.status === "number" ? raw.status : 0;
  const text = typeof raw.message === "string" ? raw.message : "";
  let message = text.slice(0, 500);
  try {
    const body = JSON.parse(text) as { message?: unknown; error?: unknown; code?: unknown };
    const parts = [body.code, body.error, body.message].filter((p) => typeof p === "string");
    if (parts.length > 0) message = parts.join(": ");
  } catch {}
  return { status, message };
}

async function post(lrs: XAPI, statements: object[]): Promise<LrsAnswer> {
  try {
    // biome-ignore lint/suspicious/noExplicitAny: @xapi/xapi's Statement type is stricter than the queue's record
    await lrs.sendStatements({ statements: statements as any });
    return { status: 200, message: "" };
  } catch (error) {
    return explain(error);
  }
}

function schedule(): void {
  attempt += 1;
  clearTimeout(timer);
  timer = setTimeout(() => void flush(), retryDelay(attempt));
}

/** Sends what the current learner has queued; on failure schedules a retry with back-off. */
export async function flush(): Promise<void> {
  if (running) {
    again = true;
    return;
  }
  running = true;
  clearTimeout(timer);
  try {
    const owner = currentOwner();
    const items = sendable(await pending(), owner);
    if (!owner || items.length === 0) {
      status.stop = null;
      return;
    }
    const lrs = await xapi();
    const report = await deliver<QueuedStatement>(items, (batch) => post(lrs, batch));
    await settle({
      sent: report.sent,
      rejected: report.rejected,
      refused: report.forbidden.map(({ item, message }) => ({ item, status: 403, message })),
    });
    status.stop = report.stop;
    if (report.stop?.kind === "signin") markExpired(owner.actorKey);
    if (report.stop && report.stop.kind !== "signin" && report.stop.kind !== "password") schedule();
    else if (!report.stop) attempt = 0;
  } catch {
    schedule();
  } finally {
    running = false;
    window.dispatchEvent(new CustomEvent("adal:sender"));
    if (again) {
      again = false;
      void flush();
    }
  }
}

// A Content-Security-Policy that does not list the LRS makes every send fail without an
// answer; say so instead of waiting for a connection that will never come. (Registered when
// the sender loads, before its first request.)
if (typeof document !== "undefined") {
  document.addEventListener("securitypolicyviolation", (event) => {
    if (event.effectiveDirective !== "connect-src") return;
    try {
      if (new URL(event.blockedURI).origin !== lrsOrigin) return;
    } catch {
      return;
    }
    status.blocked = lrsOrigin;
    window.dispatchEvent(new CustomEvent("adal:sender"));
  });
}
