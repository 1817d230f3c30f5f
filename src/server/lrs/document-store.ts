// State, Activity Profile and Agent Profile documents with ETags. Every write reads the
// current document, checks the request's preconditions against it (concurrency.ts) and
// writes, in one transaction holding a lock on the document's place: on PostgreSQL, where
// transactions run side by side, two writers of the same document then take turns, so an
// If-Match cannot be passed twice by the same ETag and a POST merge never loses keys.
import { createHash } from "node:crypto";
import { LOCK_SPACE, lockNames } from "../db/lock.ts";
import type { Sql } from "../db/sql.ts";
import { XapiError } from "../xapi/errors.ts";
import {
  type ConcurrencyRules,
  checkPreconditions,
  DEFAULT_RULES,
  type DocumentKind,
  type Preconditions,
} from "./concurrency.ts";
import { documentKeyHash, documentPlaceHash } from "./document-keys.ts";

export type { DocumentKind, Preconditions } from "./concurrency.ts";

/** Where a document lives; absent parts are "" (e.g. no registration). */
export interface DocumentKey {
  kind: DocumentKind;
  activity: string;
  agent: string;
  registration: string;
  id: string;
}

/** A set of documents: `registration: null` means every registration (State, no filter). */
export type DocumentPlace = Omit<DocumentKey, "id" | "registration"> & {
  registration: string | null;
};

export interface StoredDocument {
  contentType: string;
  body: Uint8Array;
  etag: string;
  updated: string;
}

const etagOf = (body: Uint8Array) => `"${createHash("sha1").update(body).digest("hex")}"`;
const isJson = (type: string) => type.split(";")[0]?.trim().toLowerCase() === "application/json";
const WHERE = "key_hash = ?";
const keyParams = (k: DocumentKey) => [k.kind, k.activity, k.agent, k.registration, k.id];
const keyHash = (k: DocumentKey) =>
  documentKeyHash(k.kind, k.activity, k.agent, k.registration, k.id);
const lockName = keyHash;

function placeWhere(p: DocumentPlace): { where: string; params: string[] } {
  const params = [documentPlaceHash(p.kind, p.activity, p.agent)];
  let where = "place_hash = ?";
  if (p.registration !== null) {
    where += " AND registration = ?";
    params.push(p.registration);
  }
  return { where, params };
}

function jsonObject(body: Uint8Array, what: string): Record<string, unknown> {
  try {
    const value = JSON.parse(Buffer.from(body).toString("utf8")) as unknown;
    if (value && typeof value === "object" && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {}
  throw new XapiError(400, `The ${what} document is not a JSON object, so it cannot be merged.`);
}

export class DocumentStore {
  readonly sql: Sql;

  constructor(sql: Sql) {
    this.sql = sql;
  }

  async get(key: DocumentKey, sql: Sql = this.sql): Promise<StoredDocument | null> {
    const row = await sql.get<{
      content_type: string;
      body: Uint8Array;
      etag: string;
      updated: string;
    }>(`SELECT content_type, body, etag, updated FROM lrs_documents WHERE ${WHERE}`, [
      keyHash(key),
    ]);
    return row
      ? {
          contentType: row.content_type,
          body: new Uint8Array(row.body),
          etag: row.etag,
          updated: row.updated,
        }
      : null;
  }

  /** Ids of the documents at a place (of every registration when it is null), changed after `since`. */
  async ids(place: DocumentPlace, since?: string): Promise<string[]> {
    const { where, params } = placeWhere(place);
    const rows = await this.sql.all<{ doc_id: string }>(
      `SELECT DISTINCT doc_id FROM lrs_documents WHERE ${where}${since ? " AND updated > ?" : ""} ORDER BY doc_id`,
      [...params, ...(since ? [since] : [])],
    );
    return rows.map((r) => r.doc_id);
  }

  /** PUT: replaces the document (or creates it), after the preconditions pass. */
  async put(
    key: DocumentKey,
    contentType: string,
    body: Uint8Array,
    p: Preconditions,
    now: string,
    rules: ConcurrencyRules = DEFAULT_RULES(key.kind),
  ): Promise<void> {
    await this.locked(key, async (tx, existing) => {
      checkPreconditions(existing?.etag ?? null, p, "PUT", rules);
      await this.write(tx, key, contentType, body, now);
    });
  }

  /** POST: creates, or merges JSON objects top-level (the JSON procedure of the document resources). */
  async post(
    key: DocumentKey,
    contentType: string,
    body: Uint8Array,
    p: Preconditions,
    now: string,
    rules: ConcurrencyRules = DEFAULT_RULES(key.kind),
  ): Promise<void> {
    await this.locked(key, async (tx, existing) => {
      checkPreconditions(existing?.etag ?? null, p, "POST", rules);
      if (!existing) return this.write(tx, key, contentType, body, now);
      if (!isJson(existing.contentType) || !isJson(contentType)) {
        throw new XapiError(
          400,
          "POST can only merge JSON documents; use PUT to replace a non-JSON document.",
        );
      }
      const merged = { ...jsonObject(existing.body, "stored"), ...jsonObject(body, "posted") };
      await this.write(tx, key, "application/json", Buffer.from(JSON.stringify(merged)), now);
    });
  }

  async delete(
    key: DocumentKey,
    p: Preconditions,
    rules: ConcurrencyRules = DEFAULT_RULES(key.kind),
  ): Promise<void> {
    await this.locked(key, async (tx, existing) => {
      checkPreconditions(existing?.etag ?? null, p, "DELETE", rules);
      if (existing) await tx.run(`DELETE FROM lrs_documents WHERE ${WHERE}`, [keyHash(key)]);
    });
  }

  /** DELETE of all state documents of an activity and agent (of one registration, or of all). */
  async deleteAll(place: DocumentPlace): Promise<void> {
    const { where, params } = placeWhere(place);
    await this.sql.run(`DELETE FROM lrs_documents WHERE ${where}`, params);
  }

  private locked(
    key: DocumentKey,
    work: (tx: Sql, existing: StoredDocument | null) => Promise<void>,
  ): Promise<void> {
    return this.sql.transaction(async (tx) => {
      await lockNames(tx, LOCK_SPACE.document, [lockName(key)]);
      await work(tx, await this.get(key, tx));
    });
  }

  // An upsert, not UPDATE-or-INSERT: a DELETE of all state documents committing between the
  // read and the write must not turn an acknowledged PUT into a lost one.
  private async write(
    tx: Sql,
    key: DocumentKey,
    contentType: string,
    body: Uint8Array,
    now: string,
  ) {
    await tx.run(
      `INSERT INTO lrs_documents (key_hash, place_hash, kind, activity, agent, registration, doc_id, content_type, body, etag, updated)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (key_hash) DO UPDATE SET
         content_type = excluded.content_type, body = excluded.body, etag = excluded.etag, updated = excluded.updated`,
      [
        keyHash(key),
        documentPlaceHash(key.kind, key.activity, key.agent),
        ...keyParams(key),
        contentType,
        body,
        etagOf(body),
        now,
      ],
    );
  }
}
