// The per-address sign-in limit: keyed by the TCP peer (X-Forwarded-For only from a configured
// proxy), counting failures only, so an office behind one address is not locked out by its
// own sign-ins and a client cannot pick a fresh bucket by sending a header.
import { beforeEach, describe, expect, it } from "vitest";
import { accountMigrations } from "../../../src/server/accounts/schema.ts";
import type { AccountStore } from "../../../src/server/accounts/store.ts";
import { migrate } from "../../../src/server/db/migrate.ts";
import { createPlatformApi } from "../../../src/server/platform/api.ts";
import { clientAddress } from "../../../src/server/platform/client-address.ts";
import { testAccounts, testHash } from "../helpers/accounts.ts";
import { sqliteDatabase } from "../helpers/databases.ts";

const password = "Bastapqy-Pass-1";
const people = Array.from({ length: 12 }, (_, i) => String(100001 + i));
let accounts: AccountStore;
let api: ReturnType<typeof createPlatformApi>;

beforeEach(async () => {
  const { sql } = await sqliteDatabase.open();
  await migrate(sql, "accounts", accountMigrations);
  accounts = testAccounts(sql);
  await accounts.addUnit({ code: "DP", name: "Департамент", parentCode: null });
  const hash = await testHash(password);
  await accounts.createUsers(
    people.map((n) => ({
      personnelNumber: n,
      fullName: `Қызметкер ${n}`,
      unitCode: "DP",
      role: "learner" as const,
      email: null,
      passwordHash: hash,
      mustChangePassword: false,
    })),
    new Date(),
  );
  api = createPlatformApi({
    accounts,
    clock: () => new Date(),
    origin: "https://adal.test",
    trustedProxies: ["10.0.0.2"],
    signInLimit: { attempts: 3, windowMs: 60_000 },
  });
});

/** A sign-in as it arrives over TCP from `peer` (what @hono/node-server passes as env). */
const signIn = (
  peer: string,
  number: string,
  secret: string,
  headers: Record<string, string> = {},
) =>
  api.request(
    "/session",
    {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ personnelNumber: number, password: secret }),
    },
    { incoming: { socket: { remoteAddress: peer } } },
  );

describe("the per-address sign-in limit", () => {
  it("limits failures from one address without touching other addresses", async () => {
    for (const number of people.slice(0, 3))
      expect((await signIn("192.0.2.7", number, "wrong-password")).status).toBe(401);
    const limited = await signIn("192.0.2.7", "100004", "wrong-password");
    expect(limited.status).toBe(429);
    expect((await limited.json()).error).toBe("rate-limited");
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/u);
    expect((await signIn("192.0.2.8", "100005", password)).status).toBe(200);
  });

  it("does not count successful sign-ins: a whole office behind one address gets in", async () => {
    for (const number of people)
      expect((await signIn("203.0.113.1", number, password)).status).toBe(200);
  });

  it("ignores X-Forwarded-For from anyone but the trusted proxy", async () => {
    for (let i = 0; i < 3; i++)
      await signIn("192.0.2.9", "100001", "wrong-password", {
        "x-forwarded-for": `198.51.100.${i}`,
      });
    const spoofed = await signIn("192.0.2.9", "100002", "wrong-password", {
      "x-forwarded-for": "198.51.100.99",
    });
    expect(spoofed.status).toBe(429);
  });

  it("tells clients behind the trusted proxy apart by X-Forwarded-For", async () => {
    for (let i = 0; i < 3; i++)
      await signIn("10.0.0.2", people[i] as string, "wrong-password", {
        "x-forwarded-for": "198.51.100.1",
      });
    const first = await signIn("10.0.0.2", "100004", "wrong-password", {
      "x-forwarded-for": "198.51.100.1",
    });
    expect(first.status).toBe(429);
    const other = await signIn("::ffff:10.0.0.2", "100005", password, {
      "x-forwarded-for": "198.51.100.1, 198.51.100.2",
    });
    expect(other.status).toBe(200);
  });
});

describe("clientAddress", () => {
  const context = (peer: string | null, xff?: string) =>
    ({
      env: peer ? { incoming: { socket: { remoteAddress: peer } } } : undefined,
      req: { header: (name: string) => (name === "x-forwarded-for" ? xff : undefined) },
    }) as unknown as Parameters<typeof clientAddress>[0];
  const trusted = new Set(["10.0.0.2", "10.0.0.3"]);

  it("reads the forwarded chain from the right, skipping trusted proxies", () => {
    expect(clientAddress(context("10.0.0.2", "1.2.3.4, 5.6.7.8, 10.0.0.3"), trusted)).toBe(
      "5.6.7.8",
    );
    expect(clientAddress(context("192.0.2.1", "1.2.3.4"), trusted)).toBe("192.0.2.1");
    expect(clientAddress(context("::ffff:192.0.2.1"), trusted)).toBe("192.0.2.1");
    expect(clientAddress(context(null), trusted)).toBeNull();
  });
});
