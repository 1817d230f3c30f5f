// Failed sign-ins lock a personnel number only from the address they come from, so nobody can
// keep someone else out with a few wrong passwords; very many failures from anywhere lock the
// number for everyone until a day passes or an administrator unlocks it. Refusals under a lock
// are audited once per lock, and wrong current passwords on a password change count too.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { accountMigrations } from "../../../src/server/accounts/schema.ts";
import type { AccountStore } from "../../../src/server/accounts/store.ts";
import {
  ACCOUNT_FAILURES,
  FAILURES_BEFORE_LOCK,
  LOCK_MS,
} from "../../../src/server/accounts/throttle.ts";
import { migrate } from "../../../src/server/db/migrate.ts";
import { createPlatformApi } from "../../../src/server/platform/api.ts";
import { testAccounts, testHash } from "../helpers/accounts.ts";
import { databases } from "../helpers/databases.ts";

const PASSWORD = "Bastapqy-Pass-1";
const HOME = "203.0.113.5";
const ATTACKER = "192.0.2.66";

for (const database of databases) {
  describe(`sign-in locks on ${database.name}`, () => {
    let accounts: AccountStore;
    let api: ReturnType<typeof createPlatformApi>;
    let close: () => Promise<void>;
    const clock = { now: Date.UTC(2026, 10, 25, 9, 0) };

    beforeEach(async () => {
      const db = await database.open();
      close = db.close;
      await migrate(db.sql, "accounts", accountMigrations);
      accounts = testAccounts(db.sql);
      await accounts.addUnit({ code: "DP", name: "Департамент", parentCode: null });
      const hash = await testHash(PASSWORD);
      await accounts.createUsers(
        [
          ["100001", "learner"],
          ["900001", "admin"],
        ].map(([n, role]) => ({
          personnelNumber: n as string,
          fullName: `Қызметкер ${n}`,
          unitCode: "DP",
          role: role as "learner" | "admin",
          email: null,
          passwordHash: hash,
          mustChangePassword: false,
        })),
        new Date(clock.now),
      );
      api = createPlatformApi({
        accounts,
        clock: () => new Date(clock.now),
        origin: "https://adal.test",
        signInLimit: { attempts: 1000, windowMs: 60_000 },
      });
    });
    afterEach(async () => close());

    /** A request as it arrives over TCP from `peer`. */
    const from = (peer: string, path: string, init: RequestInit) =>
      api.request(path, init, { incoming: { socket: { remoteAddress: peer } } });
    const signIn = (peer: string, number: string, password: string) =>
      from(peer, "/session", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ personnelNumber: number, password }),
      });
    const cookieOf = (response: Response) =>
      (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const actions = async (action: string) =>
      (await accounts.auditLog(1000)).filter((e) => e.action === action);

    it("does not let someone else's wrong passwords keep a person out", async () => {
      for (let i = 0; i < FAILURES_BEFORE_LOCK; i++)
        expect((await signIn(ATTACKER, "100001", "wrong-password-x")).status).toBe(401);
      expect((await signIn(ATTACKER, "100001", PASSWORD)).status).toBe(429);
      expect((await signIn(HOME, "100001", PASSWORD)).status).toBe(200);
      // Nor the administrator's.
      for (let i = 0; i < FAILURES_BEFORE_LOCK; i++)
        await signIn(ATTACKER, "900001", "nope-nope-1");
      expect((await signIn(HOME, "900001", PASSWORD)).status).toBe(200);
    });

    it("audits the refusals under a lock once per lock", async () => {
      for (let i = 0; i < FAILURES_BEFORE_LOCK; i++) await signIn(ATTACKER, "100001", "wrong-1234");
      for (let i = 0; i < 20; i++)
        expect((await signIn(ATTACKER, "100001", "wrong-1234")).status).toBe(429);
      expect(await actions("sign-in.locked")).toHaveLength(1);
      expect(await actions("sign-in.lockout")).toHaveLength(1);
      clock.now += LOCK_MS;
      expect((await signIn(ATTACKER, "100001", "wrong-1234")).status).toBe(401); // locks again
      for (let i = 0; i < 5; i++) await signIn(ATTACKER, "100001", "wrong-1234");
      expect(await actions("sign-in.locked")).toHaveLength(2);
    });

    it(`locks a number for everyone after ${ACCOUNT_FAILURES} failures from anywhere; an admin unlocks it`, async () => {
      const admin = cookieOf(await signIn(HOME, "900001", PASSWORD));
      for (let i = 0; i < ACCOUNT_FAILURES / FAILURES_BEFORE_LOCK; i++)
        for (let k = 0; k < FAILURES_BEFORE_LOCK; k++)
          expect((await signIn(`198.51.100.${i}`, "100001", "wrong-5678")).status).toBe(401);
      const locked = await signIn(HOME, "100001", PASSWORD);
      expect(locked.status).toBe(429);
      expect((await locked.json()).error).toBe("locked");
      for (let i = 0; i < 10; i++) await signIn(`192.0.2.${i}`, "100001", PASSWORD);
      expect(await actions("sign-in.account-locked")).toHaveLength(1);
      expect(await actions("sign-in.locked")).toHaveLength(1);

      const unlock = (cookie: string, number: string) =>
        from(HOME, `/users/${number}/unlock`, { method: "POST", headers: { cookie } });
      const unlocked = await unlock(admin, "100001");
      expect(await unlocked.json()).toEqual({ personnelNumber: "100001", unlocked: true });
      const [entry] = await actions("sign-in.unlocked");
      expect(entry).toMatchObject({ subject: "100001" });
      const person = await signIn(HOME, "100001", PASSWORD);
      expect(person.status).toBe(200);
      expect((await unlock(cookieOf(person), "900001")).status).toBe(403);
      expect((await unlock(admin, "555555")).status).toBe(404);
    });

    it("counts wrong current passwords of a password change as failed sign-ins", async () => {
      const cookie = cookieOf(await signIn(HOME, "100001", PASSWORD));
      const change = (current: string) =>
        from(HOME, "/password", {
          method: "POST",
          headers: { cookie, "content-type": "application/json" },
          body: JSON.stringify({ current, next: "Jana-Qupiya-Soz-7" }),
        });
      for (let i = 0; i < FAILURES_BEFORE_LOCK; i++)
        expect((await change(`guess-number-${i}`)).status).toBe(403);
      // Locked now, the right current password included, and signing in from here too.
      expect((await change(PASSWORD)).status).toBe(429);
      expect((await signIn(HOME, "100001", PASSWORD)).status).toBe(429);
      expect(await actions("password.failed")).toHaveLength(FAILURES_BEFORE_LOCK - 1);
      expect(await actions("password.lockout")).toHaveLength(1);
      clock.now += LOCK_MS;
      expect((await change(PASSWORD)).status).toBe(204);
    });
  });
}
