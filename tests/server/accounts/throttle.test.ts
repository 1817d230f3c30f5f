// The sign-in back-off store on both databases: one atomic claim per attempt and per number
// and address, growing locks, a lock for everyone after very many failures from anywhere, one
// audited refusal per lock, and numbers forgotten a day after their last attempt (unless
// still locked).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountMigrations } from "../../../src/server/accounts/schema.ts";
import {
  ACCOUNT_FAILURES,
  ACCOUNT_LOCK_MS,
  ACCOUNT_WINDOW_MS,
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
    const HERE = "192.0.2.1";
    const THERE = "192.0.2.2";

    beforeAll(async () => {
      const db = await database.open();
      close = db.close;
      await migrate(db.sql, "accounts", accountMigrations);
      throttle = new SignInThrottle(db.sql);
    });
    afterAll(async () => close());

    it("counts claims per number and address, locks at the fifth, refuses while locked", async () => {
      const claims = [];
      for (let i = 0; i < 7; i++) claims.push(await throttle.claim("A-1", HERE, t0));
      expect(claims.slice(0, 5).map((c) => c.allowed && c.failures)).toEqual([1, 2, 3, 4, 5]);
      expect(claims[4]).toMatchObject({ allowed: true, lockedUntil: t0 + LOCK_MS });
      // Only the first refusal of the lock is to be audited.
      expect(claims[5]).toEqual({
        allowed: false,
        lockedUntil: t0 + LOCK_MS,
        scope: "address",
        audit: true,
      });
      expect(claims[6]).toMatchObject({ allowed: false, audit: false });
      // Another address is not locked.
      expect(await throttle.claim("A-1", THERE, t0)).toMatchObject({ allowed: true, failures: 1 });
      expect(await throttle.claim("A-1", HERE, t0 + LOCK_MS)).toMatchObject({
        allowed: true,
        failures: 6,
        lockedUntil: t0 + LOCK_MS + 2 * LOCK_MS,
      });
      // The next lock's first refusal is audited again.
      expect(await throttle.claim("A-1", HERE, t0 + LOCK_MS)).toMatchObject({ audit: true });
    });

    it("locks a number for everyone after many failures from anywhere, once, until unlocked", async () => {
      const addresses = Array.from({ length: ACCOUNT_FAILURES }, (_, i) => `198.51.100.${i}`);
      const locks = [];
      for (const [i, address] of addresses.entries()) {
        expect((await throttle.claim("B-1", address, t0 + i)).allowed).toBe(true);
        locks.push(await throttle.failed("B-1", t0 + i));
      }
      const at = t0 + ACCOUNT_FAILURES - 1;
      expect(locks.filter((l) => l !== null)).toEqual([at + ACCOUNT_LOCK_MS]);
      const refused = await throttle.claim("B-1", "203.0.113.9", at + 1);
      expect(refused).toEqual({
        allowed: false,
        lockedUntil: at + ACCOUNT_LOCK_MS,
        scope: "account",
        audit: true,
      });
      expect(await throttle.claim("B-1", "203.0.113.9", at + 2)).toMatchObject({ audit: false });
      expect(await throttle.unlock("B-1")).toBe(true);
      expect(await throttle.claim("B-1", "203.0.113.9", at + 3)).toMatchObject({ allowed: true });
    });

    it("counts failures from anywhere within a day only", async () => {
      for (let i = 0; i < ACCOUNT_FAILURES - 1; i++)
        expect(await throttle.failed("C-1", t0)).toBeNull();
      // A day later the count starts again.
      expect(await throttle.failed("C-1", t0 + ACCOUNT_WINDOW_MS)).toBeNull();
      expect((await throttle.claim("C-1", HERE, t0 + ACCOUNT_WINDOW_MS)).allowed).toBe(true);
    });

    it("forgets quiet numbers after a day, but never one still locked", async () => {
      const later0 = t0 + 100 * MAX_LOCK_MS;
      await throttle.claim("D-1", HERE, later0);
      for (let i = 0; i < 40; i++) await throttle.claim("E-1", HERE, later0 + i * MAX_LOCK_MS);
      // E-1's last failure (at 39 days) locked it for a day; D-1 has been quiet for 39 days.
      const later = later0 + 39 * MAX_LOCK_MS + FORGET_AFTER_MS - 1;
      expect(await throttle.prune(later)).toBeGreaterThanOrEqual(2);
      expect(await throttle.claim("D-1", HERE, later)).toMatchObject({
        allowed: true,
        failures: 1,
      });
      expect((await throttle.claim("E-1", HERE, later)).allowed).toBe(false);
    });
  });
}
