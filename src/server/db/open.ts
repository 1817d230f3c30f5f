// Opens the configured database: embedded SQLite (WAL) by default, PostgreSQL with DATABASE_URL.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DatabaseSync } from "node:sqlite";
import pg from "pg";
import { postgresSql, type Sql, sqliteSql } from "./sql.ts";

export interface Database {
  sql: Sql;
  describe: string;
  close(): Promise<void>;
}

export async function openDatabase(options: {
  url?: string | undefined;
  file: string;
  sync?: "NORMAL" | "FULL";
}): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    await pool.query("SELECT 1");
    return { sql: postgresSql(pool), describe: "PostgreSQL", close: () => pool.end() };
  }
  if (options.file !== ":memory:") mkdirSync(dirname(options.file), { recursive: true });
  const db = new DatabaseSync(options.file);
  // Checkpointing every 10,000 pages (40 MB of WAL) instead of SQLite's 1,000 writes each hot
  // index page back once where it was written ten times: bench:lrs measured 30-40 % more
  // statements/s on 2 cores. Durability is unchanged: a commit is in the WAL either way.
  // A 64 MiB page cache instead of 2 MiB keeps the statement indexes' hot pages in memory:
  // 15-40 % faster inserts between 100k and 400k statements.
  db.exec(
    `PRAGMA journal_mode = WAL; PRAGMA synchronous = ${options.sync ?? "NORMAL"}; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA wal_autocheckpoint = 10000; PRAGMA cache_size = -65536;`,
  );
  return { sql: sqliteSql(db), describe: `SQLite ${options.file}`, close: async () => db.close() };
}
