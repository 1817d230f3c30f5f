// The SQLite adapter's transactions: one connection serves concurrent requests, yet each
// transaction succeeds or fails on its own, and nobody is answered before it is committed.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Sql, sqliteSql } from "../../../src/server/db/sql.ts";

describe("sqliteSql transactions", () => {
  let dir: string;
  let db: DatabaseSync;
  let sql: Sql;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "adal-sql-"));
    db = new DatabaseSync(join(dir, "t.sqlite"));
    db.exec("PRAGMA journal_mode = WAL; CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER)");
    sql = sqliteSql(db);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const rows = async () =>
    (await sql.all<{ k: string }>("SELECT k FROM t ORDER BY k")).map((r) => r.k);
  const insert = (k: string) => (tx: Sql) => tx.run("INSERT INTO t (k, v) VALUES (?, 1)", [k]);

  it("gives each concurrent transaction its own result, and keeps a failure to itself", async () => {
    const results = await Promise.allSettled([
      sql.transaction(async (tx) => {
        await insert("a")(tx);
        return "first";
      }),
      sql.transaction(async (tx) => {
        await insert("b")(tx);
        await insert("a")(tx); // duplicate key: this whole transaction must vanish
        return "second";
      }),
      sql.transaction(async (tx) => {
        await insert("c")(tx);
        return "third";
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(results[0]).toMatchObject({ value: "first" });
    expect(results[2]).toMatchObject({ value: "third" });
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/u);
    expect(await rows()).toEqual(["a", "c"]);
  });

  it("answers only after the work is durable in the database file", async () => {
    await Promise.all(["x", "y"].map((k) => sql.transaction(insert(k))));
    const other = new DatabaseSync(join(dir, "t.sqlite"));
    try {
      expect(other.prepare("SELECT COUNT(*) AS n FROM t").get()).toEqual({ n: 2 });
    } finally {
      other.close();
    }
  });

  it("keeps nested transactions as savepoints of their member", async () => {
    await sql.transaction(async (tx) => {
      await insert("outer")(tx);
      await expect(
        tx.transaction(async (inner) => {
          await insert("inner")(inner);
          throw new Error("undo the inner part only");
        }),
      ).rejects.toThrow("undo the inner part only");
    });
    expect(await rows()).toEqual(["outer"]);
  });

  it("lets reads outside a transaction see only committed rows", async () => {
    const pending = sql.transaction(insert("late"));
    expect(await rows()).toEqual([]);
    await pending;
    expect(await rows()).toEqual(["late"]);
  });
});
