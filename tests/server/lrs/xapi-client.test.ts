// The real @xapi/xapi client library against the real server on a real socket.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import XAPI from "@xapi/xapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../../../src/server/config.ts";
import { type RunningServer, startServer } from "../../../src/server/main.ts";

describe("@xapi/xapi client against Adal's LRS over HTTP", () => {
  let server: RunningServer;
  let xapi: XAPI;
  let dir: string;
  const agent = { objectType: "Agent" as const, mbox: "mailto:dauren@police.kz", name: "Дәурен" };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "adal-client-"));
    server = await startServer(
      readConfig({
        PORT: "0",
        HOST: "127.0.0.1",
        ADAL_DB: join(dir, "lrs.sqlite"),
        ADAL_STATIC_DIR: join(dir, "none"),
      }),
    );
    const { credential, secret } = await server.platform.credentials.create(
      "client-test",
      ["all"],
      new Date(),
    );
    xapi = new XAPI({
      endpoint: `${server.url}/xapi/`,
      auth: XAPI.toBasicAuth(credential.key, secret),
      version: "1.0.3",
    });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("reads About", async () => {
    const about = await xapi.getAbout();
    expect(about.data.version).toContain("1.0.3");
  });

  it("sends statements and queries them back by agent and verb", async () => {
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
  });

  it("voids a statement", async () => {
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
  });

  it("keeps resume state", async () => {
    const activityId = "https://adal.test/xapi/activities/course/anticorruption-standards";
    await xapi.setState({ agent, activityId, stateId: "resume", state: { lesson: 5 } });
    const state = await xapi.getState({ agent, activityId, stateId: "resume" });
    expect(state.data).toEqual({ lesson: 5 });
    expect((await xapi.getStates({ agent, activityId })).data).toEqual(["resume"]);
  });
});
