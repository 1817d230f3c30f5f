import { beforeAll, describe, expect, it } from "vitest";
import { accountMigrations } from "../../../src/server/accounts/schema.ts";
import type { AccountStore } from "../../../src/server/accounts/store.ts";
import { migrate } from "../../../src/server/db/migrate.ts";
import { createPlatformApi } from "../../../src/server/platform/api.ts";
import { testAccounts, testHash } from "../helpers/accounts.ts";
import { sqliteDatabase } from "../helpers/databases.ts";

const origin = "https://adal.test";
const password = "Bastapqy-Pass-1";
let api: ReturnType<typeof createPlatformApi>;
let accounts: AccountStore;

beforeAll(async () => {
  const { sql } = await sqliteDatabase.open();
  await migrate(sql, "accounts", accountMigrations);
  accounts = testAccounts(sql);
  await accounts.addUnit({ code: "DP", name: "Департамент", parentCode: null });
  await accounts.addUnit({ code: "DP-1", name: "1-бөлім", parentCode: "DP" });
  await accounts.addUnit({ code: "OTHER", name: "Басқа", parentCode: null });
  const hash = await testHash(password);
  const people = [
    ["100001", "Ерлан Сейітов", "DP-1", "learner"],
    ["100002", "Айгүл Нұрланқызы", "DP", "officer"],
    ["100003", "Дәурен Ахметов", "OTHER", "learner"],
    ["900001", "Әкімші", "DP", "admin"],
  ] as const;
  const created = await accounts.createUsers(
    people.map(([personnelNumber, fullName, unitCode, role]) => ({
      personnelNumber,
      fullName,
      unitCode,
      role,
      email: null,
      passwordHash: hash,
      mustChangePassword: false,
    })),
    new Date(),
  );
  await accounts.assignOfficerUnits(created[1]?.id ?? "", ["DP"]);
  api = createPlatformApi({ accounts, clock: () => new Date(), origin });
});

async function signIn(personnelNumber: string): Promise<string> {
  const response = await api.request("/session", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ personnelNumber, password }),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers.get("set-cookie") ?? "";
  return cookie.split(";")[0] ?? "";
}

describe("platform API", () => {
  it("sets an HttpOnly, SameSite=Strict, Secure session cookie and returns the learner's actor", async () => {
    const response = await api.request("/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ personnelNumber: "100001", password }),
    });
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^adal_session=[\w-]{43};/u);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Strict");
    expect(cookie).toContain("Secure");
    expect((await response.json()).actor).toEqual({
      objectType: "Agent",
      account: { homePage: origin, name: "100001" },
      name: "Ерлан Сейітов",
    });
  });

  it("answers /me only with a valid session", async () => {
    expect((await api.request("/me")).status).toBe(401);
    const cookie = await signIn("100001");
    const me = await api.request("/me", { headers: { cookie } });
    expect((await me.json()).user.personnelNumber).toBe("100001");
    const out = await api.request("/session", { method: "DELETE", headers: { cookie } });
    expect(out.status).toBe(204);
    expect((await api.request("/me", { headers: { cookie } })).status).toBe(401);
  });

  it("rejects malformed bodies with 400 and a reason", async () => {
    const notJson = await api.request("/session", { method: "POST", body: "personnelNumber=1" });
    expect(notJson.status).toBe(400);
    const broken = await api.request("/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{",
    });
    expect(await broken.json()).toMatchObject({ error: "malformed-json" });
    const wrongShape = await api.request("/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ personnelNumber: 5 }),
    });
    expect((await wrongShape.json()).message).toMatch(/personnelNumber/u);
  });

  it("refuses state changes from another origin", async () => {
    const response = await api.request("/session", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://evil.example" },
      body: JSON.stringify({ personnelNumber: "100001", password }),
    });
    expect(response.status).toBe(403);
  });

  it("gives a learner 403 on people and units, and an officer only their units and sub-units", async () => {
    const learner = await signIn("100001");
    expect((await api.request("/users", { headers: { cookie: learner } })).status).toBe(403);
    expect((await api.request("/units", { headers: { cookie: learner } })).status).toBe(403);
    const officer = await signIn("100002");
    const users = (await (await api.request("/users", { headers: { cookie: officer } })).json())
      .users;
    expect(users.map((u: { personnelNumber: string }) => u.personnelNumber).sort()).toEqual([
      "100001",
      "100002",
      "900001",
    ]);
    const units = (await (await api.request("/units", { headers: { cookie: officer } })).json())
      .units;
    expect(units.map((u: { code: string }) => u.code)).toEqual(["DP", "DP-1"]);
    expect((await api.request("/audit", { headers: { cookie: officer } })).status).toBe(403);
  });

  it("imports a roster as admin, all or nothing, with a per-line report", async () => {
    const admin = await signIn("900001");
    const bad = await api.request("/users/import", {
      method: "POST",
      headers: { cookie: admin, "content-type": "text/csv" },
      body: "personnel_number,full_name,unit,role\n300001,Мақсат Ержанов,DP-1,learner\n100001,Қайталанған,DP,learner\n300002,Жоқ,NOPE,learner",
    });
    expect(bad.status).toBe(400);
    const report = await bad.json();
    expect(report.errors).toEqual([
      'line 4: unit "NOPE" does not exist (create it first with `adal units add`)',
      "line 3: personnel number 100001 already has an account",
    ]);
    expect(await accounts.userByNumber("300001")).toBeNull();
    const good = await api.request("/users/import", {
      method: "POST",
      headers: { cookie: admin, "content-type": "text/csv" },
      body: "personnel_number,full_name,unit,role\n300001,Мақсат Ержанов,DP-1,learner",
    });
    expect(good.status).toBe(200);
    const [created] = (await good.json()).created;
    expect(created.temporaryPassword).toMatch(/^[\w-]{12}$/u);
    const signedIn = await api.request("/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ personnelNumber: "300001", password: created.temporaryPassword }),
    });
    expect((await signedIn.json()).user.mustChangePassword).toBe(true);
  });

  it("lets only an admin reset a password, which ends the person's sessions", async () => {
    const learnerCookie = await signIn("100003");
    const officer = await signIn("100002");
    expect(
      (
        await api.request("/users/100003/reset-password", {
          method: "POST",
          headers: { cookie: officer },
        })
      ).status,
    ).toBe(403);
    const admin = await signIn("900001");
    const reset = await api.request("/users/100003/reset-password", {
      method: "POST",
      headers: { cookie: admin },
    });
    expect(reset.status).toBe(200);
    expect((await api.request("/me", { headers: { cookie: learnerCookie } })).status).toBe(401);
    const log = (await (await api.request("/audit", { headers: { cookie: admin } })).json())
      .entries;
    expect(log.map((e: { action: string }) => e.action)).toContain("password.reset");
  });

  it("ends the person's other sessions when the password is changed, keeping this one", async () => {
    const here = await signIn("100001");
    const phone = await signIn("100001");
    const changed = await api.request("/password", {
      method: "POST",
      headers: { cookie: here, "content-type": "application/json" },
      body: JSON.stringify({ current: password, next: "Jana-Qupiya-Soz-3" }),
    });
    expect(changed.status).toBe(204);
    expect((await api.request("/me", { headers: { cookie: here } })).status).toBe(200);
    expect((await api.request("/me", { headers: { cookie: phone } })).status).toBe(401);
    const user = await accounts.userByNumber("100001");
    await accounts.setPassword(user?.id ?? "", await testHash(password), false, new Date());
  });
});
