// The LRS requirements of xAPI (Communication section), resource by resource, on both
// databases. Test names cite the section and requirement of the spec they check.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS as LIMITS } from "../../../src/server/lrs/limits.ts";
import { databases } from "../helpers/databases.ts";
import { ORIGIN, statement, testLrs, xapiHeaders } from "../helpers/lrs.ts";

for (const database of databases) {
  describe(`Statement resource on ${database.name}`, () => {
    let lrs: Awaited<ReturnType<typeof testLrs>>;
    let all: string;
    beforeAll(async () => {
      lrs = await testLrs(database);
      all = await lrs.basic(["all"]);
    });
    afterAll(async () => lrs.close());

    const post = (body: unknown, auth = all, headers: Record<string, string> = {}) =>
      lrs.app.request("/xapi/statements", {
        method: "POST",
        headers: xapiHeaders(auth, headers),
        body: JSON.stringify(body),
      });
    const get = (query: string, auth = all, version = "1.0.3") =>
      lrs.app.request(`/xapi/statements${query}`, { headers: xapiHeaders(auth, {}, version) });

    it("About (Communication 2.8, XAPI-00315..00319): answers without credentials and lists every supported version", async () => {
      const about = await lrs.app.request("/xapi/about");
      expect(about.status).toBe(200);
      expect(about.headers.get("x-experience-api-version")).toBe("2.0.0");
      expect((await about.json()).version).toEqual(["1.0.0", "1.0.1", "1.0.2", "1.0.3", "2.0.0"]);
      // A 1.0.x client is told the 1.0.x versions only (XAPI-00316: no other values).
      const v1 = await lrs.app.request("/xapi/about", {
        headers: { "X-Experience-API-Version": "1.0.3" },
      });
      expect(v1.headers.get("x-experience-api-version")).toBe("1.0.3");
      expect((await v1.json()).version).toEqual(["1.0.0", "1.0.1", "1.0.2", "1.0.3"]);
    });

    it("Communication 3.3 Versioning (XAPI-00321, XAPI-00331): 400 when X-Experience-API-Version is missing or unsupported", async () => {
      const missing = await lrs.app.request("/xapi/statements", {
        headers: { Authorization: all },
      });
      expect(missing.status).toBe(400);
      expect((await missing.json()).message).toMatch(/X-Experience-API-Version/u);
      expect((await get("", all, "0.95")).status).toBe(400);
      const v2 = await get("", all, "2.0.0");
      expect(v2.status).toBe(200);
      expect(v2.headers.get("x-experience-api-version")).toBe("2.0.0");
    });

    it("Communication 4.0 Authentication / 3.2: 401 with WWW-Authenticate without or with wrong credentials", async () => {
      const none = await lrs.app.request("/xapi/statements", {
        headers: { "X-Experience-API-Version": "1.0.3" },
      });
      expect(none.status).toBe(401);
      expect(none.headers.get("www-authenticate")).toMatch(/^Basic/u);
      const wrong = `Basic ${Buffer.from("nobody:nothing").toString("base64")}`;
      expect((await get("", wrong)).status).toBe(401);
    });

    it("Communication 2.1.2 POST (XAPI-00146), Data 2.4.8/2.4.9 (XAPI-00023): stores single and batch statements, returns ids in order, sets stored and authority", async () => {
      const id = randomUUID();
      const response = await post([statement({ id }), statement()]);
      expect(response.status).toBe(200);
      const ids = await response.json();
      expect(ids[0]).toBe(id);
      expect(ids).toHaveLength(2);
      const stored = await (await get(`?statementId=${id}`)).json();
      expect(stored.id).toBe(id);
      expect(stored.stored).toMatch(/Z$/u);
      expect(stored.authority.account.homePage).toBe(ORIGIN);
      expect(stored.version).toBe("1.0.0");
    });

    it("Communication 2.1.1 PUT (XAPI-00143..00145): needs statementId matching the statement, answers 204", async () => {
      const id = randomUUID();
      const put = (query: string, body: unknown) =>
        lrs.app.request(`/xapi/statements${query}`, {
          method: "PUT",
          headers: xapiHeaders(all),
          body: JSON.stringify(body),
        });
      expect((await put("", statement())).status).toBe(400);
      expect((await put(`?statementId=${id}`, statement({ id: randomUUID() }))).status).toBe(400);
      expect((await put(`?statementId=${id}`, statement())).status).toBe(204);
      expect((await get(`?statementId=${id}`)).status).toBe(200);
    });

    it("Communication 2.1.1 (XAPI-00142), Data 2.3.1 immutability: same id and content is accepted unchanged; different content is 409", async () => {
      const id = randomUUID();
      await post(statement({ id }));
      const first = await (await get(`?statementId=${id}`)).json();
      expect((await post(statement({ id }))).status).toBe(200);
      expect((await (await get(`?statementId=${id}`)).json()).stored).toBe(first.stored);
      const changed = await post(
        statement({ id, verb: { id: "http://adlnet.gov/expapi/verbs/completed" } }),
      );
      expect(changed.status).toBe(409);
    });

    it("Communication 2.1.2 / 3.2 (XAPI-00326): a batch with a duplicate id or one invalid statement is rejected whole", async () => {
      const id = randomUUID();
      expect((await post([statement({ id }), statement({ id })])).status).toBe(400);
      const good = randomUUID();
      const bad = await post([
        statement({ id: good }),
        statement({ actor: { mbox: "not-an-email" } }),
      ]);
      expect(bad.status).toBe(400);
      expect((await bad.json()).message).toMatch(/Statement #2: actor/u);
      expect((await get(`?statementId=${good}`)).status).toBe(404);
    });

    it("Communication 3.2 Error Codes (XAPI-00324, XAPI-00328): malformed JSON 400, unknown parameter 400, oversized 413", async () => {
      const malformed = await lrs.app.request("/xapi/statements", {
        method: "POST",
        headers: xapiHeaders(all),
        body: "{",
      });
      expect(malformed.status).toBe(400);
      expect((await get("?verbose=true")).status).toBe(400);
      const huge = JSON.stringify(
        statement({ result: { response: "x".repeat(LIMITS.jsonBytes + 1) } }),
      );
      expect(
        (
          await lrs.app.request("/xapi/statements", {
            method: "POST",
            headers: xapiHeaders(all),
            body: huge,
          })
        ).status,
      ).toBe(413);
      expect((await get("?limit=-1")).status).toBe(400);
      expect((await get("?registration=nope")).status).toBe(400);
    });

    it("Data 2.3.2 Voiding (XAPI-00016, XAPI-00018, XAPI-00162, XAPI-00163): voided statements leave queries but stay reachable by voidedStatementId", async () => {
      const target = randomUUID();
      const activity = `${ORIGIN}/xapi/activities/void-test-${randomUUID()}`;
      await post(statement({ id: target, object: { id: activity } }));
      const voiding = statement({
        verb: { id: "http://adlnet.gov/expapi/verbs/voided" },
        object: { objectType: "StatementRef", id: target },
      });
      const [voidingId] = await (await post(voiding)).json();
      expect((await get(`?statementId=${target}`)).status).toBe(404);
      expect((await (await get(`?voidedStatementId=${target}`)).json()).id).toBe(target);
      const listed = await (await get(`?activity=${encodeURIComponent(activity)}`)).json();
      expect(listed.statements.map((s: { id: string }) => s.id)).toEqual([voidingId]);
      const voidTheVoid = statement({
        verb: { id: "http://adlnet.gov/expapi/verbs/voided" },
        object: { objectType: "StatementRef", id: voidingId },
      });
      expect((await post(voidTheVoid)).status).toBe(400);
    });

    it("Communication 2.1.3 / Data 2.4.4.3 StatementRef: a chain of references is found by the filters of its first target", async () => {
      const activity = `${ORIGIN}/xapi/activities/ref-chain-${randomUUID()}`;
      const agent = { mbox: `mailto:${randomUUID()}@police.kz` };
      const first = randomUUID();
      await post(statement({ id: first, actor: agent, object: { id: activity } }));
      const ref = (id: string) =>
        statement({
          verb: { id: "http://adlnet.gov/expapi/verbs/commented" },
          object: { objectType: "StatementRef", id },
        });
      const [second] = await (await post(ref(first))).json();
      const [third] = await (await post(ref(second))).json();
      const ids = async (query: string) =>
        (await (await get(query)).json()).statements.map((s: { id: string }) => s.id).sort();
      const expected = [first, second, third].sort();
      expect(await ids(`?activity=${encodeURIComponent(activity)}`)).toEqual(expected);
      expect(await ids(`?agent=${encodeURIComponent(JSON.stringify(agent))}`)).toEqual(expected);
    });

    it("Communication 2.1.3 GET filters (XAPI-00166, XAPI-00174..00181): agent, verb, activity, registration, related_*, since/until, ascending", async () => {
      const tag = randomUUID();
      const registration = randomUUID();
      const activity = `${ORIGIN}/xapi/activities/quiz/${tag}`;
      const agent = { mbox: `mailto:${tag}@police.kz` };
      const before = new Date(Date.now() - 1).toISOString();
      await post([
        statement({ actor: agent, object: { id: activity }, context: { registration } }),
        statement({
          actor: agent,
          verb: { id: "http://adlnet.gov/expapi/verbs/completed" },
          object: { id: `${activity}/2` },
          context: { contextActivities: { parent: [{ id: activity }] } },
        }),
        statement({ object: { id: activity }, context: { instructor: agent } }),
      ]);
      const count = async (query: string) => (await (await get(query)).json()).statements.length;
      const a = encodeURIComponent(JSON.stringify(agent));
      expect(await count(`?agent=${a}`)).toBe(2);
      expect(await count(`?agent=${a}&related_agents=true`)).toBe(3);
      expect(await count(`?activity=${encodeURIComponent(activity)}`)).toBe(2);
      expect(await count(`?activity=${encodeURIComponent(activity)}&related_activities=true`)).toBe(
        3,
      );
      expect(
        await count(
          `?agent=${a}&verb=${encodeURIComponent("http://adlnet.gov/expapi/verbs/completed")}`,
        ),
      ).toBe(1);
      expect(await count(`?registration=${registration}`)).toBe(1);
      expect(await count(`?agent=${a}&since=${before}`)).toBe(2);
      expect(await count(`?agent=${a}&until=${before}`)).toBe(0);
      const desc = (await (await get(`?agent=${a}`)).json()).statements;
      const asc = (await (await get(`?agent=${a}&ascending=true`)).json()).statements;
      expect(asc.map((s: { id: string }) => s.id)).toEqual(
        [...desc].reverse().map((s: { id: string }) => s.id),
      );
    });

    it("Data 2.5 Retrieval (XAPI-00108, XAPI-00109, XAPI-00114): limit and the more URL walk every statement exactly once", async () => {
      const agent = { mbox: `mailto:${randomUUID()}@police.kz` };
      const ids = await (
        await post(Array.from({ length: 7 }, () => statement({ actor: agent })))
      ).json();
      const seen: string[] = [];
      let url = `/xapi/statements?agent=${encodeURIComponent(JSON.stringify(agent))}&limit=3`;
      for (let pages = 0; url && pages < 10; pages++) {
        const body = await (await lrs.app.request(url, { headers: xapiHeaders(all) })).json();
        seen.push(...body.statements.map((s: { id: string }) => s.id));
        url = body.more;
      }
      expect(seen.sort()).toEqual([...ids].sort());
    });

    it("Communication 2.1.3 (XAPI-00152, XAPI-00153, XAPI-00169, XAPI-00171): format=ids and canonical; Consistent-Through and Last-Modified headers", async () => {
      const id = randomUUID();
      await post(
        statement({
          id,
          verb: {
            id: "http://adlnet.gov/expapi/verbs/experienced",
            display: { "en-US": "experienced", "kk-KZ": "танысты" },
          },
        }),
      );
      const ids = await (await get(`?statementId=${id}&format=ids`)).json();
      expect(ids.verb).toEqual({ id: "http://adlnet.gov/expapi/verbs/experienced" });
      expect(ids.actor.name).toBeUndefined();
      const canonical = await lrs.app.request(
        `/xapi/statements?statementId=${id}&format=canonical`,
        { headers: xapiHeaders(all, { "Accept-Language": "kk-KZ" }) },
      );
      expect((await canonical.json()).verb.display).toEqual({ "kk-KZ": "танысты" });
      const response = await get(`?statementId=${id}`);
      expect(response.headers.get("x-experience-api-consistent-through")).toMatch(/Z$/u);
      expect(response.headers.get("last-modified")).toMatch(/GMT$/u);
    });

    it("Communication 1.1 HEAD Request Implementation: HEAD answers like GET without a body", async () => {
      const head = await lrs.app.request("/xapi/statements", {
        method: "HEAD",
        headers: xapiHeaders(all),
      });
      expect(head.status).toBe(200);
      expect(await head.text()).toBe("");
    });

    it("Communication 4.2 scopes (XAPI-00327): statements/read cannot write; statements/read/mine sees only its own statements", async () => {
      const reader = await lrs.basic(["statements/read"]);
      expect((await post(statement(), reader)).status).toBe(403);
      const mine = await lrs.basic(["statements/write", "statements/read/mine"]);
      const [ownId] = await (await post(statement(), mine)).json();
      const listed = (await (await get("?limit=1000", mine)).json()).statements.map(
        (s: { id: string }) => s.id,
      );
      expect(listed).toEqual([ownId]);
      const someoneElses = (await (await post(statement())).json())[0];
      expect((await get(`?statementId=${someoneElses}`, mine)).status).toBe(404);
    });

    it("Communication 1.3 Alternate Request Syntax (XAPI-00336): works in 1.0.3 and is refused in 2.0", async () => {
      const form = (version: string) =>
        new URLSearchParams({
          Authorization: all,
          "X-Experience-API-Version": version,
          "Content-Type": "application/json",
          content: JSON.stringify(statement()),
        });
      const ok = await lrs.app.request("/xapi/statements?method=POST", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: form("1.0.3"),
      });
      expect(ok.status).toBe(200);
      const refused = await lrs.app.request("/xapi/statements?method=POST", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: form("2.0.0"),
      });
      expect(refused.status).toBe(400);
    });

    it("CORS: preflight answers with the xAPI headers allowed, without credentials for a foreign origin", async () => {
      const pre = await lrs.app.request("/xapi/statements", {
        method: "OPTIONS",
        headers: { Origin: "https://tool.example", "Access-Control-Request-Method": "POST" },
      });
      expect(pre.status).toBe(204);
      expect(pre.headers.get("access-control-allow-origin")).toBe("*");
      expect(pre.headers.get("access-control-allow-credentials")).toBeNull();
      expect(pre.headers.get("access-control-allow-methods")).toContain("PUT");
    });
  });
}
