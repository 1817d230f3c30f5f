// The real @xapi/xapi client library against the real server on a real socket, on both
// databases and under both xAPI versions the LRS speaks.
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import XAPI from "@xapi/xapi";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../../../src/server/config.ts";
import { type RunningServer, startServer } from "../../../src/server/main.ts";
import { DATABASE_URL } from "../helpers/databases.ts";

async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  await admin.query(sql);
  await admin.end();
}

const matrix = (["sqlite", "postgres"] as const).flatMap((backend) =>
  (["1.0.3", "2.0.0"] as const).map((version) => ({ backend, version })),
);

for (const { backend, version } of matrix) {
  describe(`@xapi/xapi client against Adal's LRS over HTTP (${backend}, xAPI ${version})`, () => {
    let server: RunningServer;
    let xapi: XAPI;
    let dir: string;
    const schema = `client_${randomBytes(6).toString("hex")}`;
    const agent = {
      objectType: "Agent" as const,
      mbox: `mailto:${randomUUID()}@police.kz`,
      name: "Дәурен",
    };
    // 2.0 requires a precondition on every Profile PUT; a client creating one says so.
    const create = { etag: "*", matchHeader: "If-None-Match" as const };

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), "adal-client-"));
      const env: Record<string, string> = {
        PORT: "0",
        HOST: "127.0.0.1",
        ADAL_DB: join(dir, "lrs.sqlite"),
        ADAL_STATIC_DIR: join(dir, "none"),
      };
      if (backend === "postgres") {
        await adminQuery(`CREATE SCHEMA ${schema}`);
        env.DATABASE_URL = `${DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
      }
      server = await startServer(readConfig(env));
      const { credential, secret } = await server.platform.credentials.create(
        "client-test",
        ["all"],
        new Date(),
      );
      xapi = new XAPI({
        endpoint: `${server.url}/xapi/`,
        auth: XAPI.toBasicAuth(credential.key, secret),
        version: version as "1.0.3",
      });
    });
    afterAll(async () => {
      await server.close();
      if (backend === "postgres") await adminQuery(`DROP SCHEMA ${schema} CASCADE`);
      rmSync(dir, { recursive: true, force: true });
    });

    it("Communication 2.8 (XAPI-00319): reads About with this version listed", async () => {
      const about = await xapi.getAbout();
      expect(about.data.version).toContain(version);
      expect(about.headers["x-experience-api-version"]).toBe(version);
    });

    it("Communication 2.1.2/2.1.3 (XAPI-00146, XAPI-00108): sends statements and pages through them by agent and verb", async () => {
      const sent = await xapi.sendStatements({
        statements: [1, 2, 3].map((n) => ({
          actor: agent,
          verb: XAPI.Verbs.COMPLETED,
          object: {
            objectType: "Activity" as const,
            id: `https://adal.test/xapi/activities/lesson/${n}`,
          },
        })),
      });
      expect(sent.data).toHaveLength(3);
      const found = await xapi.getStatements({
        agent,
        verb: XAPI.Verbs.COMPLETED.id,
        limit: 2,
        attachments: false,
      });
      expect(found.data.statements).toHaveLength(2);
      expect(found.data.more).toMatch(/^\/xapi\/statements\?more=/u);
      const more = await xapi.getMoreStatements({ more: found.data.more ?? "" });
      expect((more.data as { statements: unknown[] }).statements).toHaveLength(1);
      const one = await xapi.getStatement({ statementId: sent.data[0] ?? "" });
      expect(one.data.object).toMatchObject({ id: "https://adal.test/xapi/activities/lesson/1" });
      expect(one.data.version).toBe(version === "2.0.0" ? "2.0.0" : "1.0.0");
    });

    it("Data 2.3.2 (XAPI-00018): voids a statement", async () => {
      const [id] = (
        await xapi.sendStatement({
          statement: {
            actor: agent,
            verb: XAPI.Verbs.INITIALIZED,
            object: { objectType: "Activity", id: "https://adal.test/xapi/activities/lesson/4" },
          },
        })
      ).data;
      await xapi.voidStatement({ actor: agent, statementId: id ?? "" });
      const voided = await xapi.getVoidedStatement({ voidedStatementId: id ?? "" });
      expect(voided.data.id).toBe(id);
      await expect(xapi.getStatement({ statementId: id ?? "" })).rejects.toMatchObject({
        response: { status: 404 },
      });
    });

    it("Communication 2.3 (XAPI-00190, XAPI-00193): keeps resume state and lists it", async () => {
      const activityId = `https://adal.test/xapi/activities/course/${randomUUID()}`;
      await xapi.setState({ agent, activityId, stateId: "resume", state: { lesson: 5 } });
      const state = await xapi.getState({ agent, activityId, stateId: "resume" });
      expect(state.data).toEqual({ lesson: 5 });
      expect((await xapi.getStates({ agent, activityId })).data).toEqual(["resume"]);
    });

    it("Communication 2.6/2.7 and 3.1: profiles with ETags — create, stale write refused, replace with If-Match", async () => {
      const activityId = `https://adal.test/xapi/activities/quiz/${randomUUID()}`;
      await xapi.setActivityProfile({ activityId, profileId: "p", profile: { v: 1 }, ...create });
      const first = await xapi.getActivityProfile({ activityId, profileId: "p" });
      expect(first.data).toEqual({ v: 1 });
      const tag = String(first.headers.etag);
      await expect(
        xapi.setActivityProfile({
          activityId,
          profileId: "p",
          profile: { v: 2 },
          etag: '"stale"',
          matchHeader: "If-Match",
        }),
      ).rejects.toMatchObject({ response: { status: 412 } });
      await xapi.setActivityProfile({
        activityId,
        profileId: "p",
        profile: { v: 3 },
        etag: tag,
        matchHeader: "If-Match",
      });
      expect((await xapi.getActivityProfile({ activityId, profileId: "p" })).data).toEqual({
        v: 3,
      });
      await xapi.setAgentProfile({
        agent,
        profileId: "settings",
        profile: { lang: "kk" },
        ...create,
      });
      expect((await xapi.getAgentProfiles({ agent })).data).toEqual(["settings"]);
    });

    it("Communication 2.4/2.5 (XAPI-00248): the Agents and Activities resources", async () => {
      const person = await xapi.getAgent({ agent });
      expect(person.data).toMatchObject({ objectType: "Person", mbox: [agent.mbox] });
      const activity = await xapi.getActivity({
        activityId: "https://adal.test/xapi/activities/lesson/1",
      });
      expect(activity.data).toMatchObject({ objectType: "Activity" });
    });
  });
}
