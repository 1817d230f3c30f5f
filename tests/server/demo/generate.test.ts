// The demo history is realistic where the reports can tell: built from the real banks (answers
// graded by their real keys, exams drawn by the blueprint's rule), exams only after onboarding,
// a realistic share overdue, a spread of course completion, e-mails for everyone, and nothing
// dated after `now` (no pile-up of clamped events).
import { beforeAll, describe, expect, it } from "vitest";
import type { AccountStore } from "../../../src/server/accounts/store.ts";
import { loadPracticeCatalogue } from "../../../src/server/banks/practice.ts";
import type { Sql } from "../../../src/server/db/sql.ts";
import {
  type DemoBanks,
  generateHistory,
  loadDemoBanks,
} from "../../../src/server/demo/generate.ts";
import { seedDemo } from "../../../src/server/demo/seed.ts";
import { examBankResponses } from "../../../src/server/exam/bank-responses.ts";
import { allot } from "../../../src/server/exam/draw.ts";
import { StatementStore } from "../../../src/server/lrs/statement-store.ts";
import { migrateAll } from "../../../src/server/platform/open.ts";
import { itemAnalysis } from "../../../src/server/reports/items.ts";
import { dueLearners, overview } from "../../../src/server/reports/queries.ts";
import { projectionHook } from "../../../src/server/reports/store.ts";
import type { Statement } from "../../../src/server/xapi/types.ts";
import { validateStatement } from "../../../src/server/xapi/validate.ts";
import { testAccounts } from "../helpers/accounts.ts";
import { sqliteDatabase } from "../helpers/databases.ts";

const origin = "https://adal.test";
const now = new Date("2026-11-25T12:00:00Z");
const LEARNERS = 250;
let sql: Sql;
let accounts: AccountStore;
let banks: DemoBanks;
let all: Statement[];
let result: { learners: number; statements: number };

beforeAll(async () => {
  const db = await sqliteDatabase.open();
  sql = db.sql;
  await migrateAll({ sql, describe: "test", close: db.close });
  accounts = testAccounts(sql);
  await seedDemo(accounts, "Demo-Password-1", now);
  banks = loadDemoBanks("quizzes");
  const statements = new StatementStore(
    sql,
    projectionHook(origin, {
      bankResponses: examBankResponses,
      practice: loadPracticeCatalogue("quizzes/practice").items,
    }),
  );
  result = await generateHistory(accounts, statements, {
    learners: LEARNERS,
    months: 24,
    origin,
    now,
    banks,
  });
  const rows = await sql.all<{ body: string }>("SELECT body FROM lrs_statements ORDER BY seq");
  all = rows.map((r) => JSON.parse(r.body) as Statement);
}, 300_000);

const generated = (n: string) => Number(n) >= 500_000 && Number(n) < 600_000;
const verb = (s: Statement) => s.verb.id.split("/").at(-1);
const who = (s: Statement) => s.actor.account?.name ?? "";
const objectId = (s: Statement) => String((s.object as { id?: string }).id ?? "");

describe("demo history generator", () => {
  it("writes valid statements through the LRS store, none dated after now", () => {
    expect(result.learners).toBe(LEARNERS);
    expect(all.length).toBe(result.statements);
    for (const s of all.filter((_, i) => i % 97 === 0))
      expect(validateStatement(s, "1.0.3")).toEqual([]);
    const times = all.map((s) => Date.parse(s.timestamp ?? ""));
    expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
    expect(all.every((s) => Date.parse(s.stored ?? "") >= Date.parse(s.timestamp ?? ""))).toBe(
      true,
    );
    // No pile-up: at most one exam attempt's statements share a moment.
    const perMoment = new Map<string, number>();
    for (const s of all)
      perMoment.set(s.timestamp ?? "", (perMoment.get(s.timestamp ?? "") ?? 0) + 1);
    expect(Math.max(...perMoment.values())).toBeLessThanOrEqual(banks.blueprint.items + 3);
    expect(
      all.filter((s) => Date.parse(s.timestamp ?? "") > now.getTime() - 60_000).length,
    ).toBeLessThan(5);
  });

  it("gives every generated learner an e-mail", async () => {
    const people = (await accounts.allUsers()).filter((u) => generated(u.personnelNumber));
    expect(people).toHaveLength(LEARNERS);
    expect(people.every((u) => /^[^@\s]+@[^@\s]+\.[a-z]+$/u.test(u.email ?? ""))).toBe(true);
  });

  it("grades exam answers by the real keys and records them as the exam service", async () => {
    const keys = new Map(
      banks.pool.map((i) => [
        i.id,
        i.options
          .filter((o) => o.correct)
          .map((o) => o.id)
          .sort()
          .join(","),
      ]),
    );
    // The statements carry each attempt's random option ids; the bank ids are kept server-side.
    const rows = await sql.all<{
      attempt_id: string;
      item_id: string;
      bank_response: string;
      success: number;
    }>("SELECT attempt_id, item_id, bank_response, success FROM exam_item_answers");
    expect(rows.length).toBeGreaterThan(1000);
    const byKey = new Map(rows.map((r) => [`${r.attempt_id}/${r.item_id}`, r]));
    for (const r of rows)
      expect(r.success === 1, r.item_id).toBe(r.bank_response === keys.get(r.item_id));
    const answers = all.filter(
      (s) => verb(s) === "answered" && objectId(s).includes("/exam/item/"),
    );
    expect(answers.length).toBe(rows.length);
    for (const s of answers) {
      const item = objectId(s).split("/").at(-1) ?? "";
      const row = byKey.get(`${s.context?.registration}/${item}`);
      expect(row, item).toBeDefined();
      expect(s.result?.success, item).toBe(row?.success === 1);
      expect(s.result?.response ?? "", item).not.toMatch(/^[a-h](\[,\][a-h])*$/u);
      expect(s.authority?.account?.name).toBe("adal-exam-service");
    }
    // Right answers are not always option a: the keys of the real banks vary.
    const rightIds = new Set(rows.filter((r) => r.success === 1).map((r) => r.bank_response));
    expect(rightIds.size).toBeGreaterThan(2);
    expect(rows.some((r) => r.bank_response === "")).toBe(true); // some left unanswered
  });

  it("draws every attempt by the blueprint's rule", () => {
    const sectionOf = new Map(banks.pool.map((i) => [i.id, i.section]));
    const supply = new Map<number, number>();
    for (const i of banks.pool) supply.set(i.section, (supply.get(i.section) ?? 0) + 1);
    const expected = allot(banks.blueprint, banks.clauseCounts, supply);
    const byAttempt = new Map<string, number[]>();
    for (const s of all) {
      if (verb(s) !== "answered" || !objectId(s).includes("/exam/item/")) continue;
      const item = objectId(s).split("/").at(-1) ?? "";
      const key = s.context?.registration ?? "";
      byAttempt.set(key, [...(byAttempt.get(key) ?? []), sectionOf.get(item) ?? 0]);
    }
    expect(byAttempt.size).toBeGreaterThan(100);
    // One item from each required section at least; the rest by clause count, the seats left
    // by the fractions given by chance, so each section is within one item of its fixed share.
    for (const sections of byAttempt.values()) {
      expect(sections).toHaveLength(banks.blueprint.items);
      const counts = new Map<number, number>();
      for (const n of sections) counts.set(n, (counts.get(n) ?? 0) + 1);
      for (const s of banks.blueprint.sections) expect(counts.get(s) ?? 0).toBeGreaterThan(0);
      for (const [s, n] of expected)
        expect(Math.abs((counts.get(s) ?? 0) - n)).toBeLessThanOrEqual(1);
    }
  });

  it("has learners take the exam only after their onboarding", () => {
    const lastLesson = new Map<string, number>();
    const firstExam = new Map<string, number>();
    for (const s of all) {
      const t = Date.parse(s.timestamp ?? "");
      if (objectId(s).includes("/lesson/") && verb(s) === "completed")
        lastLesson.set(who(s), Math.max(lastLesson.get(who(s)) ?? 0, t));
      if (objectId(s).endsWith("/exam/annual-refresher") && verb(s) === "initialized")
        firstExam.set(who(s), Math.min(firstExam.get(who(s)) ?? Number.POSITIVE_INFINITY, t));
    }
    expect(firstExam.size).toBeGreaterThan(LEARNERS * 0.6);
    const recruits = [...firstExam].filter(([person]) => lastLesson.has(person));
    expect(recruits.length).toBeGreaterThan(LEARNERS * 0.2);
    for (const [person, t] of recruits)
      expect(t, person).toBeGreaterThan(lastLesson.get(person) ?? 0);
  });

  it("leaves a realistic share overdue and a spread of course completion", async () => {
    const units = (await accounts.listUnits()).map((u) => u.code);
    const scope = { units, role: "learner" as const, now, validityDays: 365, dueSoonDays: 30 };
    const due = await dueLearners(sql, scope);
    const overdue = due.rows.filter((r) => generated(r.personnelNumber) && r.status === "overdue");
    expect(overdue.length / LEARNERS).toBeGreaterThanOrEqual(0.1);
    expect(overdue.length / LEARNERS).toBeLessThanOrEqual(0.2);
    expect(due.rows.some((r) => r.status === "due-soon")).toBe(true);
    const rows = await overview(sql, scope);
    // Recruits onboard during the period; most of them finish, some stop part way.
    const completed = rows.reduce((s, r) => s + r.courseCompleted, 0);
    const lesson1 = rows.reduce((s, r) => s + (r.lessonCompleted[0] ?? 0), 0);
    const lesson11 = rows.reduce((s, r) => s + (r.lessonCompleted[10] ?? 0), 0);
    expect(lesson1 / LEARNERS).toBeGreaterThan(0.2);
    expect(lesson1 / LEARNERS).toBeLessThan(0.6);
    expect(completed / lesson1).toBeGreaterThan(0.6);
    expect(completed / lesson1).toBeLessThan(0.97);
    expect(lesson1).toBeGreaterThan(lesson11);
    const attempts = rows.reduce((s, r) => s + r.examAttempts, 0);
    const passed = rows.reduce((s, r) => s + (r.examPassRate ?? 0) * r.examAttempts, 0);
    expect(passed / attempts).toBeGreaterThan(0.5);
    expect(passed / attempts).toBeLessThan(0.9);
  });

  it("gives item statistics the spread of a real pool", async () => {
    const units = (await accounts.listUnits()).map((u) => u.code);
    const report = await itemAnalysis(sql, { units, now }, { pool: banks.pool });
    const judged = report.items.filter((i) => i.attempts >= report.minResponses);
    expect(judged.length).toBeGreaterThan(30);
    const positive = judged.filter((i) => (i.discrimination ?? 0) > 0).length;
    expect(positive / judged.length).toBeGreaterThan(0.8);
    const facility = judged.map((i) => i.facility);
    expect(Math.min(...facility)).toBeLessThan(0.7);
    expect(Math.max(...facility)).toBeGreaterThan(0.85);
  });
});
