// Sessions end when they should: a new sign-in in the same browser ends the session that
// browser still held (a shared PC never keeps the previous person signed in behind the new
// one), and a session ends after ADAL_SESSION_IDLE_MINUTES without a request as well as 12
// hours after sign-in however busy, on /api and on /xapi alike (a clock the test moves).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SESSION_TTL_MS } from "../../../src/server/accounts/auth.ts";
import { AccountStore } from "../../../src/server/accounts/store.ts";
import { createApp } from "../../../src/server/app.ts";
import { createLrs } from "../../../src/server/lrs/app.ts";
import { DocumentStore } from "../../../src/server/lrs/document-store.ts";
import { StatementStore } from "../../../src/server/lrs/statement-store.ts";
import { createPlatformApi } from "../../../src/server/platform/api.ts";
import { platformPolicy, sessionResolver } from "../../../src/server/platform/lrs-access.ts";
import { migrateAll } from "../../../src/server/platform/open.ts";
import { TEST_COST, testHash } from "../helpers/accounts.ts";
import { databases } from "../helpers/databases.ts";

const ORIGIN = "https://adal.test";
const PASSWORD = "Bastapqy-Pass-1";
const IDLE = 2 * 60 * 60_000;
const MINUTE = 60_000;

for (const database of databases) {
  describe(`sessions on ${database.name}`, () => {
    let accounts: AccountStore;
    let app: ReturnType<typeof createApp>;
    let close: () => Promise<void>;
    const clock = { now: Date.UTC(2026, 10, 25, 9, 0) };

    beforeEach(async () => {
      const db = await database.open();
      close = db.close;
      await migrateAll({ sql: db.sql, describe: database.name, close: db.close });
      accounts = new AccountStore(db.sql, { passwordCost: TEST_COST, sessionIdleMs: IDLE });
      await accounts.addUnit({ code: "DP", name: "Департамент", parentCode: null });
      const hash = await testHash(PASSWORD);
      await accounts.createUsers(
        ["100001", "100002"].map((n) => ({
          personnelNumber: n,
          fullName: `Қызметкер ${n}`,
          unitCode: "DP",
          role: "learner" as const,
          email: null,
          passwordHash: hash,
          mustChangePassword: false,
        })),
        new Date(clock.now),
      );
      const time = () => new Date(clock.now);
      app = createApp({
        api: createPlatformApi({ accounts, clock: time, origin: ORIGIN }),
        lrs: createLrs({
          statements: new StatementStore(db.sql),
          documents: new DocumentStore(db.sql),
          principals: [sessionResolver(accounts, ORIGIN, time)],
          policy: platformPolicy(accounts, ORIGIN),
          clock: time,
        }),
      });
    });
    afterEach(async () => close());

    const signIn = async (number: string, cookie = "") => {
      const response = await app.request("/api/session", {
        method: "POST",
        headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
        body: JSON.stringify({ personnelNumber: number, password: PASSWORD }),
      });
      expect(response.status).toBe(200);
      return (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    };
    const me = async (cookie: string) =>
      (await app.request("/api/me", { headers: { cookie } })).status;
    const xapi = async (cookie: string) =>
      (
        await app.request("/xapi/statements?limit=1", {
          headers: { cookie, "X-Experience-API-Version": "1.0.3" },
        })
      ).status;

    it("ends the browser's previous session when someone signs in again in it", async () => {
      const first = await signIn("100001");
      const second = await signIn("100002", first);
      expect(await me(first)).toBe(401);
      expect(await xapi(first)).toBe(401);
      expect(await me(second)).toBe(200);
      // The same person signing in again gets a new session; the old one ends.
      const third = await signIn("100002", second);
      expect(await me(second)).toBe(401);
      expect(await me(third)).toBe(200);
      // Another browser's session of the same person is not touched.
      const elsewhere = await signIn("100002");
      await signIn("100002", third);
      expect(await me(elsewhere)).toBe(200);
    });

    it("ends a session after the idle timeout, and requests keep it alive", async () => {
      const cookie = await signIn("100001");
      clock.now += IDLE - MINUTE;
      expect(await me(cookie)).toBe(200);
      clock.now += IDLE - MINUTE;
      expect(await xapi(cookie)).toBe(200); // the LRS counts as activity too
      clock.now += IDLE - MINUTE;
      expect(await me(cookie)).toBe(200);
      clock.now += IDLE + MINUTE;
      expect(await me(cookie)).toBe(401);
      expect(await xapi(cookie)).toBe(401);
    });

    it("ends a busy session 12 hours after sign-in", async () => {
      const cookie = await signIn("100001");
      const start = clock.now;
      while (clock.now + 30 * MINUTE < start + SESSION_TTL_MS) {
        clock.now += 30 * MINUTE;
        expect(await me(cookie)).toBe(200);
      }
      clock.now = start + SESSION_TTL_MS;
      expect(await me(cookie)).toBe(401);
    });
  });
}
