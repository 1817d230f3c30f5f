// The device's outbox in IndexedDB. Every statement is stored here first, with its
// client-generated id, its owner (LRS endpoint + actor) and its size, and leaves only once the
// LRS has acknowledged it. Re-adding the same id replaces nothing (the first copy wins), so a
// resend can never change what is recorded. Statements the LRS can never store are moved to
// `rejected`, kept and shown to their owner, never dropped silently. `state` holds the latest
// xAPI State document per (owner, activity, stateId), the unsent ones marked dirty.
import { actorKey } from "../../lib/tracking/actor.ts";
import type { RejectReason } from "../../lib/tracking/deliver.ts";
import { jsonBytes } from "../../lib/tracking/limits.ts";
import type { Owner, QueueEntry } from "../../lib/tracking/queue.ts";
import { lrsEndpoint } from "./config.ts";

const DB_NAME = "adal";
const DB_VERSION = 2;
const PENDING = "outbox";
const REJECTED = "rejected";
const STATE = "state";

export type Statement = { id: string } & Record<string, unknown>;

export interface QueuedStatement extends QueueEntry {
  statement: Statement;
  bytes: number;
}

export interface RejectedStatement extends QueuedStatement {
  reason: RejectReason;
  status: number;
  message: string;
  rejectedAt: number;
}

export interface StateEntry {
  key: string;
  endpoint: string;
  actorKey: string;
  activityId: string;
  stateId: string;
  value: unknown;
  /** When the value was written on this device (or read from the LRS). */
  savedAt: number;
  /** The LRS's ETag of the version this value replaces (or is), when known. */
  etag?: string | undefined;
  /** Not yet stored by the LRS. */
  dirty: boolean;
}

let opening: Promise<IDBDatabase> | undefined;

function upgrade(request: IDBOpenDBRequest, oldVersion: number): void {
  const db = request.result;
  const tx = request.transaction as IDBTransaction;
  if (!db.objectStoreNames.contains(PENDING))
    db.createObjectStore(PENDING, { keyPath: "id" }).createIndex("queuedAt", "queuedAt");
  if (!db.objectStoreNames.contains(REJECTED)) db.createObjectStore(REJECTED, { keyPath: "id" });
  if (!db.objectStoreNames.contains(STATE)) db.createObjectStore(STATE, { keyPath: "key" });
  if (oldVersion === 1) {
    // Version 1 kept no owner: its items were meant for this build's LRS and their own actor.
    for (const name of [PENDING, REJECTED]) {
      tx.objectStore(name).openCursor().onsuccess = (event) => {
        const cursor = (event.target as IDBRequest<IDBCursorWithValue | null>).result;
        if (!cursor) return;
        const item = cursor.value as QueuedStatement & Partial<RejectedStatement>;
        cursor.update({
          ...item,
          endpoint: item.endpoint ?? lrsEndpoint,
          actorKey: item.actorKey ?? actorKey(item.statement.actor),
          bytes: item.bytes ?? jsonBytes(item.statement),
          ...(name === REJECTED
            ? {
                reason: item.reason ?? "refused",
                status: item.status ?? 0,
                message: item.message ?? "",
              }
            : {}),
        });
        cursor.continue();
      };
    }
  }
}

function open(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = (event) => upgrade(request, event.oldVersion);
    request.onsuccess = () => {
      const db = request.result;
      // Let a newer version of the site in another tab upgrade the database.
      db.onversionchange = () => {
        db.close();
        opening = undefined;
      };
      resolve(db);
    };
    request.onerror = () => reject(request.error);
  });
  return opening;
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

async function all<T>(store: string): Promise<T[]> {
  const db = await open();
  const tx = db.transaction(store, "readonly");
  const request = tx.objectStore(store).getAll();
  await done(tx);
  return request.result as T[];
}

/**
 * Tells the page (the outbox indicator) that the outbox changed; `added` when there is
 * something new to send (a settlement after sending must not start another round at once).
 */
export function changed(added: boolean): void {
  window.dispatchEvent(new CustomEvent("adal:outbox", { detail: { added } }));
}

/** Queues statements; an id already queued keeps its first content. */
export async function enqueue(items: QueuedStatement[], refused: RejectedStatement[] = []) {
  const db = await open();
  const tx = db.transaction([PENDING, REJECTED], "readwrite");
  for (const item of items) {
    tx.objectStore(PENDING).add(item).onerror = (event) => {
      // ConstraintError: already queued; keep the first copy.
      event.preventDefault();
    };
  }
  for (const item of refused) tx.objectStore(REJECTED).put(item);
  await done(tx);
  changed(items.length > 0);
}

export const pending = () => all<QueuedStatement>(PENDING);
export const rejected = () => all<RejectedStatement>(REJECTED);

export interface Settlement {
  sent: string[];
  rejected: { item: QueuedStatement; reason: RejectReason; status: number; message: string }[];
  /** Items refused on their own with 403: kept queued, with the LRS's reason. */
  refused: { item: QueuedStatement; status: number; message: string }[];
}

/** Removes acknowledged statements, moves refused ones aside (kept, shown), notes problems. */
export async function settle(result: Settlement): Promise<void> {
  const db = await open();
  const tx = db.transaction([PENDING, REJECTED], "readwrite");
  const now = Date.now();
  for (const id of result.sent) tx.objectStore(PENDING).delete(id);
  for (const { item, reason, status, message } of result.rejected) {
    tx.objectStore(PENDING).delete(item.id);
    tx.objectStore(REJECTED).put({ ...item, reason, status, message, rejectedAt: now });
  }
  for (const { item, status, message } of result.refused)
    tx.objectStore(PENDING).put({ ...item, problem: { status, message, at: now } });
  await done(tx);
  changed(false);
}

/** Puts set-aside statements of `owner` back in the queue (after the cause was fixed). */
export async function restore(ids: string[], owner: Owner): Promise<void> {
  const db = await open();
  const tx = db.transaction([PENDING, REJECTED], "readwrite");
  for (const item of await all<RejectedStatement>(REJECTED)) {
    if (
      !ids.includes(item.id) ||
      item.endpoint !== owner.endpoint ||
      item.actorKey !== owner.actorKey
    )
      continue;
    const { reason: _r, status: _s, message: _m, rejectedAt: _a, ...queued } = item;
    tx.objectStore(REJECTED).delete(item.id);
    tx.objectStore(PENDING).put({ ...queued, problem: undefined });
  }
  await done(tx);
  changed(true);
}

/** Deletes set-aside statements for good (the learner asked for it, after saving them). */
export async function discard(ids: string[]): Promise<void> {
  const db = await open();
  const tx = db.transaction(REJECTED, "readwrite");
  for (const id of ids) tx.objectStore(REJECTED).delete(id);
  await done(tx);
  changed(false);
}

export async function stateEntry(key: string): Promise<StateEntry | undefined> {
  const db = await open();
  const tx = db.transaction(STATE, "readonly");
  const request = tx.objectStore(STATE).get(key);
  await done(tx);
  return request.result as StateEntry | undefined;
}

export const stateEntries = () => all<StateEntry>(STATE);

/** Writes a State entry unless a newer one was written meanwhile (by another tab). */
export async function putState(entry: StateEntry, onlyIfSavedAt?: number): Promise<boolean> {
  const db = await open();
  const tx = db.transaction(STATE, "readwrite");
  const store = tx.objectStore(STATE);
  let written = false;
  store.get(entry.key).onsuccess = (event) => {
    const current = (event.target as IDBRequest<StateEntry | undefined>).result;
    if (onlyIfSavedAt !== undefined && current && current.savedAt !== onlyIfSavedAt) return;
    store.put(entry);
    written = true;
  };
  await done(tx);
  return written;
}
