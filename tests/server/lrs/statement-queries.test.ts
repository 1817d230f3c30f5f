// GET /statements (Communication 2.1.3, Data 2.5 Retrieval of Statements) on both databases:
// the more cursor, limit, the agent filter with Groups, timestamps, and format=canonical.
import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS as LIMITS } from "../../../src/server/lrs/limits.ts";
import { buildMultipartMixed, parseMultipartMixed } from "../../../src/server/xapi/multipart.ts";
import { databases } from "../helpers/databases.ts";
import { ORIGIN, statement, testLrs, xapiHeaders } from "../helpers/lrs.ts";

type StatementResult = { statements: { id: string; [k: string]: unknown }[]; more: string };

for (const database of databases) {
  describe(`statement queries on ${database.name}`, () => {
    let lrs: Awaited<ReturnType<typeof testLrs>>;
    let all: string;
    beforeAll(async () => {
      lrs = await testLrs(database);
      all = await lrs.basic(["all"]);
    });
    afterAll(async () => lrs.close());

    const post = (body: unknown, version = "1.0.3") =>
      lrs.app.request("/xapi/statements", {
        method: "POST",
        headers: xapiHeaders(all, {}, version),
        body: JSON.stringify(body),
      });
    const get = (url: string, headers: Record<string, string> = {}) =>
      lrs.app.request(url.startsWith("/xapi") ? url : `/xapi/statements${url}`, {
        headers: xapiHeaders(all, headers),
      });
    const agentOf = () => ({ mbox: `mailto:${randomUUID()}@police.kz` });
    const q = (agent: object) => encodeURIComponent(JSON.stringify(agent));

    it("Data 2.5 (XAPI-00108, XAPI-00111): a garbage or altered more cursor is a 400, never a 500", async () => {
      const agent = agentOf();
      await post([statement({ actor: agent }), statement({ actor: agent })]);
      const first = (await (await get(`?agent=${q(agent)}&limit=1`)).json()) as StatementResult;
      const cursor = new URL(first.more, ORIGIN).searchParams.get("more") ?? "";
      const decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
      const forged = (change: (c: typeof decoded) => void) => {
        const copy = structuredClone(decoded);
        change(copy);
        return Buffer.from(JSON.stringify(copy)).toString("base64url");
      };
      const garbage = [
        "not base64!",
        "e30",
        Buffer.from("[1,2]").toString("base64url"),
        forged((c) => {
          c.q.after = "1 OR 1=1";
        }),
        forged((c) => {
          c.q.limit = 10_000_000;
        }),
        forged((c) => {
          c.q.authority = "mbox:mailto:someone@else";
        }),
        forged((c) => {
          c.q.since = "yesterday";
        }),
        forged((c) => {
          c.format = "everything";
        }),
      ];
      for (const more of garbage) {
        const response = await get(`?more=${encodeURIComponent(more)}`);
        expect(response.status, more).toBe(400);
        expect((await response.json()).message).toMatch(/more/u);
      }
      expect((await get(`?more=${cursor}`)).status).toBe(200);
    });

    it("Communication 2.1.3: more cannot be combined with other parameters (they would be ignored)", async () => {
      const agent = agentOf();
      await post([statement({ actor: agent }), statement({ actor: agent })]);
      const first = (await (await get(`?agent=${q(agent)}&limit=1`)).json()) as StatementResult;
      const verb = encodeURIComponent("http://adlnet.gov/expapi/verbs/completed");
      const combined = await get(`${first.more}&verb=${verb}`);
      expect(combined.status).toBe(400);
      expect((await combined.json()).message).toMatch(/verb/u);
      expect((await get(`${first.more}&limit=5`)).status).toBe(400);
    });

    it("Communication 2.1.3 (XAPI-00168, XAPI-00171, XAPI-00167): the more pages keep format and attachments", async () => {
      const agent = agentOf();
      const text = new TextEncoder().encode("attached text");
      const sha2 = createHash("sha256").update(text).digest("hex");
      const attached = (n: number) =>
        statement({
          actor: { ...agent, name: `Person ${n}` },
          attachments: [
            {
              usageType: "http://id.tincanapi.com/attachment/supporting_media",
              display: { "en-US": "text" },
              contentType: "text/plain",
              length: text.length,
              sha2,
            },
          ],
        });
      const multipart = buildMultipartMixed(JSON.stringify([attached(1), attached(2)]), [
        { sha2, contentType: "text/plain", body: text },
      ]);
      const stored = await lrs.app.request("/xapi/statements", {
        method: "POST",
        headers: xapiHeaders(all, { "Content-Type": multipart.contentType }),
        body: multipart.body as Uint8Array<ArrayBuffer>,
      });
      expect(stored.status).toBe(200);
      const first = await get(`?agent=${q(agent)}&limit=1&format=ids&attachments=true`);
      const firstParts = parseMultipartMixed(
        new Uint8Array(await first.arrayBuffer()),
        first.headers.get("content-type") ?? "",
      );
      const firstBody = firstParts.statements as StatementResult;
      expect(firstBody.statements[0]?.actor).toEqual({ mbox: agent.mbox });
      const second = await get(firstBody.more);
      expect(second.headers.get("content-type")).toMatch(/^multipart\/mixed/u);
      const secondParts = parseMultipartMixed(
        new Uint8Array(await second.arrayBuffer()),
        second.headers.get("content-type") ?? "",
      );
      const secondBody = secondParts.statements as StatementResult;
      expect(secondBody.statements).toHaveLength(1);
      expect(secondBody.statements[0]?.actor).toEqual({ mbox: agent.mbox });
      expect(secondParts.attachments.map((a) => a.sha2)).toEqual([sha2]);
    });

    it(`Communication 2.1.3 (XAPI-00173): limit=0, or no limit, returns up to the server maximum (${LIMITS.pageMax})`, async () => {
      const agent = agentOf();
      const batch = (n: number) => Array.from({ length: n }, () => statement({ actor: agent }));
      expect((await post(batch(LIMITS.pageMax))).status).toBe(200);
      expect((await post(batch(1))).status).toBe(200);
      for (const limit of ["&limit=0", ""]) {
        const page = (await (await get(`?agent=${q(agent)}${limit}`)).json()) as StatementResult;
        expect(page.statements).toHaveLength(LIMITS.pageMax);
        expect(page.more).not.toBe("");
      }
      const three = (await (await get(`?agent=${q(agent)}&limit=3`)).json()) as StatementResult;
      expect(three.statements).toHaveLength(3);
    });

    it("Communication 2.1.3 (XAPI-00176, XAPI-00181): the agent filter takes an identified Group; an anonymous one is a 400", async () => {
      const group = {
        objectType: "Group",
        name: "Unit 7",
        mbox: `mailto:${randomUUID()}@police.kz`,
      };
      const [id] = await (await post(statement({ actor: group }))).json();
      const found = (await (await get(`?agent=${q(group)}`)).json()) as StatementResult;
      expect(found.statements.map((s) => s.id)).toEqual([id]);
      const anonymous = { objectType: "Group", member: [{ mbox: "mailto:a@police.kz" }] };
      const refused = await get(`?agent=${q(anonymous)}`);
      expect(refused.status).toBe(400);
      expect((await refused.json()).message).toMatch(/anonymous Group/u);
    });

    it("Communication 2.1.3: since and until must carry a timezone; other offsets are converted", async () => {
      const agent = agentOf();
      await post(statement({ actor: agent }));
      expect((await get(`?since=2020-01-01T00:00:00`)).status).toBe(400);
      expect((await get(`?until=2020-01-01T00:00`)).status).toBe(400);
      expect((await get(`?since=yesterday`)).status).toBe(400);
      const offset = encodeURIComponent("2020-01-01T05:00:00+05:00");
      const page = (await (
        await get(`?agent=${q(agent)}&since=${offset}`)
      ).json()) as StatementResult;
      expect(page.statements).toHaveLength(1);
      const future = encodeURIComponent("2999-01-01T00:00:00+0500");
      const none = (await (
        await get(`?agent=${q(agent)}&since=${future}`)
      ).json()) as StatementResult;
      expect(none.statements).toHaveLength(0);
    });

    it("Communication 2.1.3 (XAPI-00169, XAPI-00172): format=canonical returns the LRS's merged definition in the preferred language", async () => {
      const activity = `${ORIGIN}/xapi/activities/lesson/${randomUUID()}`;
      await post(
        statement({
          object: {
            id: activity,
            definition: { name: { "en-US": "Gifts", "kk-KZ": "Сыйлықтар" } },
          },
        }),
      );
      const [later] = await (
        await post(statement({ object: { id: activity, definition: { name: { ru: "Подарки" } } } }))
      ).json();
      const canonical = async (acceptLanguage: string) =>
        (
          await (
            await get(`?statementId=${later}&format=canonical`, {
              "Accept-Language": acceptLanguage,
            })
          ).json()
        ).object.definition.name;
      // The statement's own definition has only Russian; the canonical one has all three.
      expect(await canonical("ru;q=0.5, kk-KZ")).toEqual({ "kk-KZ": "Сыйлықтар" });
      expect(await canonical("kk;q=0.1, en;q=0.9")).toEqual({ "en-US": "Gifts" });
      expect(await canonical("ru")).toEqual({ ru: "Подарки" });
      const exact = await (await get(`?statementId=${later}`)).json();
      expect(exact.object.definition.name).toEqual({ ru: "Подарки" });
      const page = (await (
        await get(`?activity=${encodeURIComponent(activity)}&format=canonical`, {
          "Accept-Language": "kk-KZ",
        })
      ).json()) as StatementResult;
      expect(
        page.statements.map((s) => (s.object as { definition: { name: object } }).definition.name),
      ).toEqual([{ "kk-KZ": "Сыйлықтар" }, { "kk-KZ": "Сыйлықтар" }]);
    });
  });
}
