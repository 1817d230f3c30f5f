import type { Migration } from "../db/migrate.ts";

/** Tables of accounts, units, sessions and the audit log (same DDL on SQLite and PostgreSQL). */
export const accountMigrations: Migration[] = [
  {
    version: 1,
    statements: [
      `CREATE TABLE units (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        parent_code TEXT REFERENCES units(code)
      )`,
      `CREATE TABLE users (
        id TEXT PRIMARY KEY,
        personnel_number TEXT NOT NULL UNIQUE,
        full_name TEXT NOT NULL,
        unit_code TEXT NOT NULL REFERENCES units(code),
        role TEXT NOT NULL CHECK (role IN ('learner', 'officer', 'admin')),
        email TEXT,
        password_hash TEXT NOT NULL,
        must_change_password INTEGER NOT NULL DEFAULT 1,
        failed_logins INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
      "CREATE INDEX users_unit ON users (unit_code)",
      `CREATE TABLE officer_units (
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        unit_code TEXT NOT NULL REFERENCES units(code),
        PRIMARY KEY (user_id, unit_code)
      )`,
      `CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      )`,
      "CREATE INDEX sessions_user ON sessions (user_id)",
      `CREATE TABLE audit_log (
        id TEXT PRIMARY KEY,
        at TEXT NOT NULL,
        actor_id TEXT,
        action TEXT NOT NULL,
        subject TEXT,
        detail TEXT
      )`,
      "CREATE INDEX audit_at ON audit_log (at)",
    ],
  },
  {
    version: 2,
    statements: [
      // Failed sign-ins per personnel number as typed, known or not, so a lockout looks the
      // same for a number that has no account (nobody learns who exists). Times in epoch ms.
      // (users.failed_logins and users.locked_until of version 1 are no longer used.)
      `CREATE TABLE sign_in_throttle (
        subject TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        locked_until BIGINT,
        updated_at BIGINT NOT NULL
      )`,
      "CREATE INDEX sign_in_throttle_updated ON sign_in_throttle (updated_at)",
    ],
  },
  {
    version: 3,
    statements: [
      // Failures are now counted per number AND client address (a lock no longer shuts the
      // number out everywhere), plus per number over all addresses. Locks last minutes to a
      // day: those in force at the upgrade are forgotten with the old table.
      // `refusal_audited` holds the locked_until of the lock whose refusal was audited.
      "DROP TABLE sign_in_throttle",
      `CREATE TABLE sign_in_throttle (
        subject TEXT NOT NULL,
        address TEXT NOT NULL,
        failures INTEGER NOT NULL,
        locked_until BIGINT,
        refusal_audited BIGINT,
        updated_at BIGINT NOT NULL,
        PRIMARY KEY (subject, address)
      )`,
      "CREATE INDEX sign_in_throttle_updated ON sign_in_throttle (updated_at)",
      `CREATE TABLE sign_in_accounts (
        subject TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        window_start BIGINT NOT NULL,
        locked_until BIGINT,
        refusal_audited BIGINT,
        updated_at BIGINT NOT NULL
      )`,
      "CREATE INDEX sign_in_accounts_updated ON sign_in_accounts (updated_at)",
    ],
  },
  {
    version: 4,
    // The last request of each session, for the idle timeout; sessions open at the upgrade
    // count as used at that moment (nobody is signed out by the upgrade itself).
    statements: (dialect) => [
      "ALTER TABLE sessions ADD COLUMN last_seen_at TEXT",
      dialect === "postgres"
        ? `UPDATE sessions SET last_seen_at = to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
        : "UPDATE sessions SET last_seen_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
    ],
  },
];
