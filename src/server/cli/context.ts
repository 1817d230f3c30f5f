import { AccountStore } from "../accounts/store.ts";
import { type Config, readConfig } from "../config.ts";
import { type Database, openDatabase } from "../db/open.ts";
import { CredentialStore } from "../lrs/credentials.ts";
import { migrateAll } from "../platform/open.ts";
import { projectionState } from "../reports/rebuild.ts";

/** What every command gets: the configuration and the migrated database. */
export interface CliContext {
  config: Config;
  db: Database;
  accounts: AccountStore;
  credentials: CredentialStore;
  out: (line: string) => void;
}

export async function openContext(): Promise<CliContext> {
  const config = readConfig();
  const db = await openDatabase({
    url: config.DATABASE_URL,
    file: config.ADAL_DB,
    sync: config.ADAL_SQLITE_SYNC,
  });
  await migrateAll(db);
  // A database created by a command (e.g. `adal demo generate`) is stamped like one the
  // server creates, so its report tables are not taken for stale ones at the next start.
  await projectionState(db.sql, config.origin);
  return {
    config,
    db,
    accounts: new AccountStore(db.sql),
    credentials: new CredentialStore(db.sql),
    out: (line) => console.log(line),
  };
}

export class UsageError extends Error {}
