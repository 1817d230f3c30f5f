// "Change the temporary password first" is enforced by the server: until it is changed a
// session may read /api/me, change the password and sign out, and nothing else, on the API
// or on the LRS.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { examSetup, PASSWORD } from "../exam/setup.ts";
import { testHash } from "../helpers/accounts.ts";
import { sqliteDatabase } from "../helpers/databases.ts";
import { ORIGIN, statement, testLrs } from "../helpers/lrs.ts";

describe("a pending password change", () => {
  let lrs: Awaited<ReturnType<typeof testLrs>>;
  let cookie: string;
  const temporary = "Uaqytsha-Pass-1";

  beforeAll(async () => {
    lrs = await testLrs(sqliteDatabase);
    await lrs.accounts.addUnit({ code: "DP", name: "Департамент", parentCode: null });
    await lrs.accounts.createUsers(
      [
        {
          personnelNumber: "900002",
          fullName: "Жаңа Әкімші",
          unitCode: "DP",
          role: "admin",
          email: null,
          passwordHash: await testHash(temporary),
          mustChangePassword: true,
        },
      ],
      new Date(),
    );
    const response = await lrs.app.request("/api/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ personnelNumber: "900002", password: temporary }),
    });
    expect((await response.json()).user.mustChangePassword).toBe(true);
    cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  });
  afterAll(async () => lrs.close());

  const api = (path: string, method = "GET", body?: unknown) =>
    lrs.app.request(`/api${path}`, {
      method,
      headers: { cookie, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const xapi = (method: string, body?: unknown) =>
    lrs.app.request("/xapi/statements", {
      method,
      headers: { cookie, "X-Experience-API-Version": "1.0.3", "Content-Type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const me = { objectType: "Agent", account: { homePage: ORIGIN, name: "900002" } };

  it("refuses every other API route and the LRS with 403 password-change-required, in both languages", async () => {
    for (const [path, method] of [
      ["/users", "GET"],
      ["/units", "GET"],
      ["/audit", "GET"],
      ["/users/900002/reset-password", "POST"],
    ] as const) {
      const response = await api(path, method);
      expect(response.status, path).toBe(403);
      const body = await response.json();
      expect(body.error).toBe("password-change-required");
      expect(body.messages.kk).toMatch(/құпиясөзді/u);
      expect(body.messages.ru).toMatch(/пароль/u);
    }
    for (const response of [await xapi("GET"), await xapi("POST", statement({ actor: me }))]) {
      expect(response.status).toBe(403);
      const body = await response.json();
      expect(body.code).toBe("password-change-required");
      expect(body.message).toMatch(/құпиясөзді.*пароль/su);
    }
    expect((await lrs.statements.query({ limit: 10 })).statements).toHaveLength(0);
  });

  it("allows /api/me and the password change, after which everything works", async () => {
    expect((await api("/me")).status).toBe(200);
    const changed = await api("/password", "POST", {
      current: temporary,
      next: "Jana-Qupiya-Soz-9",
    });
    expect(changed.status).toBe(204);
    expect((await api("/users")).status).toBe(200);
    expect((await xapi("POST", statement({ actor: me }))).status).toBe(200);
  });

  it("allows signing out while the change is pending", async () => {
    await lrs.accounts.setPassword(
      (await lrs.accounts.userByNumber("900002"))?.id ?? "",
      await testHash(temporary),
      true,
      new Date(),
    );
    expect((await api("/audit")).status).toBe(403);
    expect((await api("/session", "DELETE")).status).toBe(204);
    expect((await api("/me")).status).toBe(401);
  });
});

describe("a pending password change and the exam", () => {
  it("refuses to start or read the exam", async () => {
    const t = await examSetup(sqliteDatabase);
    const user = await t.accounts.userByNumber("100001");
    await t.accounts.setPassword(user?.id ?? "", await testHash(PASSWORD), true, new Date());
    const cookie = await t.session("100001");
    expect((await t.call("/exam", cookie)).status).toBe(403);
    const start = await t.call("/exam/attempts", cookie, "POST");
    expect(start.status).toBe(403);
    expect((await start.json()).error).toBe("password-change-required");
    expect((await t.call("/certificates/course", cookie, "POST")).status).toBe(403);
    await t.close();
  });
});
