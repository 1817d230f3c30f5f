#!/usr/bin/env node
import { type CliContext, openContext, UsageError } from "./cli/context.ts";
// The `adal` command: serve, migrate, and the administration of credentials, units and people.
import { credentialsCommand } from "./cli/credentials.ts";
import { demoCommand, unitsCommand, usersCommand } from "./cli/people.ts";
import { reportsCommand } from "./cli/reports.ts";
import { readConfig } from "./config.ts";
import { startServer } from "./main.ts";

const HELP = `adal — the Adal platform

  adal serve                                 start the site, the LRS (/xapi/) and the API (/api/)
  adal migrate                               create or update the database tables
  adal credentials create --name N --scopes S  new xAPI credential (key and secret printed once)
  adal credentials list | revoke KEY
  adal units add --code C --name N [--parent P] | list
  adal units assign-officer N UNIT | unassign-officer N UNIT   units a training officer supervises
  adal users import roster.csv               personnel_number,full_name,unit,role[,email]
  adal users add --number N --name N --unit U [--role R] [--officer UNIT,…]
  adal users set-role N learner|officer|admin
  adal users reset-password N | list
  adal users unlock N                        lift the sign-in locks of a number (audited)
  adal demo seed                             demo units and people (once)
  adal demo generate --learners N --months M synthetic learning history through the LRS
  adal reports rebuild                       rebuild the report tables from the stored statements

Database: DATABASE_URL (PostgreSQL) or ADAL_DB (SQLite file, default data/adal.sqlite).`;

const commands: Record<string, (ctx: CliContext, args: string[]) => Promise<void>> = {
  credentials: credentialsCommand,
  units: unitsCommand,
  users: usersCommand,
  demo: demoCommand,
  reports: reportsCommand,
  migrate: async (ctx) => ctx.out(`Database is up to date (${ctx.db.describe}).`),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "help" || name === "--help") {
    console.log(HELP);
    return name ? 0 : 1;
  }
  if (name === "serve") {
    const server = await startServer(readConfig());
    console.log(`Adal is running at ${server.url} (${server.platform.db.describe})`);
    return -1;
  }
  const command = commands[name];
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${HELP}`);
    return 2;
  }
  const ctx = await openContext();
  try {
    await command(ctx, args);
    return 0;
  } finally {
    await ctx.db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    console.error(
      error instanceof UsageError
        ? `Usage: ${error.message}`
        : `Error: ${(error as Error).message}`,
    );
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
