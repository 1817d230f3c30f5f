// The session cookie reaches /xapi from any page of the same site (another port or
// subdomain too: SameSite is per site). The LRS honours the session only for requests from
// the platform's own pages; credentials (HTTP Basic) work from anywhere, as tools need.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqliteDatabase } from "../helpers/databases.ts";
import { ORIGIN, statement, testLrs, xapiHeaders } from "../helpers/lrs.ts";

describe("the LRS and the origin of session requests", () => {
  let lrs: Awaited<ReturnType<typeof testLrs>>;
  let cookie: string;
  const me = { objectType: "Agent", account: { homePage: ORIGIN, name: "100001" } };

  beforeAll(async () => {
    lrs = await testLrs(sqliteDatabase);
    cookie = await lrs.addPerson("100001", "learner");
  });
  afterAll(async () => lrs.close());

  const post = (
    headers: Record<string, string>,
    auth: Record<string, string> = { Cookie: cookie },
  ) =>
    lrs.app.request("/xapi/statements", {
      method: "POST",
      headers: {
        "X-Experience-API-Version": "1.0.3",
        "Content-Type": "application/json",
        ...auth,
        ...headers,
      },
      body: JSON.stringify(statement({ actor: me })),
    });

  it("refuses a session request from another origin, port or subdomain (403)", async () => {
    for (const origin of [
      "https://evil.example",
      "https://adal.test:8443",
      "https://tools.adal.test",
      "http://adal.test",
      "null",
    ]) {
      const response = await post({ Origin: origin });
      expect(response.status, origin).toBe(403);
      expect((await response.json()).code).toBe("cross-origin");
    }
    const read = await lrs.app.request("/xapi/statements", {
      headers: {
        Cookie: cookie,
        "X-Experience-API-Version": "1.0.3",
        Origin: "https://evil.example",
      },
    });
    expect(read.status).toBe(403);
  });

  it("refuses a session request without Origin that the browser marks cross-site or same-site", async () => {
    for (const site of ["cross-site", "same-site"])
      expect((await post({ "Sec-Fetch-Site": site })).status, site).toBe(403);
  });

  it("accepts the platform's own pages", async () => {
    expect((await post({ Origin: ORIGIN })).status).toBe(200);
    expect((await post({ "Sec-Fetch-Site": "same-origin" })).status).toBe(200);
    expect((await post({})).status).toBe(200);
  });

  it("applies the same rule to the alternate request syntax (a form post from another site)", async () => {
    const form = (headers: Record<string, string>) =>
      lrs.app.request("/xapi/statements?method=POST", {
        method: "POST",
        headers: {
          Cookie: cookie,
          "Content-Type": "application/x-www-form-urlencoded",
          ...headers,
        },
        body: new URLSearchParams({
          "X-Experience-API-Version": "1.0.3",
          "Content-Type": "application/json",
          content: JSON.stringify(statement({ actor: me })),
        }).toString(),
      });
    for (const site of ["cross-site", "same-site"]) {
      const refused = await form({ "Sec-Fetch-Site": site });
      expect(refused.status, site).toBe(403);
      expect((await refused.json()).code).toBe("cross-origin");
    }
    expect((await form({ Origin: "https://tools.adal.test" })).status).toBe(403);
    expect((await form({ "Sec-Fetch-Site": "same-origin" })).status).toBe(200);
  });

  it("refuses unsafe /api requests from other pages of the site, with or without Origin", async () => {
    const start = (headers: Record<string, string>) =>
      lrs.app.request("/api/session", {
        method: "DELETE",
        headers: { Cookie: cookie, ...headers },
      });
    for (const headers of [
      { "Sec-Fetch-Site": "same-site" },
      { "Sec-Fetch-Site": "cross-site" },
      { Origin: "https://tools.adal.test" },
    ]) {
      const refused = await start(headers);
      expect(refused.status, JSON.stringify(headers)).toBe(403);
      expect((await refused.json()).error).toBe("cross-origin");
    }
    // Reading is harmless and still works; the session survived the refused sign-outs.
    const me = await lrs.app.request("/api/me", {
      headers: { Cookie: cookie, "Sec-Fetch-Site": "same-site" },
    });
    expect(me.status).toBe(200);
  });

  it("answers a malformed session cookie with 401, not a server error", async () => {
    for (const bad of ["adal_session=%E0%A4%A", "adal_session=%", "adal_session=%ZZ"]) {
      const lrsAnswer = await post({}, { Cookie: bad });
      expect(lrsAnswer.status, bad).toBe(401);
      const api = await lrs.app.request("/api/me", { headers: { Cookie: bad } });
      expect(api.status, bad).toBe(401);
    }
  });

  it("still accepts HTTP Basic credentials from other origins", async () => {
    const auth = await lrs.basic(["statements/write"]);
    const response = await lrs.app.request("/xapi/statements", {
      method: "POST",
      headers: xapiHeaders(auth, { Origin: "https://authoring.example", Cookie: cookie }),
      body: JSON.stringify(statement()),
    });
    expect(response.status).toBe(200);
  });
});
