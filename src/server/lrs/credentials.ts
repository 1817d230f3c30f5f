// Credentials for xAPI tools (HTTP Basic key + secret, with scopes). Only a scrypt hash of the
// secret is stored; the secret is shown once, when the credential is created.
import { createHash } from "node:crypto";
import type { Sql } from "../db/sql.ts";
import { hashPassword, randomToken, SECRET_COST, verifyPassword } from "../security/password.ts";
import { XapiError } from "../xapi/errors.ts";

export const SCOPES = [
  "statements/write",
  "statements/read",
  "statements/read/mine",
  "state",
  "define",
  "profile",
  "all/read",
  "all",
] as const;
export type Scope = (typeof SCOPES)[number];

export interface Credential {
  key: string;
  name: string;
  scopes: Scope[];
  createdAt: string;
  revokedAt: string | null;
}

export function parseScopes(text: string): Scope[] {
  const scopes = text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
  if (unknown.length > 0 || scopes.length === 0) {
    throw new Error(
      `unknown scope(s) ${unknown.join(", ") || "(none given)"}; use a comma-separated list of ${SCOPES.join(", ")}`,
    );
  }
  return scopes as Scope[];
}

type Row = {
  key: string;
  name: string;
  secret_hash: string;
  scopes: string;
  created_at: string;
  revoked_at: string | null;
};

const toCredential = (r: Row): Credential => ({
  key: r.key,
  name: r.name,
  scopes: JSON.parse(r.scopes) as Scope[],
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

const digest = (secret: string) => createHash("sha256").update(secret).digest("base64");

export class CredentialStore {
  readonly sql: Sql;
  /** key → a digest of a secret that passed scrypt against this stored hash. */
  private readonly verified = new Map<string, { secret: string; hash: string }>();

  constructor(sql: Sql) {
    this.sql = sql;
  }

  async create(
    name: string,
    scopes: Scope[],
    now: Date,
  ): Promise<{ credential: Credential; secret: string }> {
    const key = randomToken(12);
    const secret = randomToken(24);
    await this.sql.run(
      "INSERT INTO lrs_credentials (key, name, secret_hash, scopes, created_at) VALUES (?, ?, ?, ?, ?)",
      [
        key,
        name,
        await hashPassword(secret, SECRET_COST),
        JSON.stringify(scopes),
        now.toISOString(),
      ],
    );
    return {
      credential: { key, name, scopes, createdAt: now.toISOString(), revokedAt: null },
      secret,
    };
  }

  async list(): Promise<Credential[]> {
    return (await this.sql.all<Row>("SELECT * FROM lrs_credentials ORDER BY created_at")).map(
      toCredential,
    );
  }

  async revoke(key: string, now: Date): Promise<boolean> {
    this.verified.delete(key);
    const { changes } = await this.sql.run(
      "UPDATE lrs_credentials SET revoked_at = ? WHERE key = ? AND revoked_at IS NULL",
      [now.toISOString(), key],
    );
    return changes === 1;
  }

  /**
   * Checks key + secret. The credential's row is read on every request (one primary-key
   * lookup), so a revocation, by any server instance sharing the database, takes effect on
   * the next request. Only the scrypt check is remembered: a tool sending thousands of
   * statements pays for it once, not per request.
   */
  async verify(
    key: string,
    secret: string,
    limit?: { wait(): number; failed(): void },
  ): Promise<Credential | null> {
    const row = await this.sql.get<Row>(
      "SELECT * FROM lrs_credentials WHERE key = ? AND revoked_at IS NULL",
      [key],
    );
    if (!row) {
      this.verified.delete(key);
      return null;
    }
    const hit = this.verified.get(key);
    const sent = digest(secret);
    if (!(hit && hit.hash === row.secret_hash && hit.secret === sent)) {
      // Only here does a check cost scrypt: a known good secret above, an unknown key before.
      const wait = limit?.wait() ?? 0;
      if (wait > 0)
        throw new XapiError(
          429,
          `Too many wrong secrets for this key; try again in ${wait} s.`,
          "rate-limited",
          { "Retry-After": String(wait) },
        );
      if (!(await verifyPassword(secret, row.secret_hash))) {
        limit?.failed();
        return null;
      }
      this.verified.set(key, { secret: sent, hash: row.secret_hash });
    }
    return toCredential(row);
  }
}
