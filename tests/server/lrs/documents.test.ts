// State, Activity Profile, Agent Profile, Agents and Activities (Communication 2.3–2.7).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases } from "../helpers/databases.ts";
import { ORIGIN, statement, testLrs, xapiHeaders } from "../helpers/lrs.ts";

for (const database of databases) {
  describe(`Document resources on ${database.name}`, () => {
    let lrs: Awaited<ReturnType<typeof testLrs>>;
    let all: string;
    beforeAll(async () => {
      lrs = await testLrs(database);
      all = await lrs.basic(["all"]);
    });
    afterAll(async () => lrs.close());

    const agent = encodeURIComponent(JSON.stringify({ mbox: "mailto:aigul@police.kz" }));
    const activity = encodeURIComponent(`${ORIGIN}/xapi/activities/lesson/3`);
    const call = (
      method: string,
      path: string,
      body?: string,
      headers: Record<string, string> = {},
    ) =>
      lrs.app.request(`/xapi${path}`, {
        method,
        headers: xapiHeaders(all, headers),
        ...(body === undefined ? {} : { body }),
      });

    it("Communication 2.3 State (XAPI-00187..00194), 3.1 ETag: PUT, GET with ETag, list ids, POST merge, DELETE one and all", async () => {
      const base = `/activities/state?activityId=${activity}&agent=${agent}`;
      expect(
        (await call("PUT", `${base}&stateId=resume`, JSON.stringify({ lesson: 3 }))).status,
      ).toBe(204);
      const got = await call("GET", `${base}&stateId=resume`);
      expect(await got.json()).toEqual({ lesson: 3 });
      expect(got.headers.get("etag")).toMatch(/^"[0-9a-f]{40}"$/u);
      expect(
        (await call("POST", `${base}&stateId=resume`, JSON.stringify({ quiz: 2 }))).status,
      ).toBe(204);
      expect(await (await call("GET", `${base}&stateId=resume`)).json()).toEqual({
        lesson: 3,
        quiz: 2,
      });
      await call("PUT", `${base}&stateId=other`, "plain text", { "Content-Type": "text/plain" });
      expect(await (await call("GET", base)).json()).toEqual(["other", "resume"]);
      const merge = await call("POST", `${base}&stateId=other`, JSON.stringify({ a: 1 }));
      expect(merge.status).toBe(400);
      expect((await call("DELETE", `${base}&stateId=resume`)).status).toBe(204);
      expect((await call("GET", `${base}&stateId=resume`)).status).toBe(404);
      expect((await call("DELETE", base)).status).toBe(204);
      expect(await (await call("GET", base)).json()).toEqual([]);
    });

    it("Communication 2.3.s4, 2.6.s4, 2.7.s4 and 3.2.s3.b7: since lists ids; on a single document it is an unknown parameter (400)", async () => {
      const since = encodeURIComponent("2020-01-01T00:00:00Z");
      const place = encodeURIComponent(`${ORIGIN}/xapi/activities/lesson/${randomUUID()}`);
      const someone = encodeURIComponent(JSON.stringify({ mbox: `mailto:${randomUUID()}@x.kz` }));
      const bases = [
        [`/activities/state?activityId=${place}&agent=${someone}`, "stateId"],
        [`/activities/profile?activityId=${place}`, "profileId"],
        [`/agents/profile?agent=${someone}`, "profileId"],
      ];
      for (const [base, idParam] of bases) {
        await call("PUT", `${base}&${idParam}=since-doc`, "{}", { "If-None-Match": "*" });
        const list = await call("GET", `${base}&since=${since}`);
        expect(list.status, base).toBe(200);
        expect(await list.json()).toContain("since-doc");
        const single = await call("GET", `${base}&${idParam}=since-doc&since=${since}`);
        expect(single.status, base).toBe(400);
        expect((await single.json()).message).toMatch(/"since" applies only to listing ids/u);
      }
    });

    it("Communication 2.8 and 3.2.s3.b7: /about with an unknown parameter is a 400 (with the version header)", async () => {
      const about = await lrs.app.request("/xapi/about?x=1");
      expect(about.status).toBe(400);
      expect(about.headers.get("x-experience-api-version")).toBe("2.0.0");
      expect((await about.json()).message).toMatch(/Unknown parameter "x"/u);
      expect((await lrs.app.request("/xapi/about")).status).toBe(200);
    });

    it("Communication 2.3 State (XAPI-00197, XAPI-00213, XAPI-00218): keeps registrations apart and needs a valid agent", async () => {
      const registration = randomUUID();
      const base = `/activities/state?activityId=${activity}&agent=${agent}&stateId=s`;
      await call("PUT", `${base}&registration=${registration}`, JSON.stringify({ r: 1 }));
      expect((await call("GET", base)).status).toBe(404);
      expect((await call("GET", `${base}&registration=${registration}`)).status).toBe(200);
      expect(
        (await call("GET", `/activities/state?activityId=${activity}&agent=%7B%7D&stateId=s`))
          .status,
      ).toBe(400);
      expect((await call("GET", `/activities/state?activityId=${activity}&stateId=s`)).status).toBe(
        400,
      );
    });

    it("Communication 2.6/2.7 Profiles, 3.1 Concurrency (XAPI-00322): 409 overwrite without precondition, 412 on a stale If-Match, If-None-Match *", async () => {
      const base = `/activities/profile?activityId=${activity}&profileId=p1`;
      expect((await call("PUT", base, JSON.stringify({ v: 1 }))).status).toBe(204);
      expect((await call("PUT", base, JSON.stringify({ v: 2 }))).status).toBe(409);
      const etag = (await call("GET", base)).headers.get("etag") ?? "";
      expect(
        (await call("PUT", base, JSON.stringify({ v: 2 }), { "If-Match": '"stale"' })).status,
      ).toBe(412);
      expect(
        (await call("PUT", base, JSON.stringify({ v: 2 }), { "If-None-Match": "*" })).status,
      ).toBe(412);
      expect((await call("PUT", base, JSON.stringify({ v: 2 }), { "If-Match": etag })).status).toBe(
        204,
      );
      expect(await (await call("GET", base)).json()).toEqual({ v: 2 });
      const agentProfile = `/agents/profile?agent=${agent}&profileId=settings`;
      expect(
        (await call("PUT", agentProfile, JSON.stringify({ lang: "kk" }), { "If-None-Match": "*" }))
          .status,
      ).toBe(204);
      expect(await (await call("GET", `/agents/profile?agent=${agent}`)).json()).toEqual([
        "settings",
      ]);
    });

    it("Communication 2.4 Agents (XAPI-00246..00248) returns a Person; 2.5 Activities returns the stored definition", async () => {
      const definition = {
        name: { "kk-KZ": "3-сабақ" },
        type: "http://adlnet.gov/expapi/activities/lesson",
      };
      await call(
        "POST",
        "/statements",
        JSON.stringify(
          statement({
            actor: { mbox: "mailto:aigul@police.kz", name: "Айгүл" },
            object: { id: `${ORIGIN}/xapi/activities/lesson/3`, definition },
          }),
        ),
      );
      const person = await (await call("GET", `/agents?agent=${agent}`)).json();
      expect(person).toMatchObject({
        objectType: "Person",
        mbox: ["mailto:aigul@police.kz"],
        name: ["Айгүл"],
      });
      const found = await (await call("GET", `/activities?activityId=${activity}`)).json();
      expect(found).toEqual({
        objectType: "Activity",
        id: `${ORIGIN}/xapi/activities/lesson/3`,
        definition,
      });
    });

    it("Communication 4.2 scopes (XAPI-00327): a statements-only credential cannot use documents", async () => {
      const writer = await lrs.basic(["statements/write"]);
      const response = await lrs.app.request(
        `/xapi/activities/state?activityId=${activity}&agent=${agent}&stateId=x`,
        { headers: xapiHeaders(writer) },
      );
      expect(response.status).toBe(403);
    });
  });
}
