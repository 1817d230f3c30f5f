// Accounts, units, officer scopes, sessions and the audit log, over the shared SQL port.
import { randomUUID } from "node:crypto";
import type { Sql } from "../db/sql.ts";
import { PASSWORD_COST, type ScryptCost } from "../security/password.ts";
import {
  type AuditEntry,
  type AuditRow,
  type NewUser,
  toUser,
  type Unit,
  USER_COLUMNS,
  type User,
  type UserRow,
} from "./records.ts";
import type { Role } from "./roster.ts";

export type { AuditEntry, NewUser, Unit, User } from "./records.ts";

/** A session with no request for this long has ended (ADAL_SESSION_IDLE_MINUTES). */
export const SESSION_IDLE_MS = 2 * 60 * 60_000;
/** How stale a session's last-seen time may get before a request writes it again. */
const TOUCH_MS = 60_000;

export interface AccountOptions {
  /** The scrypt cost of new password hashes; only tests lower it (PASSWORD_COST otherwise). */
  passwordCost?: ScryptCost;
  /** Idle timeout of sessions (SESSION_IDLE_MS by default). */
  sessionIdleMs?: number;
}

export class AccountStore {
  readonly sql: Sql;
  readonly passwordCost: ScryptCost;
  readonly sessionIdleMs: number;

  constructor(sql: Sql, options: AccountOptions = {}) {
    this.sql = sql;
    this.passwordCost = options.passwordCost ?? PASSWORD_COST;
    this.sessionIdleMs = options.sessionIdleMs ?? SESSION_IDLE_MS;
  }

  async addUnit(unit: Unit): Promise<void> {
    if (
      unit.parentCode &&
      !(await this.sql.get("SELECT code FROM units WHERE code = ?", [unit.parentCode]))
    ) {
      throw new Error(`parent unit ${unit.parentCode} does not exist`);
    }
    await this.sql.run("INSERT INTO units (code, name, parent_code) VALUES (?, ?, ?)", [
      unit.code,
      unit.name,
      unit.parentCode,
    ]);
  }

  async unitExists(code: string): Promise<boolean> {
    return (await this.sql.get("SELECT code FROM units WHERE code = ?", [code])) !== undefined;
  }

  async listUnits(): Promise<Unit[]> {
    const rows = await this.sql.all<{ code: string; name: string; parent_code: string | null }>(
      "SELECT code, name, parent_code FROM units ORDER BY code",
    );
    return rows.map((r) => ({ code: r.code, name: r.name, parentCode: r.parent_code }));
  }

  /** The given units and every unit below them. */
  async unitTree(roots: readonly string[]): Promise<string[]> {
    const units = await this.listUnits();
    const result = new Set(roots);
    let grew = true;
    while (grew) {
      grew = false;
      for (const unit of units) {
        if (unit.parentCode && result.has(unit.parentCode) && !result.has(unit.code)) {
          result.add(unit.code);
          grew = true;
        }
      }
    }
    return [...result].sort();
  }

  /** Inserts all users or none (a roster import is never half-done). */
  async createUsers(users: readonly NewUser[], now: Date): Promise<User[]> {
    const at = now.toISOString();
    return this.sql.transaction(async (tx) => {
      const created: User[] = [];
      for (const u of users) {
        const id = randomUUID();
        await tx.run(
          `INSERT INTO users (id, personnel_number, full_name, unit_code, role, email, password_hash, must_change_password, failed_logins, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
          [
            id,
            u.personnelNumber,
            u.fullName,
            u.unitCode,
            u.role,
            u.email,
            u.passwordHash,
            u.mustChangePassword ? 1 : 0,
            at,
            at,
          ],
        );
        for (const unit of u.officerUnits ?? [])
          await tx.run("INSERT INTO officer_units (user_id, unit_code) VALUES (?, ?)", [id, unit]);
        const { officerUnits: _units, ...user } = u;
        created.push({ id, ...user });
      }
      return created;
    });
  }

  async userByNumber(personnelNumber: string): Promise<User | null> {
    const row = await this.sql.get<UserRow>(
      `SELECT ${USER_COLUMNS} FROM users WHERE personnel_number = ?`,
      [personnelNumber],
    );
    return row ? toUser(row) : null;
  }

  async userById(id: string): Promise<User | null> {
    const row = await this.sql.get<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`, [id]);
    return row ? toUser(row) : null;
  }

  async usersInUnits(units: readonly string[]): Promise<User[]> {
    if (units.length === 0) return [];
    const rows = await this.sql.all<UserRow>(
      `SELECT ${USER_COLUMNS} FROM users WHERE unit_code IN (${units.map(() => "?").join(", ")}) ORDER BY full_name`,
      units,
    );
    return rows.map(toUser);
  }

  async allUsers(): Promise<User[]> {
    return (
      await this.sql.all<UserRow>(`SELECT ${USER_COLUMNS} FROM users ORDER BY full_name`)
    ).map(toUser);
  }

  async setPassword(
    userId: string,
    passwordHash: string,
    mustChange: boolean,
    now: Date,
  ): Promise<void> {
    await this.sql.transaction(async (tx) => {
      await tx.run(
        "UPDATE users SET password_hash = ?, must_change_password = ?, updated_at = ? WHERE id = ?",
        [passwordHash, mustChange ? 1 : 0, now.toISOString(), userId],
      );
      // A new password (set by the person or an administrator) lifts every sign-in lock.
      for (const table of ["sign_in_throttle", "sign_in_accounts"])
        await tx.run(
          `DELETE FROM ${table} WHERE subject = (SELECT personnel_number FROM users WHERE id = ?)`,
          [userId],
        );
    });
  }

  /**
   * Replaces a hash with a costlier one of the same password (after a sign-in), unless the
   * password changed meanwhile: only the hash that was verified is replaced.
   */
  async upgradePasswordHash(userId: string, verified: string, upgraded: string): Promise<void> {
    await this.sql.run("UPDATE users SET password_hash = ? WHERE id = ? AND password_hash = ?", [
      upgraded,
      userId,
      verified,
    ]);
  }

  async setRole(userId: string, role: Role, now: Date): Promise<void> {
    await this.sql.run("UPDATE users SET role = ?, updated_at = ? WHERE id = ?", [
      role,
      now.toISOString(),
      userId,
    ]);
  }

  async assignOfficerUnits(userId: string, units: readonly string[]): Promise<void> {
    await this.sql.transaction(async (tx) => {
      await tx.run("DELETE FROM officer_units WHERE user_id = ?", [userId]);
      for (const unit of units)
        await tx.run("INSERT INTO officer_units (user_id, unit_code) VALUES (?, ?)", [
          userId,
          unit,
        ]);
    });
  }

  async addOfficerUnit(userId: string, unit: string): Promise<boolean> {
    const { changes } = await this.sql.run(
      "INSERT INTO officer_units (user_id, unit_code) VALUES (?, ?) ON CONFLICT DO NOTHING",
      [userId, unit],
    );
    return changes === 1;
  }

  async removeOfficerUnit(userId: string, unit: string): Promise<boolean> {
    const { changes } = await this.sql.run(
      "DELETE FROM officer_units WHERE user_id = ? AND unit_code = ?",
      [userId, unit],
    );
    return changes === 1;
  }

  async officerUnits(userId: string): Promise<string[]> {
    const rows = await this.sql.all<{ unit_code: string }>(
      "SELECT unit_code FROM officer_units WHERE user_id = ?",
      [userId],
    );
    return rows.map((r) => r.unit_code);
  }

  async createSession(idHash: string, userId: string, now: Date, expiresAt: Date): Promise<void> {
    await this.sql.run(
      "INSERT INTO sessions (id_hash, user_id, created_at, expires_at, last_seen_at) VALUES (?, ?, ?, ?, ?)",
      [idHash, userId, now.toISOString(), expiresAt.toISOString(), now.toISOString()],
    );
  }

  /**
   * The person of a session that is neither past its absolute expiry nor idle for longer than
   * `sessionIdleMs`; the request counts as activity (written at most once a minute, so a burst
   * of statements does not write the session row each time).
   */
  async sessionUser(idHash: string, now: Date): Promise<User | null> {
    const row = await this.sql.get<UserRow & { last_seen_at: string }>(
      `SELECT ${USER_COLUMNS.split(", ")
        .map((c) => `u.${c}`)
        .join(
          ", ",
        )}, s.last_seen_at FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = ? AND s.expires_at > ? AND s.last_seen_at > ?`,
      [idHash, now.toISOString(), new Date(now.getTime() - this.sessionIdleMs).toISOString()],
    );
    if (!row) return null;
    if (now.getTime() - Date.parse(row.last_seen_at) >= TOUCH_MS)
      await this.sql.run(
        "UPDATE sessions SET last_seen_at = ? WHERE id_hash = ? AND last_seen_at < ?",
        [now.toISOString(), idHash, now.toISOString()],
      );
    return toUser(row);
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.sql.run("DELETE FROM sessions WHERE id_hash = ?", [idHash]);
  }

  async deleteSessionsOf(userId: string): Promise<void> {
    await this.sql.run("DELETE FROM sessions WHERE user_id = ?", [userId]);
  }

  /** Ends every session of the person except the one given (a password change keeps its own). */
  async deleteOtherSessions(userId: string, keepIdHash: string): Promise<number> {
    const { changes } = await this.sql.run(
      "DELETE FROM sessions WHERE user_id = ? AND id_hash <> ?",
      [userId, keepIdHash],
    );
    return changes;
  }

  async audit(
    entry: { actorId: string | null; action: string; subject?: string; detail?: string },
    now: Date,
  ): Promise<void> {
    await this.sql.run(
      "INSERT INTO audit_log (id, at, actor_id, action, subject, detail) VALUES (?, ?, ?, ?, ?, ?)",
      [
        randomUUID(),
        now.toISOString(),
        entry.actorId,
        entry.action,
        entry.subject ?? null,
        entry.detail ?? null,
      ],
    );
  }

  async auditLog(limit: number): Promise<AuditEntry[]> {
    const rows = await this.sql.all<AuditRow>(
      "SELECT at, actor_id, action, subject, detail FROM audit_log ORDER BY at DESC, id LIMIT ?",
      [limit],
    );
    return rows.map((r) => ({
      at: r.at,
      actorId: r.actor_id,
      action: r.action,
      subject: r.subject,
      detail: r.detail,
    }));
  }
}
