// Identifiers the LRS indexes, on both databases: a U+0000 (PostgreSQL refuses it in text) or a
// key longer than an index entry holds (PostgreSQL: 2,704 bytes) is a 400 naming the problem,
// checked before storage so both databases answer alike; identifiers up to the documented
// limits (KEY_LIMITS) are stored and found. Once these were 500s on PostgreSQL.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KEY_LIMITS } from "../../../src/server/xapi/validate.ts";
import { databases } from "../helpers/databases.ts";
import { ORIGIN, statement, testLrs, xapiHeaders } from "../helpers/lrs.ts";

/** Random text of `bytes` ASCII bytes: nothing for PostgreSQL to compress. */
const noise = (bytes: number) =>
  randomBytes(Math.ceil(bytes / 2))
    .toString("hex")
    .slice(0, bytes);
const iriOf = (bytes: number) => {
  const head = `${ORIGIN}/x/`;
  return head + noise(bytes - head.length);
};
const q = (value: unknown) => encodeURIComponent(JSON.stringify(value));

for (const database of databases) {
  describe(`identifiers on ${database.name}`, () => {
    let lrs: Awaited<ReturnType<typeof testLrs>>;
    let all: string;
    beforeAll(async () => {
      lrs = await testLrs(database);
      all = await lrs.basic(["all"]);
    });
    afterAll(async () => lrs.close());

    const call = (method: string, path: string, body?: unknown) =>
      lrs.app.request(`/xapi${path}`, {
        method,
        headers: xapiHeaders(all),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const refused = async (response: Response, message: RegExp) => {
      expect(response.status).toBe(400);
      expect((await response.json()).message).toMatch(message);
    };
    const count = async () =>
      Number((await lrs.db.sql.get<{ n: number }>("SELECT COUNT(*) AS n FROM lrs_statements"))?.n);

    it("Communication 4.0: Basic credentials whose key holds U+0000 are refused (401), not a 500", async () => {
      for (const key of ["a\u0000b", "x".repeat(10_000)]) {
        const response = await lrs.app.request("/xapi/statements", {
          headers: {
            Authorization: `Basic ${Buffer.from(`${key}:secret`).toString("base64")}`,
            "X-Experience-API-Version": "1.0.3",
          },
        });
        expect(response.status).toBe(401);
      }
    });

    it("Data 2.4.2.3 / 4.1.4: an mbox or account name with U+0000 is a 400, in statements and parameters", async () => {
      const before = await count();
      await refused(
        await call("POST", "/statements", statement({ actor: { mbox: "mailto:a\u0000@b.kz" } })),
        /actor\.mbox: must be a "mailto:" IRI/u,
      );
      const nul = { account: { homePage: ORIGIN, name: "a\u0000b" } };
      await refused(
        await call("POST", "/statements", statement({ actor: nul })),
        /actor\.account\.name: must not contain control characters/u,
      );
      await refused(await call("GET", `/statements?agent=${q(nul)}`), /control characters/u);
      await refused(await call("GET", `/agents?agent=${q(nul)}`), /control characters/u);
      const activity = encodeURIComponent(`${ORIGIN}/x`);
      const state = `/activities/state?activityId=${activity}`;
      await refused(
        await call("PUT", `${state}&agent=${q(nul)}&stateId=s`, {}),
        /control characters/u,
      );
      const agent = q({ mbox: "mailto:nul@police.kz" });
      await refused(
        await call("PUT", `${state}&agent=${agent}&stateId=a%00b`, {}),
        /"stateId" must not contain control characters/u,
      );
      await refused(
        await call("GET", `/activities/profile?activityId=${activity}&profileId=%00`),
        /"profileId" must not contain control characters/u,
      );
      expect(await count()).toBe(before);
    });

    it(`Data 4.2 (identifiers): keys past the documented limits (${KEY_LIMITS.iri} bytes for IRIs) are a 400 naming the limit`, async () => {
      const before = await count();
      const long = iriOf(8000);
      const tooLong = /longer than this LRS's limit of \d+ bytes/u;
      await refused(
        await call("POST", "/statements", statement({ object: { id: long } })),
        tooLong,
      );
      await refused(await call("POST", "/statements", statement({ verb: { id: long } })), tooLong);
      await refused(
        await call(
          "POST",
          "/statements",
          statement({ actor: { mbox: `mailto:${noise(600)}@police.kz` } }),
        ),
        tooLong,
      );
      await refused(
        await call("POST", "/statements", statement({ actor: { openid: long } })),
        tooLong,
      );
      await refused(
        await call(
          "POST",
          "/statements",
          statement({ context: { contextActivities: { parent: [{ id: long }] } } }),
        ),
        tooLong,
      );
      await refused(await call("GET", `/statements?activity=${encodeURIComponent(long)}`), tooLong);
      await refused(
        await call("GET", `/activities?activityId=${encodeURIComponent(long)}`),
        tooLong,
      );
      const agent = q({ mbox: "mailto:long@police.kz" });
      await refused(
        await call(
          "PUT",
          `/activities/state?activityId=${encodeURIComponent(long)}&agent=${agent}&stateId=s`,
          {},
        ),
        tooLong,
      );
      await refused(
        await call(
          "PUT",
          `/activities/state?activityId=${encodeURIComponent(`${ORIGIN}/x`)}&agent=${agent}&stateId=${noise(9000)}`,
          {},
        ),
        /"stateId" is longer than this LRS's limit of 2048 bytes/u,
      );
      expect(await count()).toBe(before);
    });

    it("Data 4.2: identifiers at the limits are stored, indexed and found on both databases", async () => {
      const activity = iriOf(KEY_LIMITS.iri);
      const verb = iriOf(KEY_LIMITS.iri);
      const person = {
        objectType: "Agent",
        account: { homePage: iriOf(KEY_LIMITS.iri), name: "ә".repeat(KEY_LIMITS.account / 2) },
      };
      const response = await call(
        "POST",
        "/statements",
        statement({ actor: person, verb: { id: verb }, object: { id: activity } }),
      );
      expect(response.status).toBe(200);
      const [id] = await response.json();
      for (const filter of [
        `agent=${q(person)}`,
        `verb=${encodeURIComponent(verb)}`,
        `activity=${encodeURIComponent(activity)}`,
      ]) {
        const found = await (await call("GET", `/statements?${filter}`)).json();
        expect(
          found.statements.map((s: { id: string }) => s.id),
          filter,
        ).toEqual([id]);
      }
      expect((await call("GET", `/agents?agent=${q(person)}`)).status).toBe(200);
      const place = `/activities/state?activityId=${encodeURIComponent(activity)}&agent=${q(person)}&registration=${randomUUID()}`;
      const stateId = noise(KEY_LIMITS.documentId);
      expect((await call("PUT", `${place}&stateId=${stateId}`, { at: 1 })).status).toBe(204);
      expect(await (await call("GET", `${place}&stateId=${stateId}`)).json()).toEqual({ at: 1 });
      expect(await (await call("GET", place)).json()).toEqual([stateId]);
    });

    it("Communication 1.3 and 1.5.2: control characters in an alternate-syntax header field or a multipart part header are a 400", async () => {
      const form = await lrs.app.request("/xapi/statements?method=GET", {
        method: "POST",
        headers: { Authorization: all, "Content-Type": "application/x-www-form-urlencoded" },
        body: "X-Experience-API-Version=1.0.3&If-Match=%00",
      });
      await refused(form, /Form field "If-Match" holds a control character/u);
      const boundary = "b";
      const body = [
        `--${boundary}`,
        "Content-Type: application/json",
        "",
        JSON.stringify(statement()),
        `--${boundary}`,
        "Content-Type: text/plain\u0000",
        "Content-Transfer-Encoding: binary",
        "X-Experience-API-Hash: 00",
        "",
        "x",
        `--${boundary}--`,
      ].join("\r\n");
      const multipart = await lrs.app.request("/xapi/statements", {
        method: "POST",
        headers: xapiHeaders(all, { "Content-Type": `multipart/mixed; boundary=${boundary}` }),
        body,
      });
      await refused(multipart, /control character/u);
    });
  });
}
