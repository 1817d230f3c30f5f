// Upgrading a database whose report tables were written by an older Adal: migration 5 empties
// them (older rows have no attempt numbers and may hold forged exam rows), the projection is
// reported stale, and `adal reports rebuild` rebuilds it from the stored statements, voided ones
// left out. A changed ADAL_ORIGIN is reported stale as well.
import { describe, expect, it } from "vitest";
import { accountMigrations } from "../../../src/server/accounts/schema.ts";
import { migrate } from "../../../src/server/db/migrate.ts";
import { lrsMigrations } from "../../../src/server/lrs/schema.ts";
import { StatementStore } from "../../../src/server/lrs/statement-store.ts";
import { itemAnalysis } from "../../../src/server/reports/items.ts";
import { overview, stuckLearners } from "../../../src/server/reports/queries.ts";
import { projectionState, rebuildProjection } from "../../../src/server/reports/rebuild.ts";
import { reportMigrations } from "../../../src/server/reports/schema.ts";
import { prepareStatement } from "../../../src/server/xapi/prepare.ts";
import type { Actor, Statement } from "../../../src/server/xapi/types.ts";
import { testAccounts } from "../helpers/accounts.ts";
import { databases } from "../helpers/databases.ts";
import { history, NOW, ORIGIN, PRACTICE, poison } from "./fixture.ts";

const scope = { units: ["U"], role: "learner" as const, now: NOW };

for (const database of databases) {
  describe(`reports upgrade and rebuild on ${database.name}`, () => {
    it("empties old rows, reports them stale, and rebuilds them from the statements", async () => {
      const { sql, close } = await database.open();
      try {
        await migrate(sql, "lrs", lrsMigrations);
        await migrate(sql, "accounts", accountMigrations);
        await migrate(sql, "reports", reportMigrations.slice(0, 4));
        const accounts = testAccounts(sql);
        await accounts.addUnit({ code: "U", name: "U", parentCode: null });
        await accounts.createUsers(
          ["L1", "L2", "L3", "L4"].map((n) => ({
            personnelNumber: n,
            fullName: n,
            unitCode: "U",
            role: "learner" as const,
            email: null,
            passwordHash: "x",
            mustChangePassword: false,
          })),
          NOW,
        );
        // The statements as the LRS stored them, before this version's projection existed.
        const store = new StatementStore(sql);
        const statements = [...history(), ...poison()].map((s) => {
          const { stored, authority, ...rest } = s as typeof s & { authority: Actor };
          return prepareStatement(rest as unknown as Statement, {
            stored,
            authority,
            version: "1.0.3",
          });
        });
        await store.insert(statements);
        // An old projection row: a pass that the exam service never recorded.
        await sql.run(
          `INSERT INTO learning_events (statement_id, personnel_number, verb, kind, ts)
           VALUES ('old', 'L2', 'passed', 'exam', '2026-11-01T00:00:00.000Z')`,
        );

        // 5 empties the old rows, 6 adds the answer totals (counted from nothing).
        expect(await migrate(sql, "reports", reportMigrations)).toBe(2);
        expect(await sql.all("SELECT * FROM learning_events")).toEqual([]);
        expect((await projectionState(sql, ORIGIN)).stale).toMatch(/older version/u);

        // L3's only lesson event is voided: a rebuild must not bring it back.
        const lesson = statements.find(
          (s) => s.actor.account?.name === "L3" && s.verb.id.endsWith("/experienced"),
        );
        await store.insert([
          prepareStatement(
            {
              actor: { objectType: "Agent", mbox: "mailto:admin@police.kz" },
              verb: { id: "http://adlnet.gov/expapi/verbs/voided" },
              object: { objectType: "StatementRef", id: lesson?.id ?? "" },
            } as Statement,
            {
              stored: NOW.toISOString(),
              authority: { objectType: "Agent", mbox: "mailto:admin@police.kz" },
              version: "1.0.3",
            },
          ),
        ]);

        const result = await rebuildProjection(sql, ORIGIN, { page: 7, practice: PRACTICE });
        expect(result.statements).toBe(statements.length); // the voided one and the voiding one are skipped
        expect(result.projected).toBe(history().length - 1);
        expect((await projectionState(sql, ORIGIN)).stale).toBeNull();
        const [u] = await overview(sql, scope);
        expect(u).toMatchObject({ learners: 4, examAttempts: 5, examPassRate: 0.4, overdue: 2 });
        expect((await stuckLearners(sql, scope)).rows).toEqual([]);
        // Pages of 7 split attempts apart; each answer still gets its whole attempt's rest score.
        const items = await itemAnalysis(sql, scope);
        const i1 = items.items.find((i) => i.itemId === "x02-i1");
        expect(i1?.discrimination).toBeCloseTo(1 / 3, 9);
        // The rebuild gives the attempt numbers a live projection gives: L3's retake is the 2nd.
        const attempts = await sql.all<{ attempt: number }>(
          "SELECT DISTINCT attempt FROM learning_events WHERE personnel_number = 'L3' AND kind = 'exam' ORDER BY attempt",
        );
        expect(attempts.map((a) => Number(a.attempt))).toEqual([1, 2]);

        expect((await projectionState(sql, "https://adal.police.kz")).stale).toMatch(
          /built for https:\/\/adal\.test/u,
        );
      } finally {
        await close();
      }
    });

    it("stamps a fresh database as current", async () => {
      const { sql, close } = await database.open();
      try {
        await migrate(sql, "lrs", lrsMigrations);
        await migrate(sql, "reports", reportMigrations);
        expect((await projectionState(sql, ORIGIN)).stale).toBeNull();
        expect((await projectionState(sql, ORIGIN)).stale).toBeNull();
      } finally {
        await close();
      }
    });
  });
}
