// A database written by the first LRS schema keeps every statement findable after migration 2
// (SQLite rebuilds the index side tables WITHOUT ROWID; PostgreSQL has nothing to change).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { migrate } from "../../../src/server/db/migrate.ts";
import { DocumentStore } from "../../../src/server/lrs/document-store.ts";
import { lrsMigrations } from "../../../src/server/lrs/schema.ts";
import { StatementStore } from "../../../src/server/lrs/statement-store.ts";
import { agentIfi } from "../../../src/server/xapi/agents.ts";
import { prepareStatement } from "../../../src/server/xapi/prepare.ts";
import type { Statement } from "../../../src/server/xapi/types.ts";
import { databases } from "../helpers/databases.ts";

const authority = { objectType: "Agent" as const, mbox: "mailto:tool@police.kz" };
const actor = { objectType: "Agent" as const, mbox: "mailto:aigerim@police.kz", name: "Айгерім" };
const lesson = (n: number): Statement =>
  prepareStatement(
    {
      id: randomUUID(),
      actor,
      verb: { id: "http://adlnet.gov/expapi/verbs/experienced" },
      object: { objectType: "Activity", id: `https://adal.test/xapi/activities/lesson/${n}` },
    } as Statement,
    { stored: new Date().toISOString(), authority, version: "1.0.3" },
  );

for (const database of databases) {
  describe(`LRS migration 2 on ${database.name}`, () => {
    it("keeps the agent and activity filters and the Agents resource working", async () => {
      const { sql, close } = await database.open();
      try {
        await migrate(sql, "lrs", lrsMigrations.slice(0, 1));
        const before = [lesson(2), lesson(3), lesson(2)];
        await new StatementStore(sql).insert(before);
        expect(await migrate(sql, "lrs", lrsMigrations)).toBe(lrsMigrations.length - 1);

        const store = new StatementStore(sql);
        await store.insert([lesson(2)]);
        const ifi = agentIfi(actor) ?? "";
        const byAgent = await store.query({ agent: ifi, limit: 10 });
        expect(byAgent.statements).toHaveLength(4);
        const byActivity = await store.query({
          activity: "https://adal.test/xapi/activities/lesson/2",
          limit: 10,
        });
        expect(byActivity.statements.map((s) => s.id)).toEqual(
          expect.arrayContaining([before[0]?.id, before[2]?.id]),
        );
        expect(byActivity.statements).toHaveLength(3);
        expect((await store.agentByIfi(ifi))?.name).toBe("Айгерім");
        if (database.name === "sqlite") {
          const tables = await sql.all<{ name: string; sql: string }>(
            "SELECT name, sql FROM sqlite_master WHERE name IN ('lrs_statement_agents', 'lrs_statement_activities', 'lrs_agents')",
          );
          expect(tables).toHaveLength(3);
          for (const t of tables) expect(t.sql).toMatch(/WITHOUT ROWID/u);
        }
      } finally {
        await close();
      }
    });
  });
}

for (const database of databases) {
  describe(`LRS migration 4 on ${database.name}`, () => {
    it("keys the stored State and profile documents by hashes; they stay readable, listable and writable", async () => {
      const { sql, close } = await database.open();
      try {
        await migrate(sql, "lrs", lrsMigrations.slice(0, 3));
        const row = (registration: string, id: string, body: string) =>
          sql.run(
            "INSERT INTO lrs_documents (kind, activity, agent, registration, doc_id, content_type, body, etag, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
              "state",
              "https://adal.test/a",
              "mbox:mailto:a@police.kz",
              registration,
              id,
              "application/json",
              Buffer.from(body),
              '"e"',
              "2026-01-01T00:00:00.000Z",
            ],
          );
        const registration = randomUUID();
        await row("", "resume", '{"page":3}');
        await row(registration, "resume", '{"page":4}');
        await migrate(sql, "lrs", lrsMigrations);
        const documents = new DocumentStore(sql);
        const place = {
          kind: "state" as const,
          activity: "https://adal.test/a",
          agent: "mbox:mailto:a@police.kz",
        };
        const one = await documents.get({ ...place, registration, id: "resume" });
        expect(Buffer.from(one?.body ?? []).toString()).toBe('{"page":4}');
        expect(await documents.ids({ ...place, registration: null })).toEqual(["resume"]);
        await documents.put(
          { ...place, registration: "", id: "resume" },
          "application/json",
          Buffer.from('{"page":5}'),
          {},
          "2026-01-02T00:00:00.000Z",
        );
        const replaced = await documents.get({ ...place, registration: "", id: "resume" });
        expect(Buffer.from(replaced?.body ?? []).toString()).toBe('{"page":5}');
        await documents.deleteAll({ ...place, registration: null });
        expect(await documents.ids({ ...place, registration: null })).toEqual([]);
      } finally {
        await close();
      }
    });
  });
}
