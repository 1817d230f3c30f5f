// State, Activity Profile and Agent Profile documents with ETags and the concurrency rules of
// Communication 1.3 (If-Match / If-None-Match → 412, missing precondition on overwrite → 409).
import { createHash } from "node:crypto";
import type { Sql } from "../db/sql.ts";
import { XapiError } from "../xapi/errors.ts";

export type DocumentKind = "state" | "activity-profile" | "agent-profile";

/** Where a document lives; absent parts are "" (e.g. no registration). */
export interface DocumentKey {
  kind: DocumentKind;
  activity: string;
  agent: string;
  registration: string;
  id: string;
}

export interface StoredDocument {
  contentType: string;
  body: Uint8Array;
  etag: string;
  updated: string;
}

export interface Preconditions {
  ifMatch?: string | undefined;
  ifNoneMatch?: string | undefined;
}

const etagOf = (body: Uint8Array) => `"${createHash("sha1").update(body).digest("hex")}"`;
const isJson = (type: string) => type.split(";")[0]?.trim().toLowerCase() === "application/json";

function check(
  existing: StoredDocument | null,
  p: Preconditions,
  requireForOverwrite: boolean,
): void {
  if (p.ifMatch !== undefined) {
    const tags = p.ifMatch.split(",").map((t) => t.trim());
    if (!existing || !(tags.includes("*") || tags.includes(existing.etag))) {
      throw new XapiError(
        412,
        "If-Match does not match the document's current ETag; fetch it again before changing it.",
      );
    }
  }
  if (p.ifNoneMatch !== undefined && existing) {
    const tags = p.ifNoneMatch.split(",").map((t) => t.trim());
    if (tags.includes("*") || tags.includes(existing.etag)) {
      throw new XapiError(412, "If-None-Match: the document already exists.");
    }
  }
  if (requireForOverwrite && existing && p.ifMatch === undefined && p.ifNoneMatch === undefined) {
    throw new XapiError(
      409,
      "The document exists: send If-Match with its ETag (or If-None-Match: *) to overwrite it.",
    );
  }
}

export class DocumentStore {
  readonly sql: Sql;

  constructor(sql: Sql) {
    this.sql = sql;
  }

  private where = "kind = ? AND activity = ? AND agent = ? AND registration = ? AND doc_id = ?";
  private params = (k: DocumentKey) => [k.kind, k.activity, k.agent, k.registration, k.id];

  async get(key: DocumentKey): Promise<StoredDocument | null> {
    const row = await this.sql.get<{
      content_type: string;
      body: Uint8Array;
      etag: string;
      updated: string;
    }>(
      `SELECT content_type, body, etag, updated FROM lrs_documents WHERE ${this.where}`,
      this.params(key),
    );
    return row
      ? {
          contentType: row.content_type,
          body: new Uint8Array(row.body),
          etag: row.etag,
          updated: row.updated,
        }
      : null;
  }

  /** Ids of the documents at a place, optionally changed after `since`. */
  async ids(key: Omit<DocumentKey, "id">, since?: string): Promise<string[]> {
    const rows = await this.sql.all<{ doc_id: string }>(
      `SELECT doc_id FROM lrs_documents WHERE kind = ? AND activity = ? AND agent = ? AND registration = ?${since ? " AND updated > ?" : ""} ORDER BY doc_id`,
      [key.kind, key.activity, key.agent, key.registration, ...(since ? [since] : [])],
    );
    return rows.map((r) => r.doc_id);
  }

  /** PUT: replaces the document. State documents skip the precondition rule (Communication 2.3). */
  async put(
    key: DocumentKey,
    contentType: string,
    body: Uint8Array,
    p: Preconditions,
    now: string,
  ): Promise<void> {
    await this.sql.transaction(async (tx) => {
      const existing = await new DocumentStore(tx).get(key);
      check(existing, p, key.kind !== "state");
      await this.write(tx, key, contentType, body, now, existing !== null);
    });
  }

  /** POST: creates, or merges JSON objects top-level (Communication 1.3 JSON procedure). */
  async post(
    key: DocumentKey,
    contentType: string,
    body: Uint8Array,
    p: Preconditions,
    now: string,
  ): Promise<void> {
    await this.sql.transaction(async (tx) => {
      const existing = await new DocumentStore(tx).get(key);
      check(existing, p, false);
      if (!existing) return this.write(tx, key, contentType, body, now, false);
      if (!isJson(existing.contentType) || !isJson(contentType)) {
        throw new XapiError(
          400,
          "POST can only merge JSON documents; use PUT to replace a non-JSON document.",
        );
      }
      const parse = (b: Uint8Array, what: string) => {
        try {
          const value = JSON.parse(Buffer.from(b).toString("utf8")) as unknown;
          if (value && typeof value === "object" && !Array.isArray(value))
            return value as Record<string, unknown>;
        } catch {}
        throw new XapiError(
          400,
          `The ${what} document is not a JSON object, so it cannot be merged.`,
        );
      };
      const merged = { ...parse(existing.body, "stored"), ...parse(body, "posted") };
      await this.write(tx, key, "application/json", Buffer.from(JSON.stringify(merged)), now, true);
    });
  }

  private async write(
    tx: Sql,
    key: DocumentKey,
    contentType: string,
    body: Uint8Array,
    now: string,
    exists: boolean,
  ) {
    const etag = etagOf(body);
    if (exists) {
      await tx.run(
        `UPDATE lrs_documents SET content_type = ?, body = ?, etag = ?, updated = ? WHERE ${this.where}`,
        [contentType, body, etag, now, ...this.params(key)],
      );
    } else {
      await tx.run(
        "INSERT INTO lrs_documents (kind, activity, agent, registration, doc_id, content_type, body, etag, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [...this.params(key), contentType, body, etag, now],
      );
    }
  }

  async delete(key: DocumentKey, p: Preconditions): Promise<void> {
    await this.sql.transaction(async (tx) => {
      const existing = await new DocumentStore(tx).get(key);
      if (p.ifMatch !== undefined) check(existing, { ifMatch: p.ifMatch }, false);
      await tx.run(`DELETE FROM lrs_documents WHERE ${this.where}`, this.params(key));
    });
  }

  /** DELETE of all state documents of an activity and agent (and registration, if given). */
  async deleteAll(key: Omit<DocumentKey, "id">): Promise<void> {
    await this.sql.run(
      "DELETE FROM lrs_documents WHERE kind = ? AND activity = ? AND agent = ? AND registration = ?",
      [key.kind, key.activity, key.agent, key.registration],
    );
  }
}
