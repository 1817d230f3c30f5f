import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AuthError,
  changePassword,
  FAILURES_BEFORE_LOCK,
  LOCK_MS,
  sessionUser,
  signIn,
  signOut,
} from "../../../src/server/accounts/auth.ts";
import { accountMigrations } from "../../../src/server/accounts/schema.ts";
import type { AccountStore } from "../../../src/server/accounts/store.ts";
import { SignInThrottle } from "../../../src/server/accounts/throttle.ts";
import { migrate } from "../../../src/server/db/migrate.ts";
import { testAccounts, testHash } from "../helpers/accounts.ts";
import { databases } from "../helpers/databases.ts";

for (const database of databases) {
  describe(`accounts on ${database.name}`, () => {
    let store: AccountStore;
    let close: () => Promise<void>;
    const t0 = new Date("2026-11-25T09:00:00Z");

    beforeAll(async () => {
      const db = await database.open();
      close = db.close;
      await migrate(db.sql, "accounts", accountMigrations);
      expect(await migrate(db.sql, "accounts", accountMigrations)).toBe(0);
      store = testAccounts(db.sql);
      await store.addUnit({ code: "DP", name: "Департамент", parentCode: null });
      await store.addUnit({ code: "DP-1", name: "1-бөлім", parentCode: "DP" });
      await store.addUnit({ code: "DP-1-A", name: "1-А топ", parentCode: "DP-1" });
      await store.addUnit({ code: "OTHER", name: "Басқа", parentCode: null });
      const hash = await testHash("Bastapqy-Pass-1");
      await store.createUsers(
        [
          {
            personnelNumber: "100001",
            fullName: "Ерлан Сейітов",
            unitCode: "DP-1",
            role: "learner",
            email: null,
            passwordHash: hash,
            mustChangePassword: true,
          },
          {
            personnelNumber: "100002",
            fullName: "Айгүл Нұрланқызы",
            unitCode: "DP",
            role: "officer",
            email: null,
            passwordHash: hash,
            mustChangePassword: false,
          },
        ],
        t0,
      );
    });
    afterAll(async () => close());

    it("signs in with the right password and resolves the session token", async () => {
      const { user, token } = await signIn(store, "100001", "Bastapqy-Pass-1", t0);
      expect(user.mustChangePassword).toBe(true);
      expect((await sessionUser(store, token, t0))?.personnelNumber).toBe("100001");
      expect(await sessionUser(store, `${token}x`, t0)).toBeNull();
      const later = new Date(t0.getTime() + 13 * 60 * 60_000);
      expect(await sessionUser(store, token, later)).toBeNull();
      await signOut(store, token, user, t0);
      expect(await sessionUser(store, token, t0)).toBeNull();
    });

    it("gives the same answer for an unknown number and a wrong password", async () => {
      const unknown = await signIn(store, "999999", "whatever-1234", t0).catch((e: AuthError) => e);
      const wrong = await signIn(store, "100002", "whatever-1234", t0).catch((e: AuthError) => e);
      expect(unknown).toBeInstanceOf(AuthError);
      expect([(unknown as AuthError).status, (unknown as AuthError).message]).toEqual([
        (wrong as AuthError).status,
        (wrong as AuthError).message,
      ]);
    });

    it("locks the account after repeated failures, then lets it in after the lock", async () => {
      const now = new Date("2026-11-25T10:00:00Z");
      await new SignInThrottle(store.sql).unlock("100002");
      for (let i = 0; i < FAILURES_BEFORE_LOCK; i++) {
        await expect(signIn(store, "100002", "wrong-password-x", now)).rejects.toMatchObject({
          status: 401,
        });
      }
      await expect(signIn(store, "100002", "Bastapqy-Pass-1", now)).rejects.toMatchObject({
        status: 429,
        code: "locked",
      });
      const after = new Date(now.getTime() + LOCK_MS + 1000);
      await expect(signIn(store, "100002", "Bastapqy-Pass-1", after)).resolves.toMatchObject({
        user: { personnelNumber: "100002" },
      });
      const actions = (await store.auditLog(50)).map((e) => e.action);
      expect(actions).toContain("sign-in.lockout");
      expect(actions).toContain("sign-in.locked");
    });

    it("locks after five of 40 parallel wrong passwords: only five are ever checked", async () => {
      const now = new Date("2026-11-25T11:00:00Z");
      await new SignInThrottle(store.sql).unlock("100002");
      const tries = await Promise.all(
        Array.from({ length: 40 }, () =>
          signIn(store, "100002", "wrong-password-x", now).catch((e: AuthError) => e),
        ),
      );
      const codes = tries.map((e) => (e as AuthError).code);
      expect(codes.filter((c) => c === "invalid")).toHaveLength(FAILURES_BEFORE_LOCK);
      expect(codes.filter((c) => c === "locked")).toHaveLength(40 - FAILURES_BEFORE_LOCK);
      // The right password is refused too while the lock holds.
      await expect(signIn(store, "100002", "Bastapqy-Pass-1", now)).rejects.toMatchObject({
        code: "locked",
      });
      await expect(
        signIn(store, "100002", "Bastapqy-Pass-1", new Date(now.getTime() + LOCK_MS)),
      ).resolves.toBeDefined();
    });

    it("locks for longer with every further failure", async () => {
      let now = new Date("2026-11-25T12:00:00Z").getTime();
      await new SignInThrottle(store.sql).unlock("100002");
      for (let i = 0; i < FAILURES_BEFORE_LOCK; i++)
        await signIn(store, "100002", "wrong-password-x", new Date(now)).catch(() => null);
      const waits: number[] = [];
      for (let round = 0; round < 3; round++) {
        const locked = await signIn(store, "100002", "x-wrong-again", new Date(now)).catch(
          (e: AuthError) => e,
        );
        expect((locked as AuthError).code).toBe("locked");
        const until = Date.parse(/after (\S+)\.$/u.exec((locked as AuthError).message)?.[1] ?? "");
        waits.push(until - now);
        now = until;
        // The first try after a lock is checked; failing it locks again, for twice as long.
        await expect(signIn(store, "100002", "x-wrong-again", new Date(now))).rejects.toMatchObject(
          {
            code: "invalid",
          },
        );
      }
      expect(waits).toEqual([LOCK_MS, 2 * LOCK_MS, 4 * LOCK_MS]);
      await expect(
        signIn(store, "100002", "Bastapqy-Pass-1", new Date(now + 8 * LOCK_MS)),
      ).resolves.toBeDefined();
    });

    it("answers an unknown personnel number exactly like a known one, lock included", async () => {
      const now = new Date("2026-11-25T13:00:00Z");
      await new SignInThrottle(store.sql).unlock("100002");
      const answers = async (number: string) => {
        const seen: string[] = [];
        for (let i = 0; i < FAILURES_BEFORE_LOCK + 2; i++) {
          const e = (await signIn(store, number, "wrong-password-x", now).catch(
            (x: AuthError) => x,
          )) as AuthError;
          seen.push(`${e.status} ${e.code} ${e.message.replace(/after \S+/u, "after T")}`);
        }
        return seen;
      };
      const known = await answers("100002");
      const unknown = await answers("555555");
      expect(unknown).toEqual(known);
      expect(known.at(-1)).toMatch(/^429 locked/u);
    });

    it("changes the password only with the current one and a strong new one", async () => {
      const user = await store.userByNumber("100001");
      if (!user) throw new Error("missing user");
      await expect(
        changePassword(store, user, "nope", "Jana-Qupiya-Soz-7", t0),
      ).rejects.toMatchObject({ status: 403 });
      await expect(
        changePassword(store, user, "Bastapqy-Pass-1", "short", t0),
      ).rejects.toMatchObject({ status: 400 });
      await expect(
        changePassword(store, user, "Bastapqy-Pass-1", "my100001password", t0),
      ).rejects.toMatchObject({ status: 400 });
      const here = await signIn(store, "100001", "Bastapqy-Pass-1", t0);
      const elsewhere = await signIn(store, "100001", "Bastapqy-Pass-1", t0);
      await changePassword(store, user, "Bastapqy-Pass-1", "Jana-Qupiya-Soz-7", t0, here.token);
      const updated = await store.userByNumber("100001");
      expect(updated?.mustChangePassword).toBe(false);
      // The session that changed the password stays; every other one of the person ends.
      expect((await sessionUser(store, here.token, t0))?.personnelNumber).toBe("100001");
      expect(await sessionUser(store, elsewhere.token, t0)).toBeNull();
      await expect(signIn(store, "100001", "Jana-Qupiya-Soz-7", t0)).resolves.toBeDefined();
    });

    it("expands an officer's units to their sub-units", async () => {
      expect(await store.unitTree(["DP"])).toEqual(["DP", "DP-1", "DP-1-A"]);
      expect(await store.unitTree(["DP-1"])).toEqual(["DP-1", "DP-1-A"]);
    });

    it("imports all users or none", async () => {
      const hash = await testHash("x-1234567890");
      const batch = [
        {
          personnelNumber: "200001",
          fullName: "Дәурен Ахметов",
          unitCode: "DP-1",
          role: "learner" as const,
          email: null,
          passwordHash: hash,
          mustChangePassword: true,
        },
        {
          personnelNumber: "200002",
          fullName: "Жоқ бөлім",
          unitCode: "NOPE",
          role: "learner" as const,
          email: null,
          passwordHash: hash,
          mustChangePassword: true,
        },
      ];
      await expect(store.createUsers(batch, t0)).rejects.toThrow();
      expect(await store.userByNumber("200001")).toBeNull();
    });
  });
}
