// The device's statement outbox in IndexedDB: every statement is stored here first, with its
// client-generated id, and leaves only once the LRS has acknowledged it. Re-adding the same id
// replaces nothing (the first copy wins), so a resend can never change what is recorded.

const DB_NAME = "adal";
const DB_VERSION = 1;
const PENDING = "outbox";
const REJECTED = "rejected";

export interface QueuedStatement {
  id: string;
  statement: { id: string } & Record<string, unknown>;
  queuedAt: number;
}

let opening: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(PENDING)) {
        db.createObjectStore(PENDING, { keyPath: "id" }).createIndex("queuedAt", "queuedAt");
      }
      if (!db.objectStoreNames.contains(REJECTED))
        db.createObjectStore(REJECTED, { keyPath: "id" });
    };
    request.onsuccess = () => resolve(request.result);
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

function changed(): void {
  void countPending().then((pending) =>
    window.dispatchEvent(new CustomEvent("adal:outbox", { detail: { pending } })),
  );
}

/** Queues statements; an id already queued keeps its first content. */
export async function enqueue(statements: QueuedStatement["statement"][]): Promise<void> {
  const db = await open();
  const tx = db.transaction(PENDING, "readwrite");
  const store = tx.objectStore(PENDING);
  const now = Date.now();
  statements.forEach((statement, i) => {
    store.add({ id: statement.id, statement, queuedAt: now + i }).onerror = (event) => {
      // ConstraintError: already queued; keep the first copy.
      event.preventDefault();
    };
  });
  await done(tx);
  changed();
}

/** The oldest `limit` queued statements, in the order they were made. */
export async function oldest(limit: number): Promise<QueuedStatement[]> {
  const db = await open();
  const tx = db.transaction(PENDING, "readonly");
  const request = tx.objectStore(PENDING).index("queuedAt").getAll(null, limit);
  await done(tx);
  return request.result as QueuedStatement[];
}

export async function countPending(): Promise<number> {
  const db = await open();
  const tx = db.transaction(PENDING, "readonly");
  const request = tx.objectStore(PENDING).count();
  await done(tx);
  return request.result;
}

/** Removes acknowledged statements; moves refused ones aside (kept for support, not resent). */
export async function settle(sent: string[], rejected: QueuedStatement[] = []): Promise<void> {
  const db = await open();
  const tx = db.transaction([PENDING, REJECTED], "readwrite");
  for (const id of sent) tx.objectStore(PENDING).delete(id);
  for (const item of rejected) {
    tx.objectStore(PENDING).delete(item.id);
    tx.objectStore(REJECTED).put({ ...item, rejectedAt: Date.now() });
  }
  await done(tx);
  changed();
}
