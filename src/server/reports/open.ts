// Wires the reports into the platform: checks at start-up that the projection matches the
// statements (a fresh database is stamped as current), loads what the reports read from the
// question banks, and mounts the routes.
import type { AccountStore } from "../accounts/store.ts";
import type { Config } from "../config.ts";
import type { Sql } from "../db/sql.ts";
import type { PlatformHelpers } from "../platform/api.ts";
import { loadReportBanks } from "./banks.ts";
import { projectionState } from "./rebuild.ts";
import { reportRoutes } from "./routes.ts";

export async function openReports(
  sql: Sql,
  config: Pick<Config, "origin" | "ADAL_QUIZ_DIR" | "ADAL_PRACTICE_DIR" | "ADAL_TIMEZONE">,
  accounts: AccountStore,
  clock: () => Date,
): Promise<(api: import("hono").Hono, helpers: PlatformHelpers) => void> {
  const state = await projectionState(sql, config.origin);
  if (state.stale)
    console.warn(`Reports: ${state.stale} Run \`adal reports rebuild\` to rebuild them.`);
  const banks = loadReportBanks(config.ADAL_QUIZ_DIR, config.ADAL_PRACTICE_DIR);
  if (banks.problem) console.warn(`Reports: no exam item texts (${banks.problem}).`);
  let stale = state.stale;
  let checked = Date.now();
  return reportRoutes({
    sql,
    accounts,
    clock,
    timeZone: config.ADAL_TIMEZONE,
    banks,
    // A rebuild run from the command line clears the notice within a minute, without a restart.
    stale: async () => {
      if (stale && Date.now() - checked > 60_000) {
        stale = (await projectionState(sql, config.origin)).stale;
        checked = Date.now();
      }
      return stale;
    },
  });
}
