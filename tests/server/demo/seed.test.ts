import { describe, expect, it } from "vitest";
import { signIn } from "../../../src/server/accounts/auth.ts";
import { accountMigrations } from "../../../src/server/accounts/schema.ts";
import { migrate } from "../../../src/server/db/migrate.ts";
import { DEMO_ADMIN, DEMO_OFFICER, seedDemo } from "../../../src/server/demo/seed.ts";
import { testAccounts } from "../helpers/accounts.ts";
import { sqliteDatabase } from "../helpers/databases.ts";

async function freshAccounts() {
  const { sql } = await sqliteDatabase.open();
  await migrate(sql, "accounts", accountMigrations);
  return testAccounts(sql);
}

describe("seedDemo", () => {
  it("creates units, an admin, an officer over the department and 30 learners, once", async () => {
    const accounts = await freshAccounts();
    const now = new Date();
    expect(await seedDemo(accounts, "Demo-Password-1", now)).toEqual({
      seeded: true,
      generatedPassword: null,
    });
    expect((await seedDemo(accounts, "Demo-Password-1", now)).seeded).toBe(false);
    const people = await accounts.allUsers();
    expect(people.filter((p) => p.role === "learner")).toHaveLength(30);
    expect((await accounts.userByNumber(DEMO_ADMIN))?.role).toBe("admin");
    const officer = await accounts.userByNumber(DEMO_OFFICER);
    expect(await accounts.unitTree(await accounts.officerUnits(officer?.id ?? ""))).toHaveLength(3);
    expect(new Set(people.map((p) => p.fullName)).size).toBeGreaterThan(20);
    await expect(signIn(accounts, "100001", "Demo-Password-1", now)).resolves.toBeDefined();
  });

  it("generates a password when none is configured and returns it once", async () => {
    const accounts = await freshAccounts();
    const result = await seedDemo(accounts, undefined, new Date());
    expect(result.generatedPassword).toMatch(/^[\w-]{16}$/u);
    await expect(
      signIn(accounts, DEMO_ADMIN, result.generatedPassword ?? "", new Date()),
    ).resolves.toBeDefined();
  });
});
