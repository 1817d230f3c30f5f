// The store contract: the same cases, through the store interfaces the routes use
// (StatementStore, DocumentStore, CredentialStore), against SQLite and PostgreSQL. A backend
// that answers differently to any of them is a bug in that backend.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sql } from "../../../src/server/db/sql.ts";
import { DEFAULT_RULES } from "../../../src/server/lrs/concurrency.ts";
import { CredentialStore } from "../../../src/server/lrs/credentials.ts";
import { type DocumentKey, DocumentStore } from "../../../src/server/lrs/document-store.ts";
import { StatementStore } from "../../../src/server/lrs/statement-store.ts";
import { migrateAll } from "../../../src/server/platform/open.ts";
import { agentIfi } from "../../../src/server/xapi/agents.ts";
import { prepareStatement } from "../../../src/server/xapi/prepare.ts";
import type { Statement } from "../../../src/server/xapi/types.ts";
import { databases } from "../helpers/databases.ts";

const authority = { objectType: "Agent" as const, mbox: "mailto:tool@police.kz" };
const make = (raw: Partial<Statement> = {}, stored = new Date().toISOString()): Statement =>
  prepareStatement(
    {
      actor: { objectType: "Agent", mbox: "mailto:learner@police.kz", name: "Ерлан" },
      verb: { id: "http://adlnet.gov/expapi/verbs/experienced" },
      object: { objectType: "Activity", id: "https://adal.test/xapi/activities/lesson/1" },
      ...raw,
    } as Statement,
    { stored, authority, version: "1.0.3" },
  );
const text = (s: string) => new TextEncoder().encode(s);

for (const database of databases) {
  describe(`store contract on ${database.name}`, () => {
    let sql: Sql;
    let close: () => Promise<void>;
    let statements: StatementStore;
    let documents: DocumentStore;
    beforeAll(async () => {
      ({ sql, close } = await database.open());
      await migrateAll({ sql, describe: database.name, close: async () => undefined });
      statements = new StatementStore(sql);
      documents = new DocumentStore(sql);
    });
    afterAll(async () => close());

    it("Communication 2.1 immutability: a resend is a no-op, different content a 409, a duplicate id in a batch a 400", async () => {
      const s = make();
      expect(await statements.insert([s])).toHaveLength(1);
      expect(await statements.insert([structuredClone(s)])).toHaveLength(0);
      await expect(
        statements.insert([{ ...s, verb: { id: "http://adlnet.gov/expapi/verbs/completed" } }]),
      ).rejects.toMatchObject({ status: 409 });
      const t = make();
      await expect(statements.insert([t, t])).rejects.toMatchObject({ status: 400 });
      expect(await statements.get(t.id ?? "", false)).toBeNull();
    });

    it("a failing statement rolls the whole batch back", async () => {
      const ok = make();
      const voidsVoiding = make({
        verb: { id: "http://adlnet.gov/expapi/verbs/voided" },
        object: { objectType: "StatementRef", id: randomUUID() },
      });
      await statements.insert([voidsVoiding]);
      const bad = make({
        verb: { id: "http://adlnet.gov/expapi/verbs/voided" },
        object: { objectType: "StatementRef", id: voidsVoiding.id ?? "" },
      });
      await expect(statements.insert([ok, bad])).rejects.toMatchObject({ status: 400 });
      expect(await statements.get(ok.id ?? "", false)).toBeNull();
    });

    it("queries page by seq in both directions with every filter, and voided statements leave them", async () => {
      const agent = { objectType: "Agent" as const, mbox: `mailto:${randomUUID()}@police.kz` };
      const registration = randomUUID();
      const batch = Array.from({ length: 5 }, (_, i) =>
        make(
          { actor: agent, context: { registration } },
          new Date(Date.UTC(2030, 0, 1, 0, i)).toISOString(),
        ),
      );
      await statements.insert(batch);
      const ifi = agentIfi(agent) ?? "";
      const desc = await statements.query({ agent: ifi, limit: 2 });
      expect(desc.statements.map((s) => s.id)).toEqual([batch[4]?.id, batch[3]?.id]);
      const next = await statements.query({ agent: ifi, limit: 2, after: desc.next ?? 0 });
      expect(next.statements.map((s) => s.id)).toEqual([batch[2]?.id, batch[1]?.id]);
      const asc = await statements.query({ registration, limit: 10, ascending: true });
      expect(asc.statements.map((s) => s.id)).toEqual(batch.map((s) => s.id));
      expect(asc.next).toBeNull();
      const window = await statements.query({
        agent: ifi,
        since: new Date(Date.UTC(2030, 0, 1, 0, 1)).toISOString(),
        until: new Date(Date.UTC(2030, 0, 1, 0, 3)).toISOString(),
        limit: 10,
      });
      expect(window.statements.map((s) => s.id)).toEqual([batch[3]?.id, batch[2]?.id]);
      await statements.insert([
        make({
          verb: { id: "http://adlnet.gov/expapi/verbs/voided" },
          object: { objectType: "StatementRef", id: batch[0]?.id ?? "" },
        }),
      ]);
      // The voided statement leaves; the voiding one is found through its target's registration
      // (Communication 2.1.4.s1.b2, 2.1.3.s3).
      const after = (await statements.query({ registration, limit: 10 })).statements;
      expect(after.map((s) => s.id)).not.toContain(batch[0]?.id);
      expect(after.map((s) => s.verb.id)).toContain("http://adlnet.gov/expapi/verbs/voided");
      expect(after).toHaveLength(5);
      expect(await statements.get(batch[0]?.id ?? "", true)).toMatchObject({ id: batch[0]?.id });
      expect(await statements.get(batch[0]?.id ?? "", false)).toBeNull();
    });

    it("activity definitions merge, and only with define", async () => {
      const id = `https://adal.test/xapi/activities/${randomUUID()}`;
      await statements.insert([make({ object: { id, definition: { name: { kk: "a" } } } })]);
      await statements.insert([make({ object: { id, definition: { name: { ru: "b" } } } })]);
      await statements.insert([make({ object: { id, definition: { name: { en: "c" } } } })], [], {
        define: false,
      });
      expect(await statements.activityDefinition(id)).toEqual({ name: { kk: "a", ru: "b" } });
      expect((await statements.activityDefinitions([id, "x:none"])).size).toBe(1);
    });

    it("documents: put, post merge, preconditions, ids with since, delete one and all", async () => {
      const place = {
        kind: "state" as const,
        activity: `https://adal.test/xapi/activities/${randomUUID()}`,
        agent: "mbox:mailto:doc@police.kz",
      };
      const key = (id: string, registration = ""): DocumentKey => ({ ...place, registration, id });
      const rules = DEFAULT_RULES("state");
      await documents.put(
        key("a"),
        "application/json",
        text('{"x":1}'),
        {},
        "2030-01-01T00:00:00.000Z",
      );
      await documents.post(
        key("a"),
        "application/json",
        text('{"y":2}'),
        {},
        "2030-01-02T00:00:00.000Z",
      );
      const doc = await documents.get(key("a"));
      expect(JSON.parse(Buffer.from(doc?.body ?? []).toString())).toEqual({ x: 1, y: 2 });
      expect(doc?.etag).toMatch(/^"[0-9a-f]{40}"$/u);
      await expect(
        documents.put(
          key("a"),
          "application/json",
          text("{}"),
          { ifMatch: '"no"' },
          "2030-01-03T00:00:00.000Z",
          rules,
        ),
      ).rejects.toMatchObject({ status: 412 });
      await documents.put(
        key("b", randomUUID()),
        "text/plain",
        text("t"),
        {},
        "2030-01-03T00:00:00.000Z",
      );
      expect(await documents.ids({ ...place, registration: null })).toEqual(["a", "b"]);
      expect(await documents.ids({ ...place, registration: "" })).toEqual(["a"]);
      expect(
        await documents.ids({ ...place, registration: null }, "2030-01-02T12:00:00.000Z"),
      ).toEqual(["b"]);
      await documents.delete(key("a"), { ifMatch: doc?.etag });
      expect(await documents.get(key("a"))).toBeNull();
      await documents.deleteAll({ ...place, registration: null });
      expect(await documents.ids({ ...place, registration: null })).toEqual([]);
    });

    it("credentials: verify, wrong secret, revoke", async () => {
      const store = new CredentialStore(sql);
      const { credential, secret } = await store.create(
        "contract",
        ["statements/read"],
        new Date(),
      );
      expect((await store.verify(credential.key, secret))?.scopes).toEqual(["statements/read"]);
      expect(await store.verify(credential.key, `${secret}x`)).toBeNull();
      expect(await store.revoke(credential.key, new Date())).toBe(true);
      expect(await store.revoke(credential.key, new Date())).toBe(false);
      expect(await store.verify(credential.key, secret)).toBeNull();
      expect((await store.list()).find((c) => c.key === credential.key)?.revokedAt).not.toBeNull();
    });
  });
}
