// Behaviour specific to xAPI 2.0.0 (IEEE 9274.1.1) over HTTP, on both databases, each case
// beside what 1.0.3 does with the same request.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases } from "../helpers/databases.ts";
import { ORIGIN, statement, testLrs, xapiHeaders } from "../helpers/lrs.ts";

for (const database of databases) {
  describe(`xAPI 2.0.0 over HTTP on ${database.name}`, () => {
    let lrs: Awaited<ReturnType<typeof testLrs>>;
    let all: string;
    beforeAll(async () => {
      lrs = await testLrs(database);
      all = await lrs.basic(["all"]);
    });
    afterAll(async () => lrs.close());

    const post = (body: unknown, version: string) =>
      lrs.app.request("/xapi/statements", {
        method: "POST",
        headers: xapiHeaders(all, {}, version),
        body: JSON.stringify(body),
      });
    const get = (query: string, version: string) =>
      lrs.app.request(`/xapi/statements${query}`, { headers: xapiHeaders(all, {}, version) });

    it("Versioning (2.0): 2.0 is taken as 2.0.0, 2.1.0 is refused with 400; responses say 2.0.0", async () => {
      const ok = await get("?limit=1", "2.0");
      expect(ok.status).toBe(200);
      expect(ok.headers.get("x-experience-api-version")).toBe("2.0.0");
      const refused = await get("?limit=1", "2.1.0");
      expect(refused.status).toBe(400);
      expect(refused.headers.get("x-experience-api-version")).toBe("2.0.0");
    });

    it("Data 4.5 (XAPI-00123, ADL 2.0 timestamps.js): an RFC 3339 timestamp with a space is stored under 2.0, a basic ISO 8601 one under 1.0.3; both come back in extended form", async () => {
      const spaced = await post(statement({ timestamp: "2008-09-15 15:53:00.601+00:00" }), "2.0.0");
      expect(spaced.status).toBe(200);
      const [a] = await spaced.json();
      expect((await (await get(`?statementId=${a}`, "2.0.0")).json()).timestamp).toBe(
        "2008-09-15T15:53:00.601+00:00",
      );
      expect((await post(statement({ timestamp: "20080915T155300Z" }), "2.0.0")).status).toBe(400);
      const basic = await post(statement({ timestamp: "20080915T155300.601+0600" }), "1.0.3");
      expect(basic.status).toBe(200);
      const [b] = await basic.json();
      expect((await (await get(`?statementId=${b}`, "1.0.3")).json()).timestamp).toBe(
        "2008-09-15T15:53:00.601+06:00",
      );
      expect((await get(`?since=20080915T155300Z&limit=1`, "1.0.3")).status).toBe(200);
      expect(
        (await get(`?since=${encodeURIComponent("2008-09-15 15:53:00Z")}`, "2.0.0")).status,
      ).toBe(200);
      expect(
        (await post(statement({ timestamp: "2008-09-15T15:53:00.601-0000" }), "1.0.3")).status,
      ).toBe(400);
    });

    it("Data 2.4.10 (2.0): a stored statement gets version 2.0.0; a 2.0.0 version property is refused under 1.0.3", async () => {
      const [id] = await (await post(statement(), "2.0.0")).json();
      expect((await (await get(`?statementId=${id}`, "2.0.0")).json()).version).toBe("2.0.0");
      expect((await post(statement({ version: "2.0.0" }), "1.0.3")).status).toBe(400);
      expect((await post(statement({ version: "2.0.0" }), "2.0.0")).status).toBe(200);
    });

    it("Data 2.4.6.3/2.4.6.4 (2.0): contextAgents and contextGroups are accepted under 2.0 only, and found by related_agents", async () => {
      const instructor = { mbox: `mailto:${randomUUID()}@police.kz` };
      const context = {
        contextAgents: [
          {
            objectType: "contextAgent",
            agent: instructor,
            relevantTypes: ["https://adal.kz/xapi/types/instructor"],
          },
        ],
        contextGroups: [
          {
            objectType: "contextGroup",
            group: { objectType: "Group", mbox: `mailto:${randomUUID()}@police.kz` },
          },
        ],
      };
      expect((await post(statement({ context }), "1.0.3")).status).toBe(400);
      const [id] = await (await post(statement({ context }), "2.0.0")).json();
      const agent = encodeURIComponent(JSON.stringify(instructor));
      const found = await (await get(`?agent=${agent}&related_agents=true`, "2.0.0")).json();
      expect(found.statements.map((s: { id: string }) => s.id)).toEqual([id]);
      expect((await (await get(`?agent=${agent}`, "2.0.0")).json()).statements).toEqual([]);
    });

    it("Data 4.5 (2.0): timestamps are RFC 3339 with seconds and an offset; 1.0.3 takes ISO 8601 without seconds", async () => {
      const noSeconds = statement({ timestamp: "2026-05-01T10:00Z" });
      expect((await post(noSeconds, "1.0.3")).status).toBe(200);
      const refused = await post(noSeconds, "2.0.0");
      expect(refused.status).toBe(400);
      expect((await refused.json()).message).toMatch(/RFC 3339/u);
      expect((await get("?since=2026-05-01T10:00Z", "1.0.3")).status).toBe(200);
      expect((await get("?since=2026-05-01T10:00Z", "2.0.0")).status).toBe(400);
    });

    it("Communication 1.3: the alternate request syntax does not exist in 2.0", async () => {
      const response = await lrs.app.request("/xapi/statements?method=GET", {
        method: "POST",
        headers: { Authorization: all, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ "X-Experience-API-Version": "2.0.0" }),
      });
      expect(response.status).toBe(400);
      expect((await response.json()).message).toMatch(/only in xAPI 1\.0\.x/u);
    });

    it("Concurrency (2.0): an Agent Profile PUT without If-Match or If-None-Match is 428, with If-None-Match: * it is created", async () => {
      const agent = encodeURIComponent(
        JSON.stringify({ mbox: `mailto:${randomUUID()}@police.kz` }),
      );
      const put = (headers: Record<string, string>) =>
        lrs.app.request(`/xapi/agents/profile?agent=${agent}&profileId=p`, {
          method: "PUT",
          headers: xapiHeaders(all, headers, "2.0.0"),
          body: JSON.stringify({ lang: "kk" }),
        });
      const missing = await put({});
      expect(missing.status).toBe(428);
      expect((await missing.json()).message).toMatch(/If-None-Match: \*/u);
      expect((await put({ "If-None-Match": "*" })).status).toBe(204);
      const activity = encodeURIComponent(`${ORIGIN}/xapi/activities/lesson/${randomUUID()}`);
      const stateV1 = await lrs.app.request(
        `/xapi/activities/state?activityId=${activity}&agent=${agent}&stateId=s`,
        { method: "PUT", headers: xapiHeaders(all, {}, "2.0.0"), body: "{}" },
      );
      expect(stateV1.status).toBe(204);
    });
  });
}
