// The sign-in back-off store on both databases: one atomic claim per attempt, growing locks,
// and numbers forgotten a day after their last attempt (unless still locked).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountMigrations } from "../../../src/server/accounts/schema.ts";
import {
  FORGET_AFTER_MS,
  LOCK_MS,
  lockMs,
  MAX_LOCK_MS,
  SignInThrottle,
} from "../../../src/server/accounts/throttle.ts";
import { migrate } from "../../../src/server/db/migrate.ts";
import { databases } from "../helpers/databases.ts";

describe("lockMs", () => {
  it("locks from the fifth failure, doubling, capped at a day", () => {
    expect([4, 5, 6, 7].map(lockMs)).toEqual([0, LOCK_MS, 2 * LOCK_MS, 4 * LOCK_MS]);
    expect(lockMs(40)).toBe(MAX_LOCK_MS);
  });
});

for (const database of databases) {
  describe(`SignInThrottle on ${database.name}`, () => {
    let throttle: SignInThrottle;
    let close: () => Promise<void>;
    const t0 = Date.UTC(2026, 10, 25, 9, 0);

    beforeAll(async () => {
      const db = await database.open();
      close = db.close;
      await migrate(db.sql, "accounts", accountMigrations);
      throttle = new SignInThrottle(db.sql);
    });
    afterAll(async () => close());

    it("counts claims, locks at the fifth and refuses while locked", async () => {
      const claims = [];
      for (let i = 0; i < 6; i++) claims.push(await throttle.claim("A-1", t0));
      expect(claims.slice(0, 5).map((c) => c.allowed && c.failures)).toEqual([1, 2, 3, 4, 5]);
      expect(claims[4]).toMatchObject({ allowed: true, lockedUntil: t0 + LOCK_MS });
      expect(claims[5]).toEqual({ allowed: false, lockedUntil: t0 + LOCK_MS });
      expect(await throttle.claim("A-1", t0 + LOCK_MS)).toMatchObject({
        allowed: true,
        failures: 6,
        lockedUntil: t0 + LOCK_MS + 2 * LOCK_MS,
      });
    });

    it("forgets quiet numbers after a day, but never one still locked", async () => {
      await throttle.claim("B-1", t0);
      for (let i = 0; i < 40; i++) await throttle.claim("C-1", t0 + i * MAX_LOCK_MS);
      // C-1's last failure (at 39 days) locked it for a day; B-1 has been quiet for 39 days.
      const later = t0 + 39 * MAX_LOCK_MS + FORGET_AFTER_MS - 1;
      expect(await throttle.prune(later)).toBe(2); // B-1, and A-1 of the test before
      expect(await throttle.claim("B-1", later)).toMatchObject({ allowed: true, failures: 1 });
      expect((await throttle.claim("C-1", later)).allowed).toBe(false);
    });
  });
}
