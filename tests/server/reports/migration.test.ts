// A database written by the first reports schema keeps its figures after the upgrade that
// denormalises the clause rows (migration 2 backfills them from the events).
import { describe, expect, it } from "vitest";
import { accountMigrations } from "../../../src/server/accounts/schema.ts";
import { AccountStore } from "../../../src/server/accounts/store.ts";
import { migrate } from "../../../src/server/db/migrate.ts";
import { clauseHeatmap } from "../../../src/server/reports/analysis.ts";
import { reportMigrations } from "../../../src/server/reports/schema.ts";
import { databases } from "../helpers/databases.ts";

const NOW = new Date("2026-11-25T12:00:00Z");

for (const database of databases) {
  describe(`reports migration on ${database.name}`, () => {
    it("backfills the clause rows of a version-1 database", async () => {
      const { sql, close } = await database.open();
      try {
        await migrate(sql, "accounts", accountMigrations);
        await migrate(sql, "reports", reportMigrations.slice(0, 1));
        const accounts = new AccountStore(sql);
        await accounts.addUnit({ code: "U", name: "U", parentCode: null });
        await accounts.createUsers(
          [
            {
              personnelNumber: "L1",
              fullName: "L1",
              unitCode: "U",
              role: "learner",
              email: null,
              passwordHash: "x",
              mustChangePassword: false,
            },
          ],
          NOW,
        );
        const answers: [string, string, number][] = [
          ["s1", "quiz-item", 0],
          ["s2", "quiz-item", 1],
          ["s3", "exam-item", 0],
        ];
        for (const [id, kind, success] of answers) {
          await sql.run(
            `INSERT INTO learning_events (statement_id, personnel_number, verb, kind, section, item_id, success, ts)
             VALUES (?, 'L1', 'answered', ?, 2, ?, ?, '2026-10-01T00:00:00.000Z')`,
            [id, kind, `${kind === "exam-item" ? "x" : "p"}02-a`, success],
          );
          await sql.run("INSERT INTO learning_event_clauses (statement_id, clause) VALUES (?, ?)", [
            id,
            "2.13",
          ]);
        }
        expect(await migrate(sql, "reports", reportMigrations)).toBe(reportMigrations.length - 1);
        const [heat] = await clauseHeatmap(sql, { units: ["U"], role: "learner", now: NOW });
        expect(heat).toMatchObject({
          clause: "2.13",
          practiceAnswers: 2,
          practiceWrong: 1,
          examAnswers: 1,
          examWrong: 1,
          learnersWrong: 1,
        });
      } finally {
        await close();
      }
    });
  });
}
