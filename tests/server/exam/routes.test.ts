// The exam through the platform API, with a controllable clock: nothing of the key leaks
// before grading, the deadline is enforced by the server, and nobody reads another's attempt.
import { beforeEach, describe, expect, it } from "vitest";
import { accountMigrations } from "../../../src/server/accounts/schema.ts";
import { AccountStore } from "../../../src/server/accounts/store.ts";
import { migrate } from "../../../src/server/db/migrate.ts";
import type { ExamPoolItem } from "../../../src/server/exam/attempt.ts";
import { parseBlueprint } from "../../../src/server/exam/blueprint.ts";
import { certificateRoutes, examRoutes } from "../../../src/server/exam/routes.ts";
import { examMigrations } from "../../../src/server/exam/schema.ts";
import { ExamService } from "../../../src/server/exam/service.ts";
import { ExamStore } from "../../../src/server/exam/store.ts";
import { learnerActor } from "../../../src/server/platform/actor.ts";
import { createPlatformApi } from "../../../src/server/platform/api.ts";
import { reportMigrations } from "../../../src/server/reports/schema.ts";
import { hashPassword } from "../../../src/server/security/password.ts";
import { sqliteDatabase } from "../helpers/databases.ts";

const origin = "https://adal.test";
const password = "Bastapqy-Pass-1";
const sections = [2, 3, 4, 5, 6, 7, 8, 9, 10];
const pool: ExamPoolItem[] = sections.flatMap((section) =>
  Array.from({ length: 4 }, (_, i) => ({
    id: `x${String(section).padStart(2, "0")}-item-${i}`,
    section,
    clauses: [`${section}.${i + 1}`],
    type: "single" as const,
    stem: `STEM-${section}-${i} Сізге сыйлық ұсынылды. Не істейсіз?`,
    options: [
      { id: "a", text: `KEY-TEXT-${section}-${i}`, correct: true },
      { id: "b", text: "Қабылдаймын", correct: false },
      { id: "c", text: "Ойланамын", correct: false },
    ],
  })),
);

let now: number;
let api: ReturnType<typeof createPlatformApi>;
let recorded: object[];

beforeEach(async () => {
  now = Date.UTC(2026, 10, 25, 9, 0);
  recorded = [];
  const { sql } = await sqliteDatabase.open();
  await migrate(sql, "accounts", accountMigrations);
  await migrate(sql, "exam", examMigrations);
  await migrate(sql, "reports", reportMigrations);
  const accounts = new AccountStore(sql);
  await accounts.addUnit({ code: "DP", name: "Департамент", parentCode: null });
  const hash = await hashPassword(password);
  await accounts.createUsers(
    ["100001", "100002"].map((n) => ({
      personnelNumber: n,
      fullName: `Қызметкер ${n}`,
      unitCode: "DP",
      role: "learner" as const,
      email: null,
      passwordHash: hash,
      mustChangePassword: false,
    })),
    new Date(now),
  );
  const clock = () => new Date(now);
  const exam = new ExamService({
    exams: new ExamStore(sql),
    pool,
    blueprint: parseBlueprint({
      items: 12,
      timeLimitMinutes: 30,
      passMark: 0.8,
      cooldownHours: 24,
    }),
    clauseCounts: new Map(sections.map((s) => [s, 5])),
    clock,
    origin,
    record: async (statements) => {
      recorded.push(...statements);
    },
    actorOf: (user) => learnerActor(user, origin),
  });
  api = createPlatformApi({
    accounts,
    clock,
    origin,
    routes: [examRoutes(exam), certificateRoutes(exam.deps.exams, accounts, sql, clock)],
  });
});

async function session(number: string): Promise<string> {
  const response = await api.request("/session", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ personnelNumber: number, password }),
  });
  return (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

const call = (path: string, cookie: string, method = "GET", body?: unknown) =>
  api.request(path, {
    method,
    headers: { cookie, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

interface View {
  id: string;
  items: { id: string; options: { id: string; text: string }[] }[];
}

async function start(cookie: string): Promise<View> {
  const response = await call("/exam/attempts", cookie, "POST");
  expect(response.status).toBe(201);
  return (await response.json()) as View;
}

async function answerAll(cookie: string, view: View, choose: (itemIndex: number) => string) {
  for (const [i, item] of view.items.entries()) {
    const r = await call(`/exam/attempts/${view.id}/answers/${item.id}`, cookie, "PUT", {
      options: [choose(i)],
    });
    expect(r.status).toBe(204);
  }
}

describe("exam API", () => {
  it("sends items without keys, feedback or correctness, every option shuffled per attempt", async () => {
    const cookie = await session("100001");
    const response = await call("/exam/attempts", cookie, "POST");
    const text = await response.text();
    expect(text).not.toMatch(/correct|feedback|explanation/u);
    const view = JSON.parse(text) as View;
    expect(view.items).toHaveLength(12);
    expect(new Set(view.items.map((i) => Number(i.id.slice(1, 3)))).size).toBe(9);
    const status = await (await call("/exam", cookie)).json();
    expect(status.openAttempt.id).toBe(view.id);
    // Only the initialized statement exists before grading; it carries no item content.
    expect(recorded).toHaveLength(1);
    expect(JSON.stringify(recorded)).not.toMatch(/STEM-|KEY-TEXT/u);
  });

  it("keeps one open attempt per learner and resumes it after a reload", async () => {
    const cookie = await session("100001");
    const view = await start(cookie);
    expect((await call("/exam/attempts", cookie, "POST")).status).toBe(409);
    await call(`/exam/attempts/${view.id}/answers/${view.items[0]?.id}`, cookie, "PUT", {
      options: ["b"],
    });
    const again = await (await call(`/exam/attempts/${view.id}`, cookie)).json();
    expect(again.answers).toEqual({ [view.items[0]?.id ?? ""]: ["b"] });
  });

  it("does not let a learner read, answer or submit another learner's attempt", async () => {
    const owner = await session("100001");
    const other = await session("100002");
    const view = await start(owner);
    expect((await call(`/exam/attempts/${view.id}`, other)).status).toBe(404);
    expect(
      (
        await call(`/exam/attempts/${view.id}/answers/${view.items[0]?.id}`, other, "PUT", {
          options: ["a"],
        })
      ).status,
    ).toBe(404);
    expect((await call(`/exam/attempts/${view.id}/submit`, other, "POST")).status).toBe(404);
    expect((await call(`/exam/attempts/${view.id}/result`, other)).status).toBe(404);
    expect((await call("/exam/attempts", "", "POST")).status).toBe(401);
  });

  it("refuses answers after the deadline and submits the attempt at the deadline", async () => {
    const cookie = await session("100001");
    const view = await start(cookie);
    await answerAll(cookie, view, () => "a");
    now += 30 * 60_000;
    const late = await call(
      `/exam/attempts/${view.id}/answers/${view.items[0]?.id}`,
      cookie,
      "PUT",
      { options: ["b"] },
    );
    expect(late.status).toBe(409);
    expect((await late.json()).message).toMatch(/time for this attempt is over/u);
    const submit = await call(`/exam/attempts/${view.id}/submit`, cookie, "POST");
    expect(submit.status).toBe(409);
    const result = await (await call(`/exam/attempts/${view.id}/result`, cookie)).json();
    expect(result).toMatchObject({
      correct: 12,
      total: 12,
      passed: true,
      submittedAt: new Date(now).toISOString(),
    });
  });

  it("auto-submits an abandoned attempt when the learner comes back", async () => {
    const cookie = await session("100001");
    const view = await start(cookie);
    await answerAll(cookie, view, (i) => (i < 3 ? "a" : "b"));
    now += 2 * 60 * 60_000;
    const status = await (await call("/exam", cookie)).json();
    expect(status.openAttempt).toBeNull();
    expect(status.lastAttempt).toMatchObject({ id: view.id, passed: false, scaled: 0.25 });
    expect(status.retakeAfter).toBe(
      new Date(Date.UTC(2026, 10, 25, 9, 30) + 24 * 3600_000).toISOString(),
    );
  });

  it("grades on the server, hides the key in the result and records the xAPI result", async () => {
    const cookie = await session("100001");
    const view = await start(cookie);
    await answerAll(cookie, view, (i) => (i === 0 ? "b" : "a"));
    now += 10 * 60_000;
    const response = await call(`/exam/attempts/${view.id}/submit`, cookie, "POST");
    const text = await response.text();
    expect(text).not.toMatch(/KEY-TEXT|"a"/u);
    const result = JSON.parse(text);
    expect(result).toMatchObject({ correct: 11, total: 12, passed: true });
    expect(result.clausesToReview).toHaveLength(1);
    const verbs = recorded.map((s) => (s as { verb: { id: string } }).verb.id.split("/").pop());
    expect(verbs.filter((v) => v === "answered")).toHaveLength(12);
    expect(verbs.slice(-3)).toEqual(["passed", "completed", "terminated"]);
    const verdict = recorded.at(-3) as {
      result: { score: { scaled: number }; duration: string };
      context: { registration: string };
    };
    expect(verdict.result.score.scaled).toBeCloseTo(11 / 12);
    expect(verdict.result.duration).toBe("PT10M");
    expect(verdict.context.registration).toBe(view.id);
    expect(JSON.stringify(recorded)).not.toMatch(/STEM-|KEY-TEXT|correctResponsesPattern/u);

    const verify = await api.request(`/certificates/${result.certificate.code}`);
    expect(await verify.json()).toMatchObject({
      kind: "exam",
      fullName: "Қызметкер 100001",
      valid: true,
    });
    expect((await api.request("/certificates/ADAL-2222-2222-2222")).status).toBe(404);
    const status = await (await call("/exam", cookie)).json();
    expect(status.nextDue).toBe(new Date(now + 365 * 24 * 3600_000).toISOString());
  });

  it("makes a failed learner wait for the cool-down", async () => {
    const cookie = await session("100001");
    const view = await start(cookie);
    await answerAll(cookie, view, () => "c");
    await call(`/exam/attempts/${view.id}/submit`, cookie, "POST");
    now += 23 * 3600_000;
    const fresh = await session("100001"); // the first session has expired meanwhile
    const early = await call("/exam/attempts", fresh, "POST");
    expect(early.status).toBe(409);
    expect((await early.json()).message).toMatch(/retake the exam after/u);
    now += 3600_000;
    expect((await call("/exam/attempts", fresh, "POST")).status).toBe(201);
  });

  it("issues the course certificate only once every lesson is completed", async () => {
    const cookie = await session("100002");
    const refused = await call("/certificates/course", cookie, "POST");
    expect(refused.status).toBe(409);
    expect((await refused.json()).message).toMatch(/still to complete: 1, 2, 3/u);
  });
});
