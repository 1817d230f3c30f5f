// Databases written by earlier LRS schemas keep every statement and document findable after
// the later migrations: 2 (SQLite rebuilds the index side tables WITHOUT ROWID), 4 (documents
// keyed by hashes) and 5 (verb and registration side tables; StatementRef chains completed,
// late targets included). Earlier versions' rows are written here as that code wrote them.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { migrate } from "../../../src/server/db/migrate.ts";
import type { Sql } from "../../../src/server/db/sql.ts";
import { DocumentStore } from "../../../src/server/lrs/document-store.ts";
import { lrsMigrations } from "../../../src/server/lrs/schema.ts";
import { StatementStore } from "../../../src/server/lrs/statement-store.ts";
import { agentIfi } from "../../../src/server/xapi/agents.ts";
import { prepareStatement } from "../../../src/server/xapi/prepare.ts";
import type { Statement } from "../../../src/server/xapi/types.ts";
import { databases } from "../helpers/databases.ts";

/**
 * A statement as schema versions 1-4 stored it: its row and the agent and activity rows the
 * code then wrote (given here, since that code computed chain rows only at insert time).
 */
async function storeAsBefore(
  sql: Sql,
  statement: Statement,
  agents: [string, number][],
  activities: [string, number][],
): Promise<void> {
  const row = await sql.get<{ seq: number }>(
    `INSERT INTO lrs_statements (id, body, verb, registration, stored, authority)
     VALUES (?, ?, ?, ?, ?, ?) RETURNING seq`,
    [
      statement.id ?? "",
      JSON.stringify(statement),
      statement.verb.id,
      statement.context?.registration ?? null,
      statement.stored ?? "",
      agentIfi(authority),
    ],
  );
  const seq = Number(row?.seq);
  for (const [ifi, related] of agents)
    await sql.run("INSERT INTO lrs_statement_agents (seq, ifi, related) VALUES (?, ?, ?)", [
      seq,
      ifi,
      related,
    ]);
  for (const [activity, related] of activities)
    await sql.run(
      "INSERT INTO lrs_statement_activities (seq, activity, related) VALUES (?, ?, ?)",
      [seq, activity, related],
    );
  if (statement.actor.objectType !== "Group")
    await sql.run(
      "INSERT INTO lrs_agents (ifi, agent) VALUES (?, ?) ON CONFLICT (ifi) DO NOTHING",
      [agentIfi(statement.actor), JSON.stringify(statement.actor)],
    );
}

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
        for (const s of before)
          await storeAsBefore(
            sql,
            s,
            [[agentIfi(actor) ?? "", 0]],
            [[(s.object as { id: string }).id, 0]],
          );
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

for (const database of databases) {
  describe(`LRS migration 5 on ${database.name}`, () => {
    it("Communication 2.1.3.s3: stored StatementRef chains are found by their targets' verb, registration, agent and activity, late targets included", async () => {
      const { sql, close } = await database.open();
      try {
        await migrate(sql, "lrs", lrsMigrations.slice(0, 4));
        const registration = randomUUID();
        const ben = { objectType: "Agent" as const, mbox: "mailto:ben@police.kz" };
        const andrew = { objectType: "Agent" as const, mbox: "mailto:andrew@police.kz" };
        const training = "https://adal.test/xapi/activities/explosives";
        const make = (raw: object) =>
          prepareStatement({ id: randomUUID(), ...raw } as Statement, {
            stored: new Date().toISOString(),
            authority,
            version: "1.0.3",
          });
        const passed = make({
          actor: ben,
          verb: { id: "http://adlnet.gov/expapi/verbs/passed" },
          object: { id: training },
          context: { registration },
        });
        const confirmed = (target: string) =>
          make({
            actor: andrew,
            verb: { id: "https://adal.test/verbs/confirmed" },
            object: { objectType: "StatementRef", id: target },
          });
        // stored after its target: the old code copied the target's agents and activities
        const after = confirmed(passed.id ?? "");
        // stored before its target: the old code had nothing to copy
        const early = confirmed(passed.id ?? "");
        const earlier = confirmed(early.id ?? "");
        const andrewIfi = agentIfi(andrew) ?? "";
        await storeAsBefore(sql, earlier, [[andrewIfi, 0]], []);
        await storeAsBefore(sql, early, [[andrewIfi, 0]], []);
        await storeAsBefore(sql, passed, [[agentIfi(ben) ?? "", 0]], [[training, 0]]);
        await storeAsBefore(
          sql,
          after,
          [
            [andrewIfi, 0],
            [agentIfi(ben) ?? "", 0],
          ],
          [[training, 0]],
        );
        await migrate(sql, "lrs", lrsMigrations);
        const store = new StatementStore(sql);
        const ids = async (q: Parameters<StatementStore["query"]>[0]) =>
          (await store.query(q)).statements.map((s) => s.id).sort();
        const all = [passed.id, after.id, early.id, earlier.id].sort();
        expect(await ids({ verb: "http://adlnet.gov/expapi/verbs/passed", limit: 10 })).toEqual(
          all,
        );
        expect(await ids({ registration, limit: 10 })).toEqual(all);
        expect(await ids({ agent: agentIfi(ben) ?? "", limit: 10 })).toEqual(all);
        expect(await ids({ activity: training, limit: 10 })).toEqual(all);
        expect(await ids({ verb: "https://adal.test/verbs/confirmed", limit: 10 })).toEqual(
          [after.id, early.id, earlier.id].sort(),
        );
      } finally {
        await close();
      }
    });
  });
}
