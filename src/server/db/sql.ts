// A minimal SQL port shared by the platform's stores: the same queries run on embedded SQLite
// (node:sqlite) and on PostgreSQL (pg). Queries use `?` placeholders; the PostgreSQL adapter
// numbers them. Keep SQL to the common subset (no RETURNING-only tricks, ISO text timestamps).
import type { DatabaseSync } from "node:sqlite";
import type { Pool, PoolClient } from "pg";

export type SqlValue = string | number | bigint | null | Uint8Array;
export type Row = Record<string, SqlValue>;

export interface Sql {
  readonly dialect: "sqlite" | "postgres";
  all<T extends Row = Row>(query: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T extends Row = Row>(query: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  run(query: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
  /** Runs `work` in one transaction; everything or nothing is written. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
}

export function sqliteSql(db: DatabaseSync): Sql {
  const cache = new Map<string, ReturnType<DatabaseSync["prepare"]>>();
  const prepare = (query: string) => {
    let statement = cache.get(query);
    if (!statement) {
      statement = db.prepare(query);
      cache.set(query, statement);
    }
    return statement;
  };
  // One connection serves every request. A transaction's work may await between statements, so
  // while one is open every other statement waits its turn: nothing from another request can
  // slip into (or be rolled back with) someone else's transaction.
  let queue: Promise<unknown> = Promise.resolve();
  let open = false;
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const result = queue.then(fn, fn);
    queue = result.catch(() => undefined);
    return result;
  };
  const direct = {
    all: <T extends Row>(query: string, params: readonly SqlValue[]) =>
      prepare(query).all(...params) as T[],
    get: <T extends Row>(query: string, params: readonly SqlValue[]) =>
      prepare(query).get(...params) as T | undefined,
    run: (query: string, params: readonly SqlValue[]) => ({
      changes: Number(prepare(query).run(...params).changes),
    }),
  };
  const outside = <T>(fn: () => T): Promise<T> =>
    open ? exclusive(async () => fn()) : new Promise<T>((resolve) => resolve(fn()));
  let depth = 0;
  const inside: Sql = {
    dialect: "sqlite",
    all: async (query, params = []) => direct.all(query, params),
    get: async (query, params = []) => direct.get(query, params),
    run: async (query, params = []) => direct.run(query, params),
    async transaction(work) {
      const name = `sp${++depth}`;
      db.exec(`SAVEPOINT ${name}`);
      try {
        const result = await work(inside);
        db.exec(`RELEASE ${name}`);
        return result;
      } catch (error) {
        db.exec(`ROLLBACK TO ${name}`);
        db.exec(`RELEASE ${name}`);
        throw error;
      } finally {
        depth--;
      }
    },
  };
  return {
    dialect: "sqlite",
    all: (query, params = []) => outside(() => direct.all(query, params)),
    get: (query, params = []) => outside(() => direct.get(query, params)),
    run: (query, params = []) => outside(() => direct.run(query, params)),
    transaction: (work) =>
      exclusive(async () => {
        open = true;
        db.exec("BEGIN IMMEDIATE");
        try {
          const result = await work(inside);
          db.exec("COMMIT");
          return result;
        } catch (error) {
          db.exec("ROLLBACK");
          throw error;
        } finally {
          open = false;
        }
      }),
  };
}

const numbered = (query: string) => {
  let n = 0;
  return query.replace(/\?/gu, () => `$${++n}`);
};

function clientSql(client: Pool | PoolClient, inTransaction: boolean): Sql {
  const sql: Sql = {
    dialect: "postgres",
    all: async <T extends Row>(query: string, params: readonly SqlValue[] = []) =>
      (await client.query(numbered(query), params as unknown[])).rows as T[],
    get: async <T extends Row>(query: string, params: readonly SqlValue[] = []) =>
      (await client.query(numbered(query), params as unknown[])).rows[0] as T | undefined,
    run: async (query, params = []) => ({
      changes: (await client.query(numbered(query), params as unknown[])).rowCount ?? 0,
    }),
    async transaction(work) {
      if (inTransaction) return work(sql);
      const connection = await (client as Pool).connect();
      try {
        await connection.query("BEGIN");
        const result = await work(clientSql(connection, true));
        await connection.query("COMMIT");
        return result;
      } catch (error) {
        await connection.query("ROLLBACK");
        throw error;
      } finally {
        connection.release();
      }
    },
  };
  return sql;
}

export function postgresSql(pool: Pool): Sql {
  return clientSql(pool, false);
}
