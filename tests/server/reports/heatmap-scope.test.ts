// The heatmap counts only the people in scope: people of other units, other roles and people
// with events but no user row are left out, with and without a date range.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountMigrations } from "../../../src/server/accounts/schema.ts";
import { migrate } from "../../../src/server/db/migrate.ts";
import type { Sql } from "../../../src/server/db/sql.ts";
import { clauseHeatmap } from "../../../src/server/reports/heatmap.ts";
import { reportMigrations } from "../../../src/server/reports/schema.ts";
import { ReportProjection } from "../../../src/server/reports/store.ts";
import { testAccounts } from "../helpers/accounts.ts";
import { databases } from "../helpers/databases.ts";

const ORIGIN = "https://adal.test";
const NOW = new Date("2026-11-25T12:00:00Z");

const answer = (person: string, clause: string, success: boolean, day: number) => ({
  id: crypto.randomUUID(),
  actor: { objectType: "Agent", account: { homePage: ORIGIN, name: person } },
  verb: { id: "http://adlnet.gov/expapi/verbs/answered" },
  object: { objectType: "Activity", id: `${ORIGIN}/xapi/activities/quiz-item/p02-gift-${day}` },
  stored: `2026-11-${String(day).padStart(2, "0")}T10:00:00.000Z`,
  result: { success },
  context: { extensions: { "https://adal.kz/xapi/extensions/clauses": [clause] } },
  timestamp: `2026-11-${String(day).padStart(2, "0")}T10:00:00.000Z`,
});

// Each answer is on an item of its own; the banks say which clause each one tests.
const PRACTICE = new Map(
  [2, 3, 4, 5, 6, 7, 20].map((day) => [
    `p02-gift-${day}`,
    { section: 2, clauses: [day === 20 ? "2.13" : "2.10"], stem: "Stem" },
  ]),
);

for (const database of databases) {
  describe(`heatmap scope on ${database.name}`, () => {
    let sql: Sql;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ sql, close } = await database.open());
      await migrate(sql, "accounts", accountMigrations);
      await migrate(sql, "reports", reportMigrations);
      const accounts = testAccounts(sql);
      await accounts.addUnit({ code: "U", name: "U", parentCode: null });
      await accounts.addUnit({ code: "X", name: "X", parentCode: null });
      const person = (n: string, unitCode: string, role: "learner" | "officer") => ({
        personnelNumber: n,
        fullName: n,
        unitCode,
        role,
        email: null,
        passwordHash: "x",
        mustChangePassword: false,
      });
      await accounts.createUsers(
        [
          person("A1", "U", "learner"),
          person("A2", "U", "learner"),
          person("A3", "U", "learner"),
          person("B1", "X", "learner"),
          person("O1", "U", "officer"),
        ],
        NOW,
      );
      await new ReportProjection(sql, ORIGIN, { practice: PRACTICE }).ingest([
        answer("A1", "2.10", false, 2),
        answer("A1", "2.10", false, 3),
        answer("A2", "2.10", true, 4),
        answer("A3", "2.13", false, 20),
        answer("B1", "2.10", false, 5), // another unit
        answer("O1", "2.10", false, 6), // another role
        answer("Z9", "2.10", false, 7), // no user row
      ]);
    });
    afterAll(async () => close());

    const heat = async (extra: object = {}) =>
      clauseHeatmap(sql, { units: ["U"], role: "learner", now: NOW, ...extra });

    it("counts only the learners of the unit", async () => {
      const all = await heat();
      const gift = all.find((h) => h.clause === "2.10");
      expect(gift?.practice).toMatchObject({ answers: 3, wrong: 2, learners: 2 });
      expect(all.map((h) => h.clause)).toEqual(["2.10", "2.13"]);
    });

    it("applies the date range (from inclusive, to exclusive)", async () => {
      const range = { from: "2026-11-03T10:00:00.000Z", to: "2026-11-04T10:00:00.000Z" };
      expect(await heat(range)).toEqual([
        expect.objectContaining({
          clause: "2.10",
          practice: expect.objectContaining({ answers: 1, wrong: 1 }),
        }),
      ]);
    });

    it("counts the same rows in both scope forms, and the same learners with or without a range", async () => {
      for (const f of [
        { units: ["U"], role: "learner" as const, now: NOW },
        { units: ["U", "X"], now: NOW },
        { units: ["X"], now: NOW },
      ]) {
        const inside = await clauseHeatmap(sql, f, "inside");
        expect(await clauseHeatmap(sql, f, "outside")).toEqual(inside);
        const wide = { ...f, from: "2020-01-01T00:00:00.000Z", to: "2030-01-01T00:00:00.000Z" };
        expect(await clauseHeatmap(sql, wide, "inside")).toEqual(inside);
      }
    });

    it("counts nobody for a unit without people", async () => {
      for (const form of ["inside", "outside"] as const) {
        expect(await clauseHeatmap(sql, { units: ["none"], now: NOW }, form)).toEqual([]);
        expect(await clauseHeatmap(sql, { units: [], now: NOW }, form)).toEqual([]);
      }
    });
  });
}
