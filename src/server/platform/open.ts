// Assembles the whole server from a configuration: database, migrations, stores, the LRS with
// its principals and policy, the platform API with the exam and reports, and the site.
import type { Hono } from "hono";
import { accountMigrations } from "../accounts/schema.ts";
import { type AccountOptions, AccountStore } from "../accounts/store.ts";
import { SignInThrottle } from "../accounts/throttle.ts";
import { createApp } from "../app.ts";
import { itemsBySection, loadPracticeCatalogue, type PracticeItems } from "../banks/practice.ts";
import { certificateRoutes } from "../certificates/routes.ts";
import type { Config } from "../config.ts";
import { migrate } from "../db/migrate.ts";
import { type Database, openDatabase } from "../db/open.ts";
import { examBankResponses } from "../exam/bank-responses.ts";
import { loadBlueprint, loadExamPool } from "../exam/pool.ts";
import { examRecorder } from "../exam/record.ts";
import { examRoutes } from "../exam/routes.ts";
import { examMigrations } from "../exam/schema.ts";
import { ExamService } from "../exam/service.ts";
import { loadSigner } from "../exam/signing.ts";
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
import { learnerActor } from "./actor.ts";
import { ApiError, createPlatformApi } from "./api.ts";
import { clientAddress } from "./client-address.ts";
import { platformPolicy, sessionResolver } from "./lrs-access.ts";
import { clauseCounts } from "./standards.ts";

export interface Platform {
  app: Hono;
  db: Database;
  accounts: AccountStore;
  credentials: CredentialStore;
  statements: StatementStore;
  examProblem: string | null;
  /** One round of periodic work: grade attempts past their deadline, forget old sign-in failures. */
  sweep(): Promise<{ graded: number; forgotten: number }>;
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
  /** Test-only: a cheaper password hash cost (production uses PASSWORD_COST). */
  options: AccountOptions = {},
): Promise<Platform> {
  const db = await openDatabase({
    url: config.DATABASE_URL,
    file: config.ADAL_DB,
    sync: config.ADAL_SQLITE_SYNC,
  });
  await migrateAll(db);
  const origin = config.origin;
  const accounts = new AccountStore(db.sql, {
    sessionIdleMs: config.ADAL_SESSION_IDLE_MINUTES * 60_000,
    ...options,
  });
  const credentials = new CredentialStore(db.sql);
  const practice = loadPracticeCatalogue(config.ADAL_PRACTICE_DIR);
  if (practice.problems.length > 0)
    console.warn(
      `Practice banks (${config.ADAL_PRACTICE_DIR}): ${practice.problems.join("; ")}. Reports leave out answers on unknown items; course certificates are refused.`,
    );
  // The course certificate needs every bank: with a problem it is refused, saying why.
  const coursePractice: PracticeItems | { problem: string } =
    practice.problems.length > 0
      ? { problem: practice.problems.join("; ") }
      : itemsBySection(practice.items);
  const projection = { practice: practice.items, bankResponses: examBankResponses };
  const statements = new StatementStore(db.sql, projectionHook(origin, projection));
  const lrs = createLrs({
    statements,
    documents: new DocumentStore(db.sql),
    principals: [basicAuthResolver(credentials, origin), sessionResolver(accounts, origin, clock)],
    policy: platformPolicy(accounts, origin),
    // The one origin whose browsers may send the session cookie across origins (CORS credentials).
    origin,
    clock,
    addressOf: (c) => clientAddress(c, new Set(config.ADAL_TRUSTED_PROXIES)),
    limits: {
      jsonBytes: config.ADAL_LRS_MAX_JSON_BYTES,
      multipartBytes: config.ADAL_LRS_MAX_MULTIPART_BYTES,
      formBytes: config.ADAL_LRS_MAX_FORM_BYTES,
      batch: config.ADAL_LRS_MAX_BATCH,
      pageMax: config.ADAL_LRS_MAX_PAGE,
    },
  });

  // The exam service records inside the transaction that grades an attempt (exam/record.ts).
  const record = examRecorder({
    origin,
    clock,
    hook: projectionHook(origin, projection),
    sign: loadSigner(config.ADAL_SIGNING_KEY, config.ADAL_SIGNING_CERT),
  });
  let examProblem: string | null = null;
  const exams = new ExamStore(db.sql);
  const routes: NonNullable<Parameters<typeof createPlatformApi>[0]["routes"]> = [
    await openReports(db.sql, config, accounts, clock),
    certificateRoutes({
      exams,
      accounts,
      statements,
      practice: coursePractice,
      clock,
      origin,
      timeZone: config.ADAL_TIMEZONE,
    }),
  ];
  let exam: ExamService | null = null;
  const skipped: string[] = [];
  try {
    exam = new ExamService({
      exams,
      pool: loadExamPool(`${config.ADAL_QUIZ_DIR}/exam`, { onSkip: (id) => skipped.push(id) }),
      blueprint: loadBlueprint(`${config.ADAL_QUIZ_DIR}/exam`),
      clauseCounts: clauseCounts(),
      clock,
      origin,
      record,
      actorOf: (user) => learnerActor(user, origin),
      userById: (id) => accounts.userById(id),
    });
    routes.push(examRoutes(exam));
    if (skipped.length > 0)
      console.warn(
        `The exam leaves out ${skipped.length} branching scenario(s) of its banks (practice only): ${skipped.join(", ")}`,
      );
  } catch (error) {
    examProblem = (error as Error).message;
    console.warn(`The exam is unavailable: ${examProblem}`);
    routes.push((api) => {
      api.all("/exam/*", () => {
        throw new ApiError(409, "exam-unavailable", `The exam is not available: ${examProblem}`);
      });
    });
  }
  const api = createPlatformApi({
    accounts,
    clock,
    origin,
    routes,
    trustedProxies: config.ADAL_TRUSTED_PROXIES,
  });
  const app = createApp({ lrs, api, staticDir: config.ADAL_STATIC_DIR });

  const throttle = new SignInThrottle(db.sql);
  const service = exam;
  const sweep = async () => ({
    graded: service ? await service.sweep() : 0,
    forgotten: await throttle.prune(clock().getTime()),
  });
  // Periodic, so a fail is on record at the deadline even if the learner never returns. With
  // several instances on one PostgreSQL database each sweeps; claiming is atomic.
  let sweeping: Promise<unknown> | null = null;
  const timer =
    config.ADAL_SWEEP_SECONDS > 0
      ? setInterval(() => {
          sweeping ??= sweep()
            .catch((error: unknown) => console.error("The periodic sweep failed:", error))
            .finally(() => {
              sweeping = null;
            });
        }, config.ADAL_SWEEP_SECONDS * 1000)
      : null;
  timer?.unref();
  return {
    app,
    db,
    accounts,
    credentials,
    statements,
    examProblem,
    sweep,
    async close() {
      if (timer) clearInterval(timer);
      await sweeping;
      await db.close();
    },
  };
}
