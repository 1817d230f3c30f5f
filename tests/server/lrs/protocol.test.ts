// Protocol details of the Communication section on both databases: version header on every
// answer, resource table (404/405), alternate request syntax, CORS, attachments that do not
// match their declaration, read scopes of the Agents and Activities resources, revocation.
import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLrs } from "../../../src/server/lrs/app.ts";
import { CredentialStore } from "../../../src/server/lrs/credentials.ts";
import { DocumentStore } from "../../../src/server/lrs/document-store.ts";
import { basicAuthResolver } from "../../../src/server/lrs/principal.ts";
import { StatementStore } from "../../../src/server/lrs/statement-store.ts";
import { buildMultipartMixed } from "../../../src/server/xapi/multipart.ts";
import { databases } from "../helpers/databases.ts";
import { ORIGIN, statement, testLrs, xapiHeaders } from "../helpers/lrs.ts";

for (const database of databases) {
  describe(`protocol details on ${database.name}`, () => {
    let lrs: Awaited<ReturnType<typeof testLrs>>;
    let all: string;
    beforeAll(async () => {
      lrs = await testLrs(database);
      all = await lrs.basic(["all"]);
    });
    afterAll(async () => lrs.close());

    const request = (path: string, init: RequestInit = {}) => lrs.app.request(`/xapi${path}`, init);

    it("Communication 3.3 (XAPI-00321, XAPI-00333): a 400 for a missing or unsupported version still carries X-Experience-API-Version", async () => {
      for (const headers of [
        { Authorization: all },
        { Authorization: all, "X-Experience-API-Version": "0.95" },
      ]) {
        const response = await request("/statements", { headers });
        expect(response.status).toBe(400);
        expect(response.headers.get("x-experience-api-version")).toMatch(/^2\.0\.\d+$/u);
      }
      const unknown = await request("/statements?nope=1", { headers: xapiHeaders(all) });
      expect(unknown.status).toBe(400);
      expect(unknown.headers.get("x-experience-api-version")).toBe("1.0.3");
    });

    it("Communication 2.2: an unknown resource is a JSON 404, a wrong method a 405 with Allow", async () => {
      for (const path of ["/nothing", "/statements/extra", "/agent"]) {
        const missing = await request(path, { headers: xapiHeaders(all) });
        expect(missing.status, path).toBe(404);
        expect((await missing.json()).message).toMatch(/No xAPI resource/u);
      }
      const wrong = await request("/statements", { method: "DELETE", headers: xapiHeaders(all) });
      expect(wrong.status).toBe(405);
      expect(wrong.headers.get("allow")).toBe("GET, HEAD, PUT, POST, OPTIONS");
      expect((await wrong.json()).message).toMatch(/DELETE is not allowed/u);
      const agents = await request("/agents", { method: "POST", headers: xapiHeaders(all) });
      expect(agents.status).toBe(405);
      expect(agents.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    });

    it("Communication 1.3 (XAPI-00336): the alternate request syntax honours a real Authorization header", async () => {
      const id = randomUUID();
      const form = new URLSearchParams({
        "X-Experience-API-Version": "1.0.3",
        "Content-Type": "application/json",
        content: JSON.stringify(statement({ id })),
      });
      const response = await request("/statements?method=PUT", {
        method: "POST",
        headers: { Authorization: all, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ ...Object.fromEntries(form), statementId: id }),
      });
      expect(response.status).toBe(204);
      expect(
        (await request(`/statements?statementId=${id}`, { headers: xapiHeaders(all) })).status,
      ).toBe(200);
      const anonymous = await request("/statements?method=GET", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ "X-Experience-API-Version": "1.0.3" }),
      });
      expect(anonymous.status).toBe(401);
    });

    const alternate = (method: string, form: Record<string, string> | null, headers = {}) =>
      request(`/statements?method=${method}`, {
        method: "POST",
        headers: {
          Authorization: all,
          "X-Experience-API-Version": "1.0.3",
          ...(form ? { "Content-Type": "application/x-www-form-urlencoded" } : {}),
          ...headers,
        },
        ...(form ? { body: new URLSearchParams(form) } : {}),
      });

    it("Communication 1.3 (XAPI-00148): a GET issued as a POST with the real headers and a limit=1 form is a 200 StatementResult", async () => {
      await request("/statements", {
        method: "POST",
        headers: xapiHeaders(all),
        body: JSON.stringify(statement()),
      });
      const response = await alternate("GET", { limit: "1" });
      expect(response.status).toBe(200);
      const result = await response.json();
      expect(result.statements).toHaveLength(1);
      expect(result).toHaveProperty("more");
    });

    it("Communication 1.3.s3.b4/b6 (ADL: PUT issued as a POST): content without a Content-Type field is JSON; no content is a 400", async () => {
      const id = randomUUID();
      const put = await alternate("PUT", { statementId: id, content: JSON.stringify(statement()) });
      expect(put.status).toBe(204);
      expect(
        (await request(`/statements?statementId=${id}`, { headers: xapiHeaders(all) })).status,
      ).toBe(200);
      const empty = await alternate("PUT", null);
      expect(empty.status).toBe(400);
      expect((await empty.json()).message).toMatch(/x-www-form-urlencoded/u);
    });

    it("Communication 1.3.s3.b6: If-None-Match and the version in the real headers count; the form overrides them", async () => {
      const activity = `${ORIGIN}/xapi/activities/lesson/${randomUUID()}`;
      const state = new URLSearchParams({
        activityId: activity,
        agent: JSON.stringify({ mbox: "mailto:alternate@police.kz" }),
        stateId: "resume",
      });
      const put = (headers: Record<string, string>, form: Record<string, string> = {}) =>
        request("/activities/state?method=PUT", {
          method: "POST",
          headers: {
            Authorization: all,
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Experience-API-Version": "1.0.3",
            ...headers,
          },
          body: new URLSearchParams({ ...Object.fromEntries(state), content: "{}", ...form }),
        });
      expect((await put({})).status).toBe(204);
      expect((await put({ "If-None-Match": "*" })).status).toBe(412);
      const overridden = await put({}, { "X-Experience-API-Version": "2.0.0" });
      expect(overridden.status).toBe(400);
      expect((await overridden.json()).message).toMatch(/only in xAPI 1\.0/u);
      const missing = await request("/statements?method=GET", {
        method: "POST",
        headers: { Authorization: all, "Content-Type": "application/x-www-form-urlencoded" },
        body: "limit=1",
      });
      expect(missing.status).toBe(400);
      expect((await missing.json()).message).toMatch(/Missing X-Experience-API-Version/u);
    });

    it("Communication 2.1.3.s2.b5 (XAPI-00153): every Statements response carries X-Experience-API-Consistent-Through, errors included", async () => {
      const id = randomUUID();
      await request(`/statements?statementId=${id}`, {
        method: "PUT",
        headers: xapiHeaders(all),
        body: JSON.stringify(statement()),
      });
      const answers = [
        await request("/statements"),
        await request("/statements", { headers: { "X-Experience-API-Version": "1.0.3" } }),
        await request(`/statements?statementId=${randomUUID()}`, { headers: xapiHeaders(all) }),
        await request(`/statements?statementId=${randomUUID()}`, {
          method: "HEAD",
          headers: xapiHeaders(all),
        }),
        await request("/statements", { method: "DELETE", headers: xapiHeaders(all) }),
        await request(`/statements?statementId=${id}`, {
          method: "PUT",
          headers: xapiHeaders(all),
          body: JSON.stringify(
            statement({ verb: { id: "http://adlnet.gov/expapi/verbs/completed" } }),
          ),
        }),
        await request("/statements?method=GET", {
          method: "POST",
          headers: { Authorization: all, "Content-Type": "application/x-www-form-urlencoded" },
          body: "limit=1",
        }),
      ];
      expect(answers.map((r) => r.status)).toEqual([400, 401, 404, 404, 405, 409, 400]);
      for (const response of answers) {
        const through = response.headers.get("x-experience-api-consistent-through") ?? "";
        expect(through, String(response.status)).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/u);
        expect(Math.abs(Date.parse(through) - Date.now())).toBeLessThan(60_000);
      }
      const other = await request("/activities?activityId=https%3A%2F%2Fx", {
        headers: xapiHeaders(all),
      });
      expect(other.headers.get("x-experience-api-consistent-through")).toBeNull();
    });

    it("CORS: credentials only for the configured origin, never together with *", async () => {
      const credentials = new CredentialStore(lrs.db.sql);
      const app = createLrs({
        statements: new StatementStore(lrs.db.sql),
        documents: new DocumentStore(lrs.db.sql),
        principals: [basicAuthResolver(credentials, ORIGIN)],
        clock: () => new Date(),
        origin: ORIGIN,
      });
      for (const method of ["OPTIONS", "GET"]) {
        const own = await app.request("/xapi/about", { method, headers: { Origin: ORIGIN } });
        expect(own.headers.get("access-control-allow-origin")).toBe(ORIGIN);
        expect(own.headers.get("access-control-allow-credentials")).toBe("true");
        const foreign = await app.request("/xapi/about", {
          method,
          headers: { Origin: "https://evil.example" },
        });
        expect(foreign.headers.get("access-control-allow-origin")).toBe("*");
        expect(foreign.headers.get("access-control-allow-credentials")).toBeNull();
      }
      for (const version of [undefined, "1.0.3"]) {
        const preflight = await app.request("/xapi/statements", {
          method: "OPTIONS",
          headers: {
            Origin: ORIGIN,
            "Access-Control-Request-Method": "POST",
            ...(version ? { "X-Experience-API-Version": version } : {}),
          },
        });
        expect(preflight.status).toBe(204);
        // Communication 3.3.s3.b1: every response, a preflight's too.
        expect(preflight.headers.get("x-experience-api-version")).toBe(version ?? "2.0.0");
      }
      const unconfigured = await request("/about", { headers: { Origin: ORIGIN } });
      expect(unconfigured.headers.get("access-control-allow-origin")).toBe("*");
      expect(unconfigured.headers.get("access-control-allow-credentials")).toBeNull();
    });

    it("Data 2.5 (more): the more IRL is the path the LRS is mounted at, and it leads to the next page", async () => {
      const app = createLrs(
        {
          statements: new StatementStore(lrs.db.sql),
          documents: new DocumentStore(lrs.db.sql),
          principals: [basicAuthResolver(new CredentialStore(lrs.db.sql), ORIGIN)],
          clock: () => new Date(),
        },
        "/lrs/v1",
      );
      for (let i = 0; i < 2; i++)
        await app.request("/lrs/v1/statements", {
          method: "POST",
          headers: xapiHeaders(all),
          body: JSON.stringify(statement()),
        });
      const first = await (
        await app.request("/lrs/v1/statements?limit=1", { headers: xapiHeaders(all) })
      ).json();
      expect(first.more).toMatch(/^\/lrs\/v1\/statements\?more=/u);
      const next = await app.request(first.more, { headers: xapiHeaders(all) });
      expect(next.status).toBe(200);
      expect((await next.json()).statements).toHaveLength(1);
    });

    it("Communication 1.5.2 (XAPI-00025): an attachment part must match the declared contentType and length", async () => {
      const body = new TextEncoder().encode("the certificate");
      const sha2 = createHash("sha256").update(body).digest("hex");
      const send = (declared: { contentType: string; length: number }, partType = "text/plain") => {
        const s = statement({
          attachments: [
            {
              usageType: "http://id.tincanapi.com/attachment/certificate-of-completion",
              display: { "kk-KZ": "Сертификат" },
              sha2,
              ...declared,
            },
          ],
        });
        const multipart = buildMultipartMixed(JSON.stringify(s), [
          { sha2, contentType: partType, body },
        ]);
        return request("/statements", {
          method: "POST",
          headers: xapiHeaders(all, { "Content-Type": multipart.contentType }),
          body: multipart.body as Uint8Array<ArrayBuffer>,
        });
      };
      const wrongLength = await send({ contentType: "text/plain", length: body.length + 1 });
      expect(wrongLength.status).toBe(400);
      expect((await wrongLength.json()).message).toMatch(/length/u);
      const wrongType = await send({ contentType: "application/pdf", length: body.length });
      expect(wrongType.status).toBe(400);
      expect((await wrongType.json()).message).toMatch(/Content-Type/u);
      expect((await send({ contentType: "Text/Plain", length: body.length })).status).toBe(200);
    });

    it("Communication 2.4/2.5 and 4.2: the Agents and Activities resources need a read scope", async () => {
      const agent = encodeURIComponent(JSON.stringify({ mbox: "mailto:person@police.kz" }));
      const activity = encodeURIComponent(`${ORIGIN}/xapi/activities/lesson/1`);
      const stateOnly = await lrs.basic(["state"]);
      const reader = await lrs.basic(["statements/read"]);
      for (const path of [`/agents?agent=${agent}`, `/activities?activityId=${activity}`]) {
        const refused = await request(path, { headers: xapiHeaders(stateOnly) });
        expect(refused.status, path).toBe(403);
        expect((await request(path, { headers: xapiHeaders(reader) })).status, path).toBe(200);
      }
      // A learner's session reads only the people whose statements it may read.
      const learner = await lrs.addPerson(`5${Date.now() % 100000}`, "learner");
      const session = { Cookie: learner, "X-Experience-API-Version": "1.0.3" };
      expect((await request(`/agents?agent=${agent}`, { headers: session })).status).toBe(403);
    });

    it("Communication 4.0: revoking a credential in another store instance takes effect on the next request", async () => {
      const issuing = new CredentialStore(lrs.db.sql);
      const serving = new CredentialStore(lrs.db.sql);
      const { credential, secret } = await issuing.create("tool", ["all"], new Date());
      expect(await serving.verify(credential.key, secret)).not.toBeNull();
      expect(await serving.verify(credential.key, secret)).not.toBeNull();
      expect(await serving.verify(credential.key, "wrong")).toBeNull();
      expect(await issuing.revoke(credential.key, new Date())).toBe(true);
      expect(await serving.verify(credential.key, secret)).toBeNull();
    });
  });
}
