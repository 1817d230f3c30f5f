// Assembles the whole server from a configuration: database, migrations, stores, the LRS with
// its principals and policy, the platform API with the exam and reports, and the site.
import type { Hono } from "hono";
import { accountMigrations } from "../accounts/schema.ts";
import { AccountStore } from "../accounts/store.ts";
import { createApp } from "../app.ts";
import type { Config } from "../config.ts";
import { migrate } from "../db/migrate.ts";
import { type Database, openDatabase } from "../db/open.ts";
import { loadBlueprint, loadExamPool } from "../exam/pool.ts";
import { certificateRoutes, examRoutes } from "../exam/routes.ts";
import { examMigrations } from "../exam/schema.ts";
import { ExamService } from "../exam/service.ts";
import { ExamStore } from "../exam/store.ts";
import { createLrs } from "../lrs/app.ts";
import { CredentialStore } from "../lrs/credentials.ts";
import { DocumentStore } from "../lrs/document-store.ts";
import { basicAuthResolver } from "../lrs/principal.ts";
import { lrsMigrations } from "../lrs/schema.ts";
import { StatementStore } from "../lrs/statement-store.ts";
import { openReports } from "../reports/open.ts";
import { reportMigrations } from "../reports/schema.ts";
import { projectionHook } from "../reports/store.ts";
import { prepareStatement } from "../xapi/prepare.ts";
import type { Statement } from "../xapi/types.ts";
import { learnerActor } from "./actor.ts";
import { ApiError, createPlatformApi } from "./api.ts";
import { platformPolicy, sessionResolver } from "./lrs-access.ts";
import { clauseCounts } from "./standards.ts";

export interface Platform {
  app: Hono;
  db: Database;
  accounts: AccountStore;
  credentials: CredentialStore;
  statements: StatementStore;
  examProblem: string | null;
  close(): Promise<void>;
}

export async function migrateAll(db: Database): Promise<void> {
  await migrate(db.sql, "lrs", lrsMigrations);
  await migrate(db.sql, "accounts", accountMigrations);
  await migrate(db.sql, "exam", examMigrations);
  await migrate(db.sql, "reports", reportMigrations);
}

export async function openPlatform(
  config: Config,
  clock: () => Date = () => new Date(),
): Promise<Platform> {
  const db = await openDatabase({
    url: config.DATABASE_URL,
    file: config.ADAL_DB,
    sync: config.ADAL_SQLITE_SYNC,
  });
  await migrateAll(db);
  const origin = config.origin;
  const accounts = new AccountStore(db.sql);
  const credentials = new CredentialStore(db.sql);
  const statements = new StatementStore(db.sql, projectionHook(origin));
  const lrs = createLrs({
    statements,
    documents: new DocumentStore(db.sql),
    principals: [basicAuthResolver(credentials, origin), sessionResolver(accounts, origin, clock)],
    policy: platformPolicy(accounts, origin),
    clock,
  });

  // The exam service records with its own authority, straight into the store.
  const examAuthority = {
    objectType: "Agent" as const,
    account: { homePage: origin, name: "adal-exam-service" },
    name: "Adal exam service",
  };
  const record = async (raw: object[]) => {
    const stored = clock().toISOString();
    const prepared = (raw as Statement[]).map((s) =>
      prepareStatement(s, { stored, authority: examAuthority, version: "2.0.0" }),
    );
    await statements.insert(prepared);
  };
  let examProblem: string | null = null;
  const exams = new ExamStore(db.sql);
  const routes: NonNullable<Parameters<typeof createPlatformApi>[0]["routes"]> = [
    await openReports(db.sql, config, accounts, clock),
    certificateRoutes(exams, accounts, db.sql, clock),
  ];
  try {
    const exam = new ExamService({
      exams,
      pool: loadExamPool(`${config.ADAL_QUIZ_DIR}/exam`),
      blueprint: loadBlueprint(`${config.ADAL_QUIZ_DIR}/exam`),
      clauseCounts: clauseCounts(),
      clock,
      origin,
      record,
      actorOf: (user) => learnerActor(user, origin),
    });
    routes.push(examRoutes(exam));
  } catch (error) {
    examProblem = (error as Error).message;
    console.warn(`The exam is unavailable: ${examProblem}`);
    routes.push((api) => {
      api.all("/exam/*", () => {
        throw new ApiError(409, "exam-unavailable", `The exam is not available: ${examProblem}`);
      });
    });
  }
  const api = createPlatformApi({ accounts, clock, origin, routes });
  const app = createApp({ lrs, api, staticDir: config.ADAL_STATIC_DIR });
  return {
    app,
    db,
    accounts,
    credentials,
    statements,
    examProblem,
    close: () => db.close(),
  };
}
