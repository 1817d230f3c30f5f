// Through the API, as a learner's session writes: a learner of another unit with lessons and
// practice answers shows in none of the officer's views or exports; and practice answers count
// only on items of the banks, with the banks' clauses, however the statements are tagged.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPracticeCatalogue } from "../../../src/server/banks/practice.ts";
import { type Harness, lesson, ORIGIN, openHarness } from "./platform.ts";

const CLAUSES = "https://adal.kz/xapi/extensions/clauses";
// A real practice item that tests clause 2.10 (and only it).
const [real] = [...loadPracticeCatalogue("quizzes/practice").items].find(
  ([, item]) => item.clauses.length === 1 && item.clauses[0] === "2.10",
) ?? [""];

const answer = (item: string, clauses: string[], success: boolean) => ({
  actor: { objectType: "Agent", account: { homePage: ORIGIN, name: "100002" } },
  verb: { id: "http://adlnet.gov/expapi/verbs/answered" },
  object: { objectType: "Activity", id: `${ORIGIN}/xapi/activities/quiz-item/${item}` },
  result: { success, response: "a" },
  context: { extensions: { [CLAUSES]: clauses } },
});

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
  // 100002 (unit OTHER) reads three lessons, opens a fourth, and practises: 25 wrong answers on
  // items no bank has, tagged 2.10, and 25 wrong answers on a real 2.10 item, tagged 9.1.
  const stored = await h.postStatements("100002", [
    ...[1, 2, 3].map((n) => lesson("100002", n, "completed", "2026-11-20T06:00:00Z")),
    lesson("100002", 4, "experienced", "2026-11-01T06:00:00Z"),
    ...Array.from({ length: 25 }, (_, i) => answer(`p02-fake-${i}`, ["2.10"], false)),
    ...Array.from({ length: 25 }, () => answer(real, ["9.1"], false)),
  ]);
  expect(stored.status).toBe(200);
});
afterAll(async () => h.platform.close());

describe("an officer's views leave out other units' learners who have data", () => {
  it("shows none of 100002's lessons or answers, in JSON or in exports", async () => {
    const overview = await h.json("/api/reports/overview");
    for (const unit of overview.units) expect(unit.lessonCompleted.slice(1, 3)).toEqual([0, 0]);
    expect((await h.json("/api/reports/stuck")).rows).toEqual([]);
    // Only 100001's exam answers: no practice anywhere.
    const heat = await h.json("/api/reports/clauses");
    expect(heat.clauses.length).toBeGreaterThan(0);
    expect(
      heat.clauses.every((c: { practice: { answers: number } }) => c.practice.answers === 0),
    ).toBe(true);
    const units = await h.json("/api/reports/clauses/units");
    for (const u of units.units)
      expect(
        u.sections.every((s: { practice: { answers: number } }) => s.practice.answers === 0),
      ).toBe(true);
    expect((await h.json("/api/reports/clauses/2.10")).items).toEqual([]);
    const trends = await h.json("/api/reports/trends");
    const lessons = trends.months.reduce(
      (n: number, m: { lessonCompletions: number }) => n + m.lessonCompletions,
      0,
    );
    expect(lessons).toBe(1); // 100001's lesson 1
    expect((await h.json("/api/reports/items")).attemptsCounted).toBe(1);
    for (const view of [
      "overview",
      "due",
      "stuck",
      "clauses",
      "clauses/units",
      "trends",
      "items",
    ]) {
      const csv = await (await h.request(`/api/reports/${view}?format=csv`, "800001")).text();
      expect(csv, view).not.toContain("100002");
    }
  });
});

describe("practice answers written by a learner's session", () => {
  it("count on bank items only, with the bank's clause, whatever the statement says", async () => {
    expect(real).toMatch(/^p02-/u);
    const heat = await h.json("/api/reports/clauses", "900001");
    // 9.1 (the statements' tag) has no practice answer: only the bank's clause has.
    const practised = heat.clauses.filter(
      (c: { practice: { answers: number } }) => c.practice.answers > 0,
    );
    expect(practised.map((c: { clause: string }) => c.clause)).toEqual(["2.10"]);
    const tenth = heat.clauses.find((c: { clause: string }) => c.clause === "2.10");
    // 25 answers on the real item (one first try, one learner); the 25 invented ones count nowhere.
    expect(tenth.practice).toEqual({
      answers: 25,
      wrong: 25,
      firstAnswers: 1,
      firstWrong: 1,
      learners: 1,
    });
    const detail = await h.json("/api/reports/clauses/2.10", "900001");
    expect(detail.items.map((i: { itemId: string }) => i.itemId)).toEqual([real]);
    const other = await h.json("/api/reports/clauses/units", "900001");
    const section2 = other.units.find((u: { unit: string }) => u.unit === "OTHER").sections[1];
    expect(section2.practice).toMatchObject({ answers: 25, wrong: 25 });
  });
});
