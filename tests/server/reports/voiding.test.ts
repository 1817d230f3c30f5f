// A voided statement leaves the reports in the voiding transaction (own database: it changes data).
import { describe, expect, it } from "vitest";
import { stuckLearners } from "../../../src/server/reports/queries.ts";
import { ReportProjection } from "../../../src/server/reports/store.ts";
import { databases } from "../helpers/databases.ts";
import { history, NOW, ORIGIN, PRACTICE } from "./fixture.ts";
import { load } from "./load.ts";

for (const database of databases) {
  describe(`voiding on ${database.name}`, () => {
    it("forgets voided statements", async () => {
      const { sql, close } = await load(database);
      try {
        const projection = new ReportProjection(sql, ORIGIN, { practice: PRACTICE });
        await projection.ingest(history());
        const scope = { units: ["U"], role: "learner" as const, now: NOW };
        expect((await stuckLearners(sql, scope)).total).toBe(1);
        const [row] = await sql.all<{ statement_id: string }>(
          "SELECT statement_id FROM learning_events WHERE personnel_number = 'L3' AND kind = 'lesson'",
        );
        await projection.forget([row?.statement_id ?? ""]);
        expect((await stuckLearners(sql, scope)).rows).toEqual([]);
      } finally {
        await close();
      }
    });
  });
}
