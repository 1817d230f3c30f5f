// The whole platform (openPlatform: LRS, sessions, the real exam service on the fixture pool,
// the real practice banks) for the reports' route tests, with a controllable clock. Units DP
// (with sub-unit DP-1) and OTHER; learners 100001 and 100003 in DP-1, 100002 in OTHER, the
// officer 800001 of DP and the admin 900001. 100001 has read lesson 1 late on 31 October UTC
// (1 November in Almaty) and passed the real exam with every answer right.
import { expect } from "vitest";
import { readConfig } from "../../../src/server/config.ts";
import { loadExamPool } from "../../../src/server/exam/pool.ts";
import { openPlatform, type Platform } from "../../../src/server/platform/open.ts";
import { TEST_COST, testHash } from "../helpers/accounts.ts";

export const ORIGIN = "https://adal.test";
const PASSWORD = "Routes-Pass-1";

export interface Harness {
  platform: Platform;
  /** The platform's clock, in milliseconds (starts at 2026-11-25 12:00 in Almaty). */
  now(): number;
  request(path: string, as?: string, init?: RequestInit): Promise<Response>;
  /** GET as someone (the officer by default), expecting 200, as JSON. */
  // biome-ignore lint/suspicious/noExplicitAny: report answers are checked field by field
  json(path: string, as?: string): Promise<any>;
  postStatements(as: string | null, statements: object[], auth?: string): Promise<Response>;
}

export const lesson = (person: string, n: number, verb: string, timestamp: string) => ({
  actor: { objectType: "Agent", account: { homePage: ORIGIN, name: person } },
  verb: { id: `http://adlnet.gov/expapi/verbs/${verb}` },
  object: { objectType: "Activity", id: `${ORIGIN}/xapi/activities/lesson/${n}` },
  timestamp,
});

export async function openHarness(): Promise<Harness> {
  let now = Date.parse("2026-11-25T07:00:00Z"); // 12:00 in Almaty
  const config = readConfig({
    ADAL_DB: ":memory:",
    ADAL_ORIGIN: ORIGIN,
    ADAL_QUIZ_DIR: "tests/fixtures/quizzes",
    ADAL_STATIC_DIR: "",
  });
  const platform = await openPlatform(config, () => new Date(now), { passwordCost: TEST_COST });
  const cookies = new Map<string, string>();
  const request = async (path: string, as?: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (as) headers.set("cookie", cookies.get(as) ?? "");
    return platform.app.request(`${ORIGIN}${path}`, { ...init, headers });
  };
  const harness: Harness = {
    platform,
    now: () => now,
    request,
    async json(path, as = "800001") {
      const response = await request(path, as);
      expect(response.status, `${path}: ${await response.clone().text()}`).toBe(200);
      return response.json();
    },
    async postStatements(as, statements, auth) {
      const headers: Record<string, string> = {
        "content-type": "application/json",
        "x-experience-api-version": "1.0.3",
      };
      if (auth) headers.authorization = auth;
      return request("/xapi/statements", as ?? undefined, {
        method: "POST",
        headers,
        body: JSON.stringify(statements),
      });
    },
  };

  const { accounts } = platform;
  await accounts.addUnit({ code: "DP", name: "Департамент", parentCode: null });
  await accounts.addUnit({ code: "DP-1", name: "1-бөлім", parentCode: "DP" });
  await accounts.addUnit({ code: "OTHER", name: "Басқа", parentCode: null });
  const hash = await testHash(PASSWORD);
  const people = [
    ["100001", "DP-1", "learner"],
    ["100002", "OTHER", "learner"],
    ["100003", "DP-1", "learner"],
    ["800001", "DP", "officer"],
    ["900001", "DP", "admin"],
  ] as const;
  const created = await accounts.createUsers(
    people.map(([personnelNumber, unitCode, role]) => ({
      personnelNumber,
      fullName: `Қызметкер ${personnelNumber}`,
      unitCode,
      role,
      email: `${personnelNumber}@police.kz`,
      passwordHash: hash,
      mustChangePassword: false,
    })),
    new Date(now),
  );
  await accounts.assignOfficerUnits(created[3]?.id ?? "", ["DP"]);
  for (const [number] of people) {
    const response = await request("/api/session", undefined, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ personnelNumber: number, password: PASSWORD }),
    });
    expect(response.status).toBe(200);
    cookies.set(number, (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "");
  }

  // 100001 reads lesson 1 late in the evening of 31 October UTC: 1 November in Almaty.
  const read = await harness.postStatements("100001", [
    lesson("100001", 1, "experienced", "2026-10-31T19:50:00Z"),
    lesson("100001", 1, "completed", "2026-10-31T20:00:00Z"),
  ]);
  expect(read.status).toBe(200);

  // 100001 takes the real exam and answers every item with the fixture pool's key, found by
  // its text (each attempt gives the options random ids of their own).
  const keys = new Map(
    loadExamPool("tests/fixtures/quizzes/exam").map((i) => [
      i.id,
      new Set(i.options.filter((o) => o.correct).map((o) => o.text)),
    ]),
  );
  const started = await request("/api/exam/attempts", "100001", { method: "POST" });
  expect(started.status).toBe(201);
  const attempt = (await started.json()) as {
    id: string;
    items: { id: string; options: { id: string; text: string }[] }[];
  };
  for (const item of attempt.items) {
    const key = item.options.filter((o) => keys.get(item.id)?.has(o.text)).map((o) => o.id);
    const put = await request(`/api/exam/attempts/${attempt.id}/answers/${item.id}`, "100001", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ options: key }),
    });
    expect(put.status).toBe(204);
  }
  now += 5 * 60_000 + 30_000;
  const submitted = await request(`/api/exam/attempts/${attempt.id}/submit`, "100001", {
    method: "POST",
  });
  expect(submitted.status).toBe(200);
  return harness;
}
