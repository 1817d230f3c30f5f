// Raising the scrypt cost leaves existing hashes valid; each is replaced by one at the current
// cost the next time its owner signs in (the password is at hand only then).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AuthError, signIn } from "../../../src/server/accounts/auth.ts";
import { accountMigrations } from "../../../src/server/accounts/schema.ts";
import type { AccountStore } from "../../../src/server/accounts/store.ts";
import { migrate } from "../../../src/server/db/migrate.ts";
import {
  hashPassword,
  needsRehash,
  verifyPassword,
} from "../../../src/server/security/password.ts";
import { TEST_COST, testAccounts } from "../helpers/accounts.ts";
import { databases } from "../helpers/databases.ts";

const PASSWORD = "Bastapqy-Pass-1";
const OLDER = { N: TEST_COST.N / 2, r: TEST_COST.r, p: TEST_COST.p };
const t0 = new Date("2026-11-25T09:00:00Z");

for (const database of databases) {
  describe(`password hash upgrade on ${database.name}`, () => {
    let store: AccountStore;
    let close: () => Promise<void>;

    beforeEach(async () => {
      const db = await database.open();
      close = db.close;
      await migrate(db.sql, "accounts", accountMigrations);
      store = testAccounts(db.sql);
      await store.addUnit({ code: "DP", name: "Департамент", parentCode: null });
      await store.createUsers(
        [
          {
            personnelNumber: "100001",
            fullName: "Ерлан Сейітов",
            unitCode: "DP",
            role: "learner",
            email: null,
            passwordHash: await hashPassword(PASSWORD, OLDER),
            mustChangePassword: false,
          },
        ],
        t0,
      );
    });
    afterEach(async () => close());

    const stored = async () => (await store.userByNumber("100001"))?.passwordHash ?? "";

    it("rehashes an older hash at the current cost on a successful sign-in", async () => {
      const before = await stored();
      expect(needsRehash(before, store.passwordCost)).toBe(true);
      // A wrong password changes nothing.
      await expect(signIn(store, "100001", "wrong-password-1", t0)).rejects.toBeInstanceOf(
        AuthError,
      );
      expect(await stored()).toBe(before);
      await signIn(store, "100001", PASSWORD, t0);
      const after = await stored();
      expect(after).not.toBe(before);
      expect(after).toMatch(new RegExp(`^scrypt\\$${TEST_COST.N}\\$8\\$1\\$`, "u"));
      expect(needsRehash(after, store.passwordCost)).toBe(false);
      expect(await verifyPassword(PASSWORD, after)).toBe(true);
      // The next sign-in keeps it.
      await signIn(store, "100001", PASSWORD, t0);
      expect(await stored()).toBe(after);
    });

    it("does not overwrite a password changed meanwhile", async () => {
      const verified = await stored();
      await store.setPassword(
        (await store.userByNumber("100001"))?.id ?? "",
        await hashPassword("Jana-Qupiya-Soz-7", TEST_COST),
        false,
        t0,
      );
      const changed = await stored();
      await store.upgradePasswordHash(
        (await store.userByNumber("100001"))?.id ?? "",
        verified,
        await hashPassword(PASSWORD, TEST_COST),
      );
      expect(await stored()).toBe(changed);
    });
  });
}
