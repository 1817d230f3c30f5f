// The reporting projection commits with the statements: both or neither, on both databases.
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Sql } from "../../../src/server/db/sql.ts";
import { StatementStore } from "../../../src/server/lrs/statement-store.ts";
import { migrateAll } from "../../../src/server/platform/open.ts";
import { projectionHook } from "../../../src/server/reports/store.ts";
import { prepareStatement } from "../../../src/server/xapi/prepare.ts";
import type { Statement } from "../../../src/server/xapi/types.ts";
import { databases } from "../helpers/databases.ts";

const ORIGIN = "https://adal.test";
const authority = { objectType: "Agent" as const, account: { homePage: ORIGIN, name: "tool" } };

const answered = (id = randomUUID()): Statement =>
  prepareStatement(
    {
      id,
      actor: { objectType: "Agent", account: { homePage: ORIGIN, name: "100200" } },
      verb: { id: "http://adlnet.gov/expapi/verbs/answered" },
      object: {
        objectType: "Activity",
        id: `${ORIGIN}/xapi/activities/quiz-item/p02-gift`,
      },
      result: { success: false },
      context: { extensions: { "https://adal.kz/xapi/extensions/clauses": ["2.10"] } },
    } as Statement,
    { stored: new Date().toISOString(), authority, version: "1.0.3" },
  );

const PRACTICE = new Map([["p02-gift", { section: 2, clauses: ["2.10"], stem: "Stem" }]]);
const hook = () => projectionHook(ORIGIN, { practice: PRACTICE });

const count = async (sql: Sql, table: string) =>
  Number((await sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))?.n);

for (const database of databases) {
  describe(`projection in the insert transaction on ${database.name}`, () => {
    let sql: Sql;
    let close: () => Promise<void>;
    beforeEach(async () => {
      ({ sql, close } = await database.open());
      await migrateAll({ sql, describe: database.name, close: async () => undefined });
    });
    afterEach(async () => close());

    it("projects each stored statement and its clauses once", async () => {
      const store = new StatementStore(sql, hook());
      const s = answered();
      await store.insert([s]);
      await store.insert([s]); // the same statement again is a no-op
      expect(await count(sql, "lrs_statements")).toBe(1);
      expect(await count(sql, "learning_events")).toBe(1);
      expect(await count(sql, "learning_event_clauses")).toBe(1);
    });

    it("stores nothing when the projection fails", async () => {
      const store = new StatementStore(sql, async (tx, stored) => {
        await hook()(tx, stored);
        throw new Error("projection broke");
      });
      await expect(store.insert([answered(), answered()])).rejects.toThrow("projection broke");
      expect(await count(sql, "lrs_statements")).toBe(0);
      expect(await count(sql, "lrs_statement_agents")).toBe(0);
      expect(await count(sql, "learning_events")).toBe(0);
    });

    it("removes the projection of a voided statement in the voiding transaction", async () => {
      const store = new StatementStore(sql, hook());
      const target = answered();
      await store.insert([target]);
      const voiding = prepareStatement(
        {
          actor: { objectType: "Agent", mbox: "mailto:officer@police.kz" },
          verb: { id: "http://adlnet.gov/expapi/verbs/voided" },
          object: { objectType: "StatementRef", id: target.id ?? "" },
        } as Statement,
        { stored: new Date().toISOString(), authority, version: "1.0.3" },
      );
      await store.insert([voiding]);
      expect(await count(sql, "learning_events")).toBe(0);
      expect(await count(sql, "learning_event_clauses")).toBe(0);
    });
  });
}
