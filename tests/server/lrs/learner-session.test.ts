// A signed-in learner's browser writes to the LRS with the session cookie: every rule that
// keeps one learner from writing another's record, or an exam result, is tried here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqliteDatabase } from "../helpers/databases.ts";
import { ORIGIN, statement, testLrs } from "../helpers/lrs.ts";

describe("learner sessions on the LRS", () => {
  let lrs: Awaited<ReturnType<typeof testLrs>>;
  let learner: string;
  let other: string;
  let officer: string;
  let admin: string;
  const me = { objectType: "Agent", account: { homePage: ORIGIN, name: "100001" }, name: "Ерлан" };
  const headers = (cookie: string) => ({
    Cookie: cookie,
    "X-Experience-API-Version": "1.0.3",
    "Content-Type": "application/json",
  });
  const post = (cookie: string, body: unknown) =>
    lrs.app.request("/xapi/statements", {
      method: "POST",
      headers: headers(cookie),
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    lrs = await testLrs(sqliteDatabase);
    learner = await lrs.addPerson("100001", "learner", "U1");
    other = await lrs.addPerson("100002", "learner", "U2");
    officer = await lrs.addPerson("800001", "officer", "U1", ["U1"]);
    admin = await lrs.addPerson("900001", "admin", "U1");
  });
  afterAll(async () => lrs.close());

  it("accepts the learner's own practice statements, stamped with the platform's authority", async () => {
    const response = await post(learner, statement({ actor: me }));
    expect(response.status).toBe(200);
    const [id] = await response.json();
    const stored = await (
      await lrs.app.request(`/xapi/statements?statementId=${id}`, { headers: headers(learner) })
    ).json();
    expect(stored.authority.account.name).toBe("adal-platform");
  });

  it("refuses statements about another person (403)", async () => {
    const response = await post(
      learner,
      statement({ actor: { ...me, account: { homePage: ORIGIN, name: "100002" } } }),
    );
    expect(response.status).toBe(403);
    expect((await post(learner, statement({ actor: { mbox: "mailto:x@police.kz" } }))).status).toBe(
      403,
    );
  });

  it("refuses passed/failed and anything about the exam (403)", async () => {
    const exam = { id: `${ORIGIN}/xapi/activities/exam/annual-refresher` };
    expect(
      (
        await post(
          learner,
          statement({
            actor: me,
            verb: { id: "http://adlnet.gov/expapi/verbs/passed" },
            object: exam,
          }),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await post(
          learner,
          statement({
            actor: me,
            verb: { id: "http://adlnet.gov/expapi/verbs/completed" },
            object: exam,
          }),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await post(
          learner,
          statement({ actor: me, verb: { id: "http://adlnet.gov/expapi/verbs/failed" } }),
        )
      ).status,
    ).toBe(403);
  });

  it("lets a learner read only their own statements and state", async () => {
    await post(
      other,
      statement({ actor: { ...me, account: { homePage: ORIGIN, name: "100002" } } }),
    );
    const mine = (
      await (
        await lrs.app.request("/xapi/statements?limit=100", { headers: headers(learner) })
      ).json()
    ).statements;
    expect(mine.length).toBeGreaterThan(0);
    expect(
      mine.every(
        (s: { actor: { account: { name: string } } }) => s.actor.account.name === "100001",
      ),
    ).toBe(true);
    const foreign = encodeURIComponent(
      JSON.stringify({ account: { homePage: ORIGIN, name: "100002" } }),
    );
    const state = await lrs.app.request(
      `/xapi/activities/state?activityId=${encodeURIComponent(`${ORIGIN}/x`)}&agent=${foreign}&stateId=resume`,
      { headers: headers(learner) },
    );
    expect(state.status).toBe(403);
    const own = encodeURIComponent(
      JSON.stringify({ account: { homePage: ORIGIN, name: "100001" } }),
    );
    const put = await lrs.app.request(
      `/xapi/activities/state?activityId=${encodeURIComponent(`${ORIGIN}/x`)}&agent=${own}&stateId=resume`,
      { method: "PUT", headers: headers(learner), body: "{}" },
    );
    expect(put.status).toBe(204);
    expect(
      (
        await lrs.app.request("/xapi/activities/profile?activityId=https%3A%2F%2Fx&profileId=p", {
          headers: headers(learner),
        })
      ).status,
    ).toBe(403);
  });

  it("lets an officer read their units' statements only, and an admin everything", async () => {
    const seen = (
      await (
        await lrs.app.request("/xapi/statements?limit=100", { headers: headers(officer) })
      ).json()
    ).statements;
    const names = new Set(
      seen.map((s: { actor: { account?: { name: string } } }) => s.actor.account?.name),
    );
    expect(names.has("100001")).toBe(true);
    expect(names.has("100002")).toBe(false);
    const everything = (
      await (
        await lrs.app.request("/xapi/statements?limit=100", { headers: headers(admin) })
      ).json()
    ).statements;
    expect(
      everything.some(
        (s: { actor: { account?: { name: string } } }) => s.actor.account?.name === "100002",
      ),
    ).toBe(true);
  });

  it("Communication 1.3: an alternate-syntax write is judged on its real headers: a same-site request without Origin may not use the session (403)", async () => {
    const send = (site: string) =>
      lrs.app.request("/xapi/statements?method=POST", {
        method: "POST",
        headers: {
          Cookie: learner,
          "Content-Type": "application/x-www-form-urlencoded",
          "Sec-Fetch-Site": site,
        },
        body: new URLSearchParams({
          "X-Experience-API-Version": "1.0.3",
          content: JSON.stringify(statement({ actor: me })),
        }),
      });
    const foreign = await send("same-site");
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).message).toMatch(/same-site request may not use the session/u);
    expect((await send("same-origin")).status).toBe(200);
  });

  it("refuses a signed-out browser (401)", async () => {
    expect((await post("adal_session=forged", statement({ actor: me }))).status).toBe(401);
  });
});
