// Sends the outbox to the LRS through @xapi/xapi, oldest first, in batches, with back-off.
// Runs on page load, when the browser comes back online, and after each new statement.
import type XAPI from "@xapi/xapi";
import { outcomeFor, retryDelay } from "../../lib/tracking/backoff.ts";
import { oldest, type QueuedStatement, settle } from "./outbox.ts";

const BATCH = 50;

export interface SenderOptions {
  endpoint: string;
  /** `Basic …` for an external LRS; omitted for Adal's own LRS (the session cookie is used). */
  auth?: string | undefined;
}

let client: Promise<XAPI> | undefined;
let running = false;
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

const adapter = async <T>({ url, method, data, headers }: AdapterRequest) => {
  const json = String(headers?.["Content-Type"] ?? "").startsWith("application/json");
  const response = await fetch(url, {
    method,
    headers: headers ?? {},
    credentials: "same-origin",
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

function xapi(options: SenderOptions): Promise<XAPI> {
  client ??= import("@xapi/xapi").then(
    ({ default: Client }) =>
      new Client({
        endpoint: options.endpoint,
        adapter,
        version: "1.0.3",
        ...(options.auth ? { auth: options.auth } : {}),
      }),
  );
  return client;
}

function statusOf(error: unknown): number {
  const status = (error as { status?: unknown })?.status;
  return typeof status === "number" ? status : 0;
}

async function send(lrs: XAPI, items: QueuedStatement[]): Promise<"sent" | "retry" | "rejected"> {
  try {
    // biome-ignore lint/suspicious/noExplicitAny: @xapi/xapi's Statement type is stricter than the queue's record
    await lrs.sendStatements({ statements: items.map((i) => i.statement) as any });
    return "sent";
  } catch (error) {
    return outcomeFor(statusOf(error));
  }
}

/** Sends everything queued; on failure schedules a retry with back-off. */
export async function flush(options: SenderOptions): Promise<void> {
  if (running) return;
  running = true;
  clearTimeout(timer);
  try {
    const lrs = await xapi(options);
    for (;;) {
      const batch = await oldest(BATCH);
      if (batch.length === 0) break;
      let outcome = await send(lrs, batch);
      if (outcome === "rejected" && batch.length > 1) {
        // One bad statement rejects its whole batch: find it by sending one at a time.
        outcome = "sent";
        for (const item of batch) {
          const single = await send(lrs, [item]);
          if (single === "retry") {
            outcome = "retry";
            break;
          }
          await (single === "sent" ? settle([item.id]) : settle([], [item]));
        }
        if (outcome === "retry") throw new Error("retry");
        continue;
      }
      if (outcome === "retry") throw new Error("retry");
      await (outcome === "sent" ? settle(batch.map((i) => i.id)) : settle([], batch));
    }
    attempt = 0;
  } catch {
    attempt += 1;
    timer = setTimeout(() => void flush(options), retryDelay(attempt));
  } finally {
    running = false;
  }
}
