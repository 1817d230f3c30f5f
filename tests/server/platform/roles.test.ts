// Role and officer-unit changes through the admin API: administrators only, validated with
// clear messages, each one in the audit log.
import { beforeAll, describe, expect, it } from "vitest";
import { accountMigrations } from "../../../src/server/accounts/schema.ts";
import type { AccountStore } from "../../../src/server/accounts/store.ts";
import { migrate } from "../../../src/server/db/migrate.ts";
import { createPlatformApi } from "../../../src/server/platform/api.ts";
import { testAccounts, testHash } from "../helpers/accounts.ts";
import { sqliteDatabase } from "../helpers/databases.ts";

const password = "Bastapqy-Pass-1";
let api: ReturnType<typeof createPlatformApi>;
let accounts: AccountStore;

beforeAll(async () => {
  const { sql } = await sqliteDatabase.open();
  await migrate(sql, "accounts", accountMigrations);
  accounts = testAccounts(sql);
  await accounts.addUnit({ code: "DP", name: "Департамент", parentCode: null });
  await accounts.addUnit({ code: "DP-1", name: "1-бөлім", parentCode: "DP" });
  const hash = await testHash(password);
  await accounts.createUsers(
    [
      ["100001", "learner"],
      ["100002", "learner"],
      ["900001", "admin"],
    ].map(([personnelNumber, role]) => ({
      personnelNumber: personnelNumber as string,
      fullName: `Қызметкер ${personnelNumber}`,
      unitCode: "DP",
      role: role as "learner" | "admin",
      email: null,
      passwordHash: hash,
      mustChangePassword: false,
    })),
    new Date(),
  );
  api = createPlatformApi({ accounts, clock: () => new Date(), origin: "https://adal.test" });
});

async function session(number: string) {
  const response = await api.request("/session", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ personnelNumber: number, password }),
  });
  return (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

const call = (cookie: string, method: string, path: string, body?: unknown) =>
  api.request(path, {
    method,
    headers: { cookie, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe("roles and officer units through the admin API", () => {
  it("lets an admin make a learner an officer of a unit, and audits both changes", async () => {
    const admin = await session("900001");
    const promoted = await call(admin, "PUT", "/users/100002/role", { role: "officer" });
    expect(promoted.status).toBe(200);
    expect(await promoted.json()).toMatchObject({
      user: { personnelNumber: "100002", role: "officer" },
      previousRole: "learner",
    });
    expect(
      (await call(admin, "POST", "/users/100002/officer-units", { unit: "DP-1" })).status,
    ).toBe(201);
    expect(
      (await call(admin, "POST", "/users/100002/officer-units", { unit: "DP-1" })).status,
    ).toBe(200);
    const officer = await session("100002");
    const units = await (await call(officer, "GET", "/units")).json();
    expect(units.units.map((u: { code: string }) => u.code)).toEqual(["DP-1"]);
    const log = (await (await call(admin, "GET", "/audit")).json()).entries as {
      action: string;
      subject: string;
      detail: string;
      actorId: string;
    }[];
    const adminId = (await accounts.userByNumber("900001"))?.id;
    expect(log.find((e) => e.action === "role.changed")).toMatchObject({
      subject: "100002",
      detail: "learner → officer (api)",
      actorId: adminId,
    });
    expect(log.find((e) => e.action === "officer-unit.assigned")).toMatchObject({
      subject: "100002",
      detail: "DP-1 (api)",
    });
  });

  it("removes an officer's unit, and all units when the officer becomes a learner again", async () => {
    const admin = await session("900001");
    await call(admin, "POST", "/users/100002/officer-units", { unit: "DP" });
    expect((await call(admin, "DELETE", "/users/100002/officer-units/DP")).status).toBe(204);
    expect((await call(admin, "DELETE", "/users/100002/officer-units/DP")).status).toBe(404);
    const units = await (await call(admin, "GET", "/users/100002/officer-units")).json();
    expect(units.units).toEqual(["DP-1"]);
    const demoted = await (
      await call(admin, "PUT", "/users/100002/role", { role: "learner" })
    ).json();
    expect(demoted.unitsRemoved).toEqual(["DP-1"]);
    const log = (await (await call(admin, "GET", "/audit")).json()).entries as { action: string }[];
    expect(log.map((e) => e.action)).toContain("officer-unit.removed");
  });

  it("refuses bad changes with reasons, and non-admins altogether", async () => {
    const admin = await session("900001");
    const badRole = await call(admin, "PUT", "/users/100001/role", { role: "chief" });
    expect(badRole.status).toBe(400);
    expect((await badRole.json()).message).toMatch(/learner, officer, admin/u);
    expect((await call(admin, "PUT", "/users/999999/role", { role: "officer" })).status).toBe(404);
    const learnerUnit = await call(admin, "POST", "/users/100001/officer-units", { unit: "DP" });
    expect(learnerUnit.status).toBe(409);
    expect((await learnerUnit.json()).message).toMatch(/not a training officer/u);
    await call(admin, "PUT", "/users/100001/role", { role: "officer" });
    const unknownUnit = await call(admin, "POST", "/users/100001/officer-units", { unit: "NOPE" });
    expect(unknownUnit.status).toBe(404);
    expect((await unknownUnit.json()).message).toMatch(/Unit NOPE does not exist/u);
    expect((await call(admin, "PUT", "/users/900001/role", { role: "learner" })).status).toBe(409);
    const learner = await session("100002");
    expect((await call(learner, "PUT", "/users/100002/role", { role: "admin" })).status).toBe(403);
    expect((await accounts.userByNumber("100002"))?.role).toBe("learner");
  });
});
