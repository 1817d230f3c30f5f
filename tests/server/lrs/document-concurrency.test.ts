// Concurrency of the document resources (xAPI 1.0.3 Communication 3.1, XAPI-00322; xAPI 2.0
// Concurrency) on both databases: the 409/412/428 rules per version and resource, and the
// same rules holding when requests race (PostgreSQL runs their transactions side by side).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases } from "../helpers/databases.ts";
import { ORIGIN, testLrs, xapiHeaders } from "../helpers/lrs.ts";

for (const database of databases) {
  describe(`document concurrency on ${database.name}`, () => {
    let lrs: Awaited<ReturnType<typeof testLrs>>;
    let all: string;
    beforeAll(async () => {
      lrs = await testLrs(database);
      all = await lrs.basic(["all"]);
    });
    afterAll(async () => lrs.close());

    const agent = () =>
      encodeURIComponent(JSON.stringify({ mbox: `mailto:${randomUUID()}@police.kz` }));
    const activity = () => encodeURIComponent(`${ORIGIN}/xapi/activities/lesson/${randomUUID()}`);
    const paths = () => ({
      state: `/activities/state?activityId=${activity()}&agent=${agent()}&stateId=s`,
      activityProfile: `/activities/profile?activityId=${activity()}&profileId=p`,
      agentProfile: `/agents/profile?agent=${agent()}&profileId=p`,
    });
    const call = (
      method: string,
      path: string,
      body?: unknown,
      headers: Record<string, string> = {},
      version = "1.0.3",
    ) =>
      lrs.app.request(`/xapi${path}`, {
        method,
        headers: xapiHeaders(all, headers, version),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const etag = async (path: string) => (await call("GET", path)).headers.get("etag") ?? "";
    const statuses = (responses: Response[]) => responses.map((r) => r.status).sort();

    it("Communication 3.1 (XAPI-00322): 4 racing creating PUTs with If-None-Match: * — one wins, three get 412", async () => {
      for (const path of Object.values(paths())) {
        const racing = await Promise.all(
          [1, 2, 3, 4].map((n) => call("PUT", path, { n }, { "If-None-Match": "*" })),
        );
        expect(statuses(racing)).toEqual([204, 412, 412, 412]);
      }
    });

    it("Communication 3.1: 4 racing creating Profile PUTs without a precondition (1.0.3) — one 204, three 409, never a 500", async () => {
      const { activityProfile, agentProfile } = paths();
      for (const path of [activityProfile, agentProfile]) {
        const racing = await Promise.all([1, 2, 3, 4].map((n) => call("PUT", path, { n })));
        expect(statuses(racing)).toEqual([204, 409, 409, 409]);
      }
    });

    it("Communication 3.1: 4 racing PUTs with the same If-Match — exactly one replaces the document, no lost update", async () => {
      for (const path of Object.values(paths())) {
        await call("PUT", path, { v: 0 }, { "If-None-Match": "*" });
        const tag = await etag(path);
        const racing = await Promise.all(
          [1, 2, 3, 4].map((n) => call("PUT", path, { v: n }, { "If-Match": tag })),
        );
        expect(statuses(racing)).toEqual([204, 412, 412, 412]);
        const winner = racing.findIndex((r) => r.status === 204) + 1;
        expect(await (await call("GET", path)).json()).toEqual({ v: winner });
      }
    });

    it("Communication 2.2 JSON merge (XAPI-00183/00184): 6 racing POSTs keep every key", async () => {
      for (const path of Object.values(paths())) {
        const keys = ["a", "b", "c", "d", "e", "f"];
        const racing = await Promise.all(keys.map((k) => call("POST", path, { [k]: k })));
        expect(statuses(racing)).toEqual([204, 204, 204, 204, 204, 204]);
        expect(Object.keys(await (await call("GET", path)).json()).sort()).toEqual(keys);
      }
    });

    it("Communication 3.1 (1.0.3): State permits PUT, POST and DELETE without concurrency headers; Profiles answer 409 to an overwriting PUT", async () => {
      const { state, activityProfile, agentProfile } = paths();
      expect((await call("PUT", state, { v: 1 })).status).toBe(204);
      expect((await call("PUT", state, { v: 2 })).status).toBe(204);
      expect(await (await call("GET", state)).json()).toEqual({ v: 2 });
      for (const path of [activityProfile, agentProfile]) {
        expect((await call("PUT", path, { v: 1 })).status).toBe(204);
        const conflict = await call("PUT", path, { v: 2 });
        expect(conflict.status).toBe(409);
        expect((await conflict.json()).message).toMatch(/If-Match/u);
        expect(await (await call("GET", path)).json()).toEqual({ v: 1 });
        expect((await call("POST", path, { w: 1 })).status).toBe(204);
        expect((await call("DELETE", path)).status).toBe(204);
      }
    });

    it("xAPI 2.0 Concurrency: a PUT without precondition over an existing State is 409; a creating Profile PUT without one is 428", async () => {
      const { state, activityProfile, agentProfile } = paths();
      const v2 = (method: string, path: string, body?: unknown, headers = {}) =>
        call(method, path, body, headers, "2.0.0");
      expect((await v2("PUT", state, { v: 1 })).status).toBe(204);
      expect((await v2("PUT", state, { v: 2 })).status).toBe(409);
      expect((await v2("PUT", state, { v: 2 }, { "If-Match": await etag(state) })).status).toBe(
        204,
      );
      for (const path of [activityProfile, agentProfile]) {
        const missing = await v2("PUT", path, { v: 1 });
        expect(missing.status).toBe(428);
        expect(missing.headers.get("x-experience-api-version")).toBe("2.0.0");
        expect((await call("GET", path)).status).toBe(404);
        expect((await v2("PUT", path, { v: 1 }, { "If-None-Match": "*" })).status).toBe(204);
        expect((await v2("PUT", path, { v: 2 })).status).toBe(409);
        // POST and DELETE need no precondition in 2.0 either.
        expect((await v2("POST", path, { w: 1 })).status).toBe(204);
        expect((await v2("DELETE", path)).status).toBe(204);
      }
    });

    it("Communication 3.1 / RFC 7232: If-Match and If-None-Match on POST and DELETE (412, nothing changed)", async () => {
      for (const path of Object.values(paths())) {
        await call("PUT", path, { v: 1 }, { "If-None-Match": "*" });
        const tag = await etag(path);
        expect((await call("POST", path, { w: 1 }, { "If-Match": '"stale"' })).status).toBe(412);
        expect((await call("POST", path, { w: 1 }, { "If-None-Match": "*" })).status).toBe(412);
        expect((await call("DELETE", path, undefined, { "If-Match": '"stale"' })).status).toBe(412);
        expect((await call("DELETE", path, undefined, { "If-None-Match": "*" })).status).toBe(412);
        expect((await call("DELETE", path, undefined, { "If-None-Match": tag })).status).toBe(412);
        expect((await call("DELETE", path, undefined, { "If-Match": `W/${tag}` })).status).toBe(
          412,
        );
        expect(await (await call("GET", path)).json()).toEqual({ v: 1 });
        expect((await call("DELETE", path, undefined, { "If-Match": tag })).status).toBe(204);
        expect((await call("GET", path)).status).toBe(404);
        expect((await call("DELETE", path, undefined, { "If-Match": "*" })).status).toBe(412);
      }
    });

    it("Communication 2.3 (XAPI-00193, XAPI-00194): without registration, listing and deleting State cover every registration", async () => {
      const a = activity();
      const who = agent();
      const base = `/activities/state?activityId=${a}&agent=${who}`;
      const [r1, r2] = [randomUUID(), randomUUID()];
      await call("PUT", `${base}&stateId=none`, { r: 0 });
      await call("PUT", `${base}&stateId=first&registration=${r1}`, { r: 1 });
      await call("PUT", `${base}&stateId=second&registration=${r2}`, { r: 2 });
      await call("PUT", `${base}&stateId=first&registration=${r2}`, { r: 2 });
      expect(await (await call("GET", base)).json()).toEqual(["first", "none", "second"]);
      expect(await (await call("GET", `${base}&registration=${r1}`)).json()).toEqual(["first"]);
      // A single document without registration is the one stored without one.
      expect((await call("GET", `${base}&stateId=first`)).status).toBe(404);
      expect((await call("DELETE", `${base}&registration=${r1}`)).status).toBe(204);
      expect(await (await call("GET", base)).json()).toEqual(["first", "none", "second"]);
      expect((await call("DELETE", base)).status).toBe(204);
      expect(await (await call("GET", base)).json()).toEqual([]);
      expect(await (await call("GET", `${base}&registration=${r2}`)).json()).toEqual([]);
    });

    it("xAPI 2.0 State and Agent Profile take an identified Group as agent; 1.0.3 and anonymous Groups are 400", async () => {
      const group = encodeURIComponent(
        JSON.stringify({ objectType: "Group", mbox: `mailto:${randomUUID()}@police.kz` }),
      );
      const anonymous = encodeURIComponent(
        JSON.stringify({ objectType: "Group", member: [{ mbox: "mailto:a@police.kz" }] }),
      );
      const state = `/activities/state?activityId=${activity()}&stateId=s&agent=`;
      const profile = "/agents/profile?profileId=p&agent=";
      for (const base of [state, profile]) {
        const put = (agentParam: string, version: string) =>
          call("PUT", `${base}${agentParam}`, { g: 1 }, { "If-None-Match": "*" }, version);
        expect((await put(group, "2.0.0")).status).toBe(204);
        expect((await call("GET", `${base}${group}`, undefined, {}, "2.0.0")).status).toBe(200);
        expect((await put(group, "1.0.3")).status).toBe(400);
        expect((await put(anonymous, "2.0.0")).status).toBe(400);
      }
    });
  });
}
