// An exam on a real database for tests: accounts, the LRS statement store (with the reporting
// projection), the exam service writing its record through the real recorder, the platform
// API, and the whole origin (/api and the LRS at /xapi with the sessions' policy), all on a
// clock the test moves.
import { createApp } from "../../../src/server/app.ts";
import { certificateRoutes } from "../../../src/server/certificates/routes.ts";
import type { ExamPoolItem } from "../../../src/server/exam/attempt.ts";
import { examBankResponses } from "../../../src/server/exam/bank-responses.ts";
import { parseBlueprint } from "../../../src/server/exam/blueprint.ts";
import { examRecorder } from "../../../src/server/exam/record.ts";
import { examRoutes } from "../../../src/server/exam/routes.ts";
import { type ExamDeps, ExamService } from "../../../src/server/exam/service.ts";
import type { StatementSigner } from "../../../src/server/exam/signing.ts";
import { ExamStore } from "../../../src/server/exam/store.ts";
import { createLrs } from "../../../src/server/lrs/app.ts";
import { DocumentStore } from "../../../src/server/lrs/document-store.ts";
import { StatementStore } from "../../../src/server/lrs/statement-store.ts";
import { learnerActor } from "../../../src/server/platform/actor.ts";
import { createPlatformApi } from "../../../src/server/platform/api.ts";
import { platformPolicy, sessionResolver } from "../../../src/server/platform/lrs-access.ts";
import { migrateAll } from "../../../src/server/platform/open.ts";
import { projectionHook } from "../../../src/server/reports/store.ts";
import type { Statement } from "../../../src/server/xapi/types.ts";
import { testAccounts, testHash } from "../helpers/accounts.ts";
import type { TestDatabase } from "../helpers/databases.ts";

export const ORIGIN = "https://adal.test";
export const PASSWORD = "Bastapqy-Pass-1";
export const SECTIONS = [2, 3, 4, 5, 6, 7, 8, 9, 10];
export const T0 = Date.UTC(2026, 10, 25, 9, 0);

/**
 * Four single-choice items per section. The right option's text starts with KEY-TEXT and its
 * place in the bank moves from item to item, as in the real banks after the position rule.
 */
export const POOL: ExamPoolItem[] = SECTIONS.flatMap((section) =>
  Array.from({ length: 4 }, (_, i) => {
    const texts = [`KEY-TEXT-${section}-${i}`, "Қабылдаймын", "Ойланамын"];
    const keyAt = (section + i) % 3;
    const ordered = [...texts.slice(1, 1 + keyAt), texts[0] as string, ...texts.slice(1 + keyAt)];
    return {
      id: `x${String(section).padStart(2, "0")}-item-${i}`,
      section,
      clauses: [`${section}.${i + 1}`],
      type: "single" as const,
      stem: `STEM-${section}-${i} Сізге сыйлық ұсынылды. Не істейсіз?`,
      options: ordered.map((text, n) => ({
        id: "abc"[n] as string,
        text,
        correct: text.startsWith("KEY-TEXT"),
      })),
    };
  }),
);

/** The practice banks' items: three per section, as the site would record them. */
export const PRACTICE = new Map(
  Array.from({ length: 11 }, (_, i) => [
    i + 1,
    [0, 1, 2].map((n) => `p${String(i + 1).padStart(2, "0")}-item-${n}`),
  ]),
);

export interface View {
  id: string;
  deadline: string;
  items: { id: string; options: { id: string; text: string }[] }[];
  answers: Record<string, string[]>;
  submitted: boolean;
}

export async function examSetup(
  database: TestDatabase,
  options: {
    sign?: StatementSigner;
    people?: string[];
    blueprint?: object;
    /** People who are not learners; officers supervise the unit DP. */
    roles?: Record<string, "officer" | "admin">;
  } = {},
) {
  const db = await database.open();
  await migrateAll({ sql: db.sql, describe: database.name, close: db.close });
  const clock = { now: T0 };
  const time = () => new Date(clock.now);
  const accounts = testAccounts(db.sql);
  await accounts.addUnit({ code: "DP", name: "Департамент", parentCode: null });
  const hash = await testHash(PASSWORD);
  await accounts.createUsers(
    (options.people ?? ["100001", "100002"]).map((n) => ({
      personnelNumber: n,
      fullName: `Қызметкер ${n}`,
      unitCode: "DP",
      role: options.roles?.[n] ?? ("learner" as const),
      email: null,
      passwordHash: hash,
      mustChangePassword: false,
      officerUnits: options.roles?.[n] === "officer" ? ["DP"] : [],
    })),
    time(),
  );
  // The exam writes no practice statements: an empty practice catalogue is enough.
  const projection = { bankResponses: examBankResponses, practice: new Map() };
  const statements = new StatementStore(db.sql, projectionHook(ORIGIN, projection));
  const exams = new ExamStore(db.sql);
  const recorder = examRecorder({
    origin: ORIGIN,
    clock: time,
    hook: projectionHook(ORIGIN, projection),
    sign: options.sign,
  });
  /** Another exam service on the same database (another server instance). */
  const service = (record: ExamDeps["record"] = recorder) =>
    new ExamService({
      exams,
      pool: POOL,
      blueprint: parseBlueprint({
        items: 12,
        timeLimitMinutes: 30,
        passMark: 0.8,
        cooldownHours: 24,
        ...options.blueprint,
      }),
      clauseCounts: new Map(SECTIONS.map((s) => [s, 5])),
      clock: time,
      origin: ORIGIN,
      record,
      actorOf: (user) => learnerActor(user, ORIGIN),
      userById: (id) => accounts.userById(id),
    });
  const exam = service();
  const api = createPlatformApi({
    accounts,
    clock: time,
    origin: ORIGIN,
    routes: [
      examRoutes(exam),
      certificateRoutes({
        exams,
        accounts,
        statements,
        practice: PRACTICE,
        clock: time,
        origin: ORIGIN,
        timeZone: "Asia/Almaty",
      }),
    ],
  });

  const lrs = createLrs({
    statements,
    documents: new DocumentStore(db.sql),
    principals: [sessionResolver(accounts, ORIGIN, time)],
    policy: platformPolicy(accounts, ORIGIN),
    origin: ORIGIN,
    clock: time,
  });
  /** The whole origin: /api/… and /xapi/…, as a browser signed in to the platform sees it. */
  const app = createApp({ lrs, api });

  async function session(number: string): Promise<string> {
    const response = await api.request("/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ personnelNumber: number, password: PASSWORD }),
    });
    return (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  }

  const call = (path: string, cookie: string, method = "GET", body?: unknown) =>
    api.request(path, {
      method,
      headers: { cookie, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  async function start(cookie: string): Promise<View> {
    const response = await call("/exam/attempts", cookie, "POST");
    if (response.status !== 201)
      throw new Error(`start: ${response.status} ${await response.text()}`);
    return (await response.json()) as View;
  }

  /** The per-attempt id of the right option of an item (found by its text, as a person would). */
  const keyOf = (item: View["items"][number]) =>
    item.options.find((o) => o.text.startsWith("KEY-TEXT"))?.id ?? "";
  const wrongOf = (item: View["items"][number]) =>
    item.options.find((o) => !o.text.startsWith("KEY-TEXT"))?.id ?? "";

  async function answer(cookie: string, view: View, item: View["items"][number], option: string) {
    return call(`/exam/attempts/${view.id}/answers/${item.id}`, cookie, "PUT", {
      options: [option],
    });
  }

  /** Every statement in the LRS, oldest first. */
  async function recorded(): Promise<Statement[]> {
    return (await statements.query({ limit: 10_000, ascending: true })).statements;
  }

  return {
    db,
    clock,
    accounts,
    statements,
    exams,
    exam,
    service,
    recorder,
    api,
    app,
    session,
    call,
    start,
    keyOf,
    wrongOf,
    answer,
    recorded,
    close: db.close,
  };
}
