// X-Experience-API-Consistent-Through while a write is in flight (Communication 2.1.3.s2.b5):
// a statement whose transaction has not committed yet holds the value back to its `stored`,
// so a reader is never told it has every statement up to a time a slow writer then fills in.
// Both databases.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { migrate } from "../../../src/server/db/migrate.ts";
import { consistentThrough } from "../../../src/server/lrs/consistency.ts";
import { lrsMigrations } from "../../../src/server/lrs/schema.ts";
import { StatementStore } from "../../../src/server/lrs/statement-store.ts";
import { prepareStatement } from "../../../src/server/xapi/prepare.ts";
import type { Statement } from "../../../src/server/xapi/types.ts";
import { databases } from "../helpers/databases.ts";

for (const database of databases) {
  describe(`Consistent-Through on ${database.name}`, () => {
    it("Communication 2.1.3.s2.b5: stays at the stored time of an insert still in flight, then moves on", async () => {
      const { sql, close } = await database.open();
      try {
        await migrate(sql, "lrs", lrsMigrations);
        let release = () => {};
        const gate = new Promise<void>((resolve) => {
          release = resolve;
        });
        const store = new StatementStore(sql, async () => gate);
        const stored = new Date(Date.now() - 5000).toISOString();
        const statement = prepareStatement(
          {
            id: randomUUID(),
            actor: { mbox: "mailto:slow@police.kz" },
            verb: { id: "http://adlnet.gov/expapi/verbs/experienced" },
            object: { id: "https://adal.test/xapi/activities/lesson/1" },
          } as Statement,
          { stored, authority: { mbox: "mailto:tool@police.kz" }, version: "1.0.3" },
        );
        const writing = store.insert([statement]);
        await new Promise((resolve) => setTimeout(resolve, 50));
        const during = consistentThrough(new Date());
        release();
        await writing;
        expect(during).toBe(stored);
        const now = new Date();
        expect(consistentThrough(now)).toBe(now.toISOString());
      } finally {
        await close();
      }
    });
  });
}
