import { describe, expect, it } from "vitest";
import { AccountStore } from "../../../src/server/accounts/store.ts";
import { generateHistory } from "../../../src/server/demo/generate.ts";
import { seedDemo } from "../../../src/server/demo/seed.ts";
import { StatementStore } from "../../../src/server/lrs/statement-store.ts";
import { migrateAll } from "../../../src/server/platform/open.ts";
import { clauseHeatmap, itemAnalysis } from "../../../src/server/reports/analysis.ts";
import { overview } from "../../../src/server/reports/queries.ts";
import { projectionHook } from "../../../src/server/reports/store.ts";
import { validateStatement } from "../../../src/server/xapi/validate.ts";
import { sqliteDatabase } from "../helpers/databases.ts";

describe("demo history generator", () => {
  it("writes valid statements through the LRS store that the reports can read", async () => {
    const db = await sqliteDatabase.open();
    await migrateAll({ sql: db.sql, describe: "test", close: db.close });
    const accounts = new AccountStore(db.sql);
    await seedDemo(accounts, "Demo-Password-1", new Date());
    const origin = "https://adal.test";
    const statements = new StatementStore(db.sql, projectionHook(origin));
    const items = (prefix: string) =>
      [2, 3, 4, 5, 6, 7, 8, 9, 10].flatMap((section) =>
        Array.from({ length: 4 }, (_, i) => ({
          id: `${prefix}${String(section).padStart(2, "0")}-item-${i}`,
          section,
          clauses: [`${section}.${i + 1}`],
        })),
      );
    const now = new Date("2026-11-25T12:00:00Z");
    const result = await generateHistory(accounts, statements, {
      learners: 60,
      months: 18,
      origin,
      now,
      examItems: items("x"),
      practiceItems: items("p"),
    });
    expect(result.learners).toBe(60);
    expect(result.statements).toBeGreaterThan(1000);

    const sample = await statements.query({ limit: 200 });
    for (const s of sample.statements) expect(validateStatement(s, "1.0.3")).toEqual([]);

    const units = (await accounts.listUnits()).map((u) => u.code);
    const rows = await overview(db.sql, { units, role: "learner", now });
    const total = rows.reduce((sum, r) => sum + r.learners, 0);
    const overdue = rows.reduce((sum, r) => sum + r.overdue, 0);
    const passRates = rows.map((r) => r.examPassRate).filter((r): r is number => r !== null);
    expect(total).toBe(90);
    expect(overdue).toBeGreaterThan(0);
    expect(overdue).toBeLessThan(total);
    expect(passRates.some((r) => r > 0 && r < 1)).toBe(true);
    const analysis = await itemAnalysis(db.sql, { units, now });
    expect(analysis.length).toBeGreaterThan(20);
    expect(analysis.some((i) => i.discrimination !== null && i.discrimination > 0)).toBe(true);
    expect((await clauseHeatmap(db.sql, { units, now })).length).toBeGreaterThan(20);
    await db.close();
  });
});
