// Real databases for tests: a fresh in-memory SQLite, and a fresh PostgreSQL schema per suite
// (DATABASE_URL, default the local test database). PostgreSQL being down fails the suite.
import { randomBytes } from "node:crypto";
import { DatabaseSync } from "node:sqlite";
import pg from "pg";
import { postgresSql, type Sql, sqliteSql } from "../../../src/server/db/sql.ts";

export const DATABASE_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export interface TestDatabase {
  name: "sqlite" | "postgres";
  open(): Promise<{ sql: Sql; close(): Promise<void> }>;
}

export const sqliteDatabase: TestDatabase = {
  name: "sqlite",
  async open() {
    const db = new DatabaseSync(":memory:");
    db.exec("PRAGMA foreign_keys = ON");
    return { sql: sqliteSql(db), close: async () => db.close() };
  },
};

export const postgresDatabase: TestDatabase = {
  name: "postgres",
  async open() {
    const schema = `t_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const pool = new pg.Pool({
      connectionString: DATABASE_URL,
      options: `-c search_path=${schema}`,
      max: 4,
    });
    return {
      sql: postgresSql(pool),
      async close() {
        await pool.query(`DROP SCHEMA ${schema} CASCADE`);
        await pool.end();
      },
    };
  },
};

export const databases = [sqliteDatabase, postgresDatabase];
