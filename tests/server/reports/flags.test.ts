// Item flags end to end, on ten first attempts worked out by hand. Learners S1–S5 are strong,
// W1–W5 weak; each attempt has six items, right (1) or wrong (0):
//
//   item   S1 S2–S5 W1 W2–W5   facility
//   easy    1   1    1   1      100 %  (too easy)
//   g1–g3   1   1    0   0       50 %  (discriminate well)
//   neg     0   0    1   1       50 %  (right only for the weak: negative)
//   hard    1   0    1   0       20 %  (too hard)
//
// Totals: S1 5, S2–S5 4, W1 3, W2–W5 2. For an item, X = total − x (Moodle's rest of test).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountMigrations } from "../../../src/server/accounts/schema.ts";
import { AccountStore } from "../../../src/server/accounts/store.ts";
import { migrate } from "../../../src/server/db/migrate.ts";
import type { Sql } from "../../../src/server/db/sql.ts";
import { itemAnalysis } from "../../../src/server/reports/items.ts";
import { reportMigrations } from "../../../src/server/reports/schema.ts";
import { ReportProjection } from "../../../src/server/reports/store.ts";
import { databases } from "../helpers/databases.ts";
import { ago, attempt, NOW, ORIGIN, PRACTICE } from "./fixture.ts";

const STRONG = ["S1", "S2", "S3", "S4", "S5"];
const WEAK = ["W1", "W2", "W3", "W4", "W5"];

function answers(person: string): [string, boolean, string][] {
  const strong = STRONG.includes(person);
  const hard = person === "S1" || person === "W1";
  const item = (id: string, right: boolean): [string, boolean, string] => [
    id,
    right,
    right ? "a" : "b",
  ];
  return [
    item("x01-easy", true),
    item("x02-g1", strong),
    item("x03-g2", strong),
    item("x04-g3", strong),
    item("x05-neg", !strong),
    item("x06-hard", hard),
  ];
}

for (const database of databases) {
  describe(`item flags on ${database.name} (ten attempts)`, () => {
    let sql: Sql;
    let close: () => Promise<void>;
    const scope = { units: ["U"], now: NOW };

    beforeAll(async () => {
      ({ sql, close } = await database.open());
      await migrate(sql, "accounts", accountMigrations);
      await migrate(sql, "reports", reportMigrations);
      const accounts = new AccountStore(sql);
      await accounts.addUnit({ code: "U", name: "U", parentCode: null });
      await accounts.createUsers(
        [...STRONG, ...WEAK].map((n) => ({
          personnelNumber: n,
          fullName: `Person ${n}`,
          unitCode: "U",
          role: "learner" as const,
          email: null,
          passwordHash: "x",
          mustChangePassword: false,
        })),
        NOW,
      );
      // W5 sits the exam a day after the others (to leave them nine in a range below).
      const statements = [...STRONG, ...WEAK].flatMap((person) =>
        attempt(
          person,
          ago(person === "W5" ? 1 : 2),
          answers(person),
          STRONG.includes(person),
          0.5,
        ),
      );
      await new ReportProjection(sql, ORIGIN, { practice: PRACTICE }).ingest(statements);
    });
    afterAll(async () => close());

    it("computes the statistics and flags too easy, too hard and negative discrimination", async () => {
      const report = await itemAnalysis(sql, scope);
      expect(report.attemptsCounted).toBe(10);
      const byId = Object.fromEntries(report.items.map((i) => [i.itemId, i]));
      expect(report.items.map((i) => i.attempts)).toEqual([10, 10, 10, 10, 10, 10]);

      // easy: everyone right: no variance, so no D and no DE.
      expect(byId["x01-easy"]).toMatchObject({
        facility: 1,
        discrimination: null,
        efficiency: null,
      });
      expect(byId["x01-easy"]?.flags).toEqual(["too-easy"]);
      expect(byId["x01-easy"]?.options).toEqual([{ label: "A", count: 10 }]);

      // g1: X = 4, 3×4, 3, 2×4: Σx = 5, X̄ = 2.7, ΣxX = 16, cov = 16 − 13.5 = 2.5; Σ(x−x̄)² = 2.5,
      // Σ(X−X̄)² = 77 − 72.9 = 4.1: D = 2.5/√10.25; the five ones meet the five highest X
      // (4+3+3+3+3 = 16), so Cmax = cov and DE = 100 %.
      expect(byId["x02-g1"]?.facility).toBe(0.5);
      expect(byId["x02-g1"]?.discrimination).toBeCloseTo(2.5 / Math.sqrt(10.25), 9);
      expect(byId["x02-g1"]?.efficiency).toBeCloseTo(1, 9);
      expect(byId["x02-g1"]?.flags).toEqual([]);

      // neg: X = 5, 4×4, 2, 1×4: ΣxX = 6, cov = 6 − 13.5 = −7.5; Σ(X−X̄)² = 97 − 72.9 = 24.1:
      // D = −7.5/√60.25; Cmax = (5+4+4+4+4) − 13.5 = 7.5, DE = −100 %.
      expect(byId["x05-neg"]?.discrimination).toBeCloseTo(-7.5 / Math.sqrt(60.25), 9);
      expect(byId["x05-neg"]?.efficiency).toBeCloseTo(-1, 9);
      expect(byId["x05-neg"]?.flags).toEqual(["negative-discrimination", "low-efficiency"]);

      // hard: right for S1 and W1 only; X = 4 for every strong and 2 for every weak learner:
      // ΣxX = 4 + 2 = 6 = n·x̄·X̄, so D = 0 (weak, not negative) and DE = 0 (low).
      expect(byId["x06-hard"]?.facility).toBe(0.2);
      expect(byId["x06-hard"]?.discrimination).toBe(0);
      expect(byId["x06-hard"]?.efficiency).toBe(0);
      expect(byId["x06-hard"]?.flags).toEqual([
        "too-hard",
        "weak-discrimination",
        "low-efficiency",
      ]);
      expect(byId["x06-hard"]?.options).toEqual([
        { label: "A", count: 2 },
        { label: "B", count: 8 },
      ]);
    });

    it("flags nothing from nine responses", async () => {
      const report = await itemAnalysis(sql, {
        ...scope,
        to: new Date(Date.parse(ago(1)) - 1).toISOString(),
      });
      expect(report.attemptsCounted).toBe(9);
      expect(report.items.every((i) => i.attempts === 9 && i.flags.length === 0)).toBe(true);
    });
  });
}
