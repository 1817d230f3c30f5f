// The reports API on the whole platform (openPlatform: LRS, sessions, the real exam service on
// the fixture pool), with a controllable clock: who may see what, strict dates in the reports'
// time zone, exports, and that only the exam service's results count — a real exam pass does,
// a pass posted with a tool's credential or an IRI that smuggles the exam's path does not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadExamPool } from "../../../src/server/exam/pool.ts";
import { type Harness, ORIGIN, openHarness } from "./platform.ts";

let h: Harness;
const request = (path: string, as?: string, init?: RequestInit) => h.request(path, as, init);
const json = (path: string, as?: string) => h.json(path, as);
const postStatements = (as: string | null, statements: object[], auth?: string) =>
  h.postStatements(as, statements, auth);

beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => h.platform.close());

const ENDPOINTS = [
  "/api/reports/overview",
  "/api/reports/due",
  "/api/reports/stuck",
  "/api/reports/items",
  "/api/reports/clauses",
  "/api/reports/clauses/units",
  "/api/reports/clauses/2.1",
  "/api/reports/trends",
  "/api/reports/learners/100001",
];

describe("reports API: who may see what", () => {
  it("answers 401 signed out and 403 to a learner on every endpoint, in every format", async () => {
    for (const path of ENDPOINTS) {
      expect((await request(path)).status, path).toBe(401);
      expect((await request(path, "100001")).status, path).toBe(403);
      expect((await request(`${path}?format=csv`, "100001")).status, path).toBe(403);
    }
  });

  it("refuses an officer a unit outside their units, and hides other units' learners", async () => {
    const response = await request("/api/reports/overview?unit=OTHER", "800001");
    expect(response.status).toBe(403);
    expect((await response.json()).message).toMatch(/OTHER is not among the units you supervise/u);
    for (const path of ENDPOINTS) {
      expect((await request(`${path}?unit=OTHER`, "800001")).status, path).toBe(403);
    }
    expect((await request("/api/reports/learners/100002", "800001")).status).toBe(404);
    expect((await request("/api/reports/learners/999999", "800001")).status).toBe(404);
    const overview = await json("/api/reports/overview");
    expect(overview.units.map((u: { unit: string }) => u.unit)).toEqual(["DP", "DP-1"]);
    const due = await json("/api/reports/due");
    expect(due.rows.map((r: { personnelNumber: string }) => r.personnelNumber)).not.toContain(
      "100002",
    );
    // The administrator sees every unit.
    const all = await json("/api/reports/overview", "900001");
    expect(all.units.map((u: { unit: string }) => u.unit)).toEqual(["DP", "DP-1", "OTHER"]);
  });
});

describe("reports API: dates", () => {
  it("refuses impossible dates with 400 and a message, never 500 or a roll-over", async () => {
    const cases: [string, RegExp][] = [
      ["from=2026-13-45", /month 13 does not exist/u],
      ["from=2026-02-30", /2026-02 has no day 30/u],
      ["to=2026-01-01T99:99Z", /no such time of day/u],
      ["to=2026-1-1", /use a date like 2026-01-31/u],
      ["from=2026-11-02&to=2026-11-01", /must be before/u],
      ["role=chief", /role must be/u],
      ["format=pdf", /format must be/u],
      ["limit=0", /limit must be/u],
      ["limit=5000", /limit must be a whole number from 0 to 1000/u],
      ["offset=-1", /offset must be a whole number/u],
      ["lang=en&format=csv", /lang must be/u],
    ];
    for (const [query, message] of cases) {
      const response = await request(`/api/reports/due?${query}`, "800001");
      expect(response.status, query).toBe(400);
      expect((await response.json()).message, query).toMatch(message);
    }
    const items = await request("/api/reports/items?attempts=some", "800001");
    expect(items.status).toBe(400);
  });

  it("reads from and to as local dates in Asia/Almaty, and says so in meta", async () => {
    const november = await json("/api/reports/trends?from=2026-11-01&to=2026-11-30&unit=DP-1");
    expect(november.meta).toMatchObject({
      timeZone: "Asia/Almaty",
      generatedAt: new Date(h.now()).toISOString(),
      filters: {
        unit: "DP-1",
        unitName: "1-бөлім",
        from: "2026-11-01",
        to: "2026-11-30",
        role: null,
      },
      stale: null,
    });
    expect(november.months).toHaveLength(1);
    expect(november.months[0]).toMatchObject({ month: "2026-11", lessonCompletions: 1 });
    const october = await json("/api/reports/overview?from=2026-10-01&to=2026-10-31&unit=DP-1");
    expect(october.units[0].lessonCompleted[0]).toBe(0);
    const first = await json("/api/reports/overview?from=2026-11-01&to=2026-11-01&unit=DP-1");
    expect(first.units[0].lessonCompleted[0]).toBe(1);
  });
});

describe("reports API: only the exam service's results count", () => {
  it("counts the real exam pass, not a pass posted with a credential or a smuggled IRI", async () => {
    const { credential, secret } = await h.platform.credentials.create(
      "A tool",
      ["statements/write"],
      new Date(h.now()),
    );
    const basic = `Basic ${Buffer.from(`${credential.key}:${secret}`).toString("base64")}`;
    const forged = (id: string, verb: string) => ({
      actor: { objectType: "Agent", account: { homePage: ORIGIN, name: "100003" } },
      verb: { id: `http://adlnet.gov/expapi/verbs/${verb}` },
      object: { objectType: "Activity", id },
      result: { success: true, score: { scaled: 1 } },
      context: {
        registration: "6fa459ea-ee8a-3ca4-894e-db77e160355e",
        extensions: { "https://adal.kz/xapi/extensions/clauses": ["2.1"] },
      },
    });
    const exam = `${ORIGIN}/xapi/activities/exam/annual-refresher`;
    const smuggled = `${ORIGIN}/xapi/activities/lesson/1?/xapi/activities/exam/annual-refresher`;
    const item = `${ORIGIN}/xapi/activities/quiz/x#/xapi/activities/exam/item/x02-fixture-gift`;
    const tool = await postStatements(
      null,
      [forged(exam, "passed"), forged(smuggled, "passed"), forged(item, "answered")],
      basic,
    );
    expect(tool.status).toBe(200);
    // The learner's own session may not even store them.
    expect((await postStatements("100003", [forged(smuggled, "completed")])).status).toBe(403);
    expect((await postStatements("100003", [forged(item, "answered")])).status).toBe(403);

    const overview = await json("/api/reports/overview?unit=DP-1");
    expect(overview.units[0]).toMatchObject({ examAttempts: 1, examPassRate: 1, overdue: 1 });
    const due = await json("/api/reports/due?unit=DP-1");
    expect(due.rows.map((r: { personnelNumber: string }) => r.personnelNumber)).toEqual(["100003"]);
    const items = await json("/api/reports/items?unit=DP-1");
    expect(items.attemptsCounted).toBe(1);
    const gift = items.items.find((i: { itemId: string }) => i.itemId === "x02-fixture-gift");
    expect(gift.attempts).toBe(1);
  });

  it("never sends an officer exam texts or the key (officers sit the exam); an admin gets them", async () => {
    // The officer could be in the middle of an attempt of their own.
    const started = await request("/api/exam/attempts", "800001", { method: "POST" });
    expect(started.status).toBe(201);
    const texts = new Set(
      loadExamPool("tests/fixtures/quizzes/exam").flatMap((i) => [
        i.stem,
        ...i.options.map((o) => o.text),
      ]),
    );
    const leaks = (body: string) => [...texts].filter((text) => body.includes(text));
    const items = await json("/api/reports/items");
    expect(items.keys).toBe(false);
    const gift = items.items.find((i: { itemId: string }) => i.itemId === "x02-fixture-gift");
    expect(gift).toMatchObject({ stem: null, section: 2, attempts: 1 });
    expect(gift.clauses.length).toBeGreaterThan(0);
    expect(gift.options.map((o: { label: string }) => o.label)).toEqual(["A", "B", "C"]);
    expect(gift.options.reduce((n: number, o: { count: number }) => n + o.count, 0)).toBe(1);
    for (const option of gift.options)
      expect(Object.keys(option).sort()).toEqual(["count", "label"]);
    // x02-fixture-gift tests clause 2.13: its drill-down lists the item, without its text.
    const detail = await json("/api/reports/clauses/2.13");
    expect(detail.items).toEqual([
      expect.objectContaining({ itemId: "x02-fixture-gift", stem: null }),
    ]);
    for (const path of ["/api/reports/items", "/api/reports/clauses/2.13"])
      expect(leaks(await (await request(path, "800001")).text()), path).toEqual([]);
    for (const format of ["csv", "xlsx"]) {
      const body = await (await request(`/api/reports/items?format=${format}`, "800001")).text();
      expect(body).not.toContain("✓");
      if (format === "csv") expect(leaks(body)).toEqual([]);
    }

    // The administrator (the content owner) sees the texts and the right option.
    const full = await json("/api/reports/items", "900001");
    expect(full.keys).toBe(true);
    const keyed = full.items.find((i: { itemId: string }) => i.itemId === "x02-fixture-gift");
    expect(keyed.stem.length).toBeGreaterThan(20);
    expect(keyed.options.filter((o: { correct: boolean }) => o.correct)).toHaveLength(1);
    expect(keyed.options.every((o: { text: string }) => o.text.length > 0)).toBe(true);
    expect(keyed.options.find((o: { correct: boolean }) => o.correct).count).toBe(1);
    const csv = await (await request("/api/reports/items?format=csv", "900001")).text();
    expect(csv).toContain("✓");
    expect(leaks(csv).length).toBeGreaterThan(0);
    const drill = await json("/api/reports/clauses/2.13", "900001");
    expect(drill.items[0].stem).toBe(keyed.stem);
  });

  it("drills down from a clause to its text and items", async () => {
    const detail = await json("/api/reports/clauses/2.1");
    expect(detail).toMatchObject({ clause: "2.1", section: 2 });
    expect(detail.text).toMatch(/Президентінің саясатын/u);
    expect((await request("/api/reports/clauses/2.x", "800001")).status).toBe(400);
    expect((await request("/api/reports/clauses/2.99", "800001")).status).toBe(404);
  });
});

describe("reports API: lists, transcript and exports", () => {
  it("pages the lists with their total", async () => {
    const page = await json("/api/reports/due?limit=1");
    expect(page).toMatchObject({ total: 3, offset: 0, limit: 1 }); // 100003, the officer and the admin
    expect(page.rows).toHaveLength(1);
    const next = await json("/api/reports/due?limit=1&offset=1");
    expect(next.rows[0].personnelNumber).not.toBe(page.rows[0].personnelNumber);
  });

  it("gives one row per exam attempt in the transcript, with its precise duration", async () => {
    const t = await json("/api/reports/learners/100001");
    expect(t.exams).toEqual([
      expect.objectContaining({ attempt: 1, passed: true, scaled: 1, durationMs: 330_000 }),
    ]);
    expect(t.lessons).toEqual([
      expect.objectContaining({ section: 1, firstOpened: "2026-10-31T19:50:00.000Z" }),
    ]);
    const csv = await (await request("/api/reports/learners/100001?format=csv", "800001")).text();
    expect(csv).toContain("5 мин 30 с");
    expect(csv).toContain("2026-11-01 01:00"); // Almaty time
    const ru = await (
      await request("/api/reports/learners/100001?format=csv&lang=ru", "800001")
    ).text();
    expect(ru).toContain("5 мин 30 с");
    expect(ru).toContain("Экзамен");
  });

  it("exports every view as CSV and XLSX", async () => {
    for (const path of ENDPOINTS) {
      const csv = await request(`${path}?format=csv`, "800001");
      expect(csv.status, path).toBe(200);
      expect(csv.headers.get("content-type"), path).toContain("text/csv");
      expect(csv.headers.get("content-disposition"), path).toMatch(/adal-.*-2026-11-25\.csv/u);
      const xlsx = await request(`${path}?format=xlsx`, "800001");
      expect(xlsx.status, path).toBe(200);
      expect(
        Buffer.from(await xlsx.arrayBuffer())
          .subarray(0, 2)
          .toString(),
        path,
      ).toBe("PK");
    }
    // The about block, an empty line, then the table's header.
    const header = (csv: string) => {
      const lines = csv.split("\r\n");
      return lines[lines.indexOf("") + 1];
    };
    const due = await (await request("/api/reports/due?format=csv", "800001")).text();
    expect(header(due)).toContain("Жеке нөмір");
    expect(due).toContain("100003@police.kz");
    const ru = await (await request("/api/reports/due?format=csv&lang=ru", "800001")).text();
    expect(header(ru)).toContain("Личный номер");
  });
});
