// Wrong Basic secrets are limited (Communication 3.2.s3.b13: 429), so that scrypt, which every
// check of a wrong secret for an existing key costs, cannot be used to burn the server's CPU.
// Both databases (credentials are stored there).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLrs } from "../../../src/server/lrs/app.ts";
import { CredentialStore } from "../../../src/server/lrs/credentials.ts";
import { DocumentStore } from "../../../src/server/lrs/document-store.ts";
import { basicAuthResolver } from "../../../src/server/lrs/principal.ts";
import { SecretCheckLimiter } from "../../../src/server/lrs/secret-limit.ts";
import { StatementStore } from "../../../src/server/lrs/statement-store.ts";
import { databases } from "../helpers/databases.ts";
import { ORIGIN, testLrs } from "../helpers/lrs.ts";

for (const database of databases) {
  describe(`wrong Basic secrets on ${database.name}`, () => {
    let lrs: Awaited<ReturnType<typeof testLrs>>;
    beforeAll(async () => {
      lrs = await testLrs(database);
    });
    afterAll(async () => lrs.close());

    it("Communication 3.2.s3.b13/4.0: past the limit per key and address (and per key) a secret is not checked: 429 with Retry-After; a known good secret still works", async () => {
      let now = Date.parse("2026-03-01T08:00:00Z");
      const credentials = new CredentialStore(lrs.db.sql);
      const app = createLrs({
        statements: new StatementStore(lrs.db.sql),
        documents: new DocumentStore(lrs.db.sql),
        principals: [
          basicAuthResolver(
            credentials,
            ORIGIN,
            new SecretCheckLimiter({ perKeyAndAddress: 3, perKey: 5, windowMs: 60_000 }),
          ),
        ],
        clock: () => new Date(now),
        addressOf: (c) => c.req.header("x-test-address") ?? null,
      });
      const { credential, secret } = await credentials.create("tool", ["all"], new Date());
      const call = (password: string, address: string) =>
        app.request("/xapi/statements?limit=1", {
          headers: {
            Authorization: `Basic ${Buffer.from(`${credential.key}:${password}`).toString("base64")}`,
            "X-Experience-API-Version": "1.0.3",
            "x-test-address": address,
          },
        });
      expect((await call(secret, "10.0.0.1")).status).toBe(200);
      for (let i = 0; i < 3; i++) expect((await call("wrong", "10.0.0.9")).status).toBe(401);
      const limited = await call("wrong", "10.0.0.9");
      expect(limited.status).toBe(429);
      expect(limited.headers.get("retry-after")).toBe("60");
      expect((await limited.json()).message).toMatch(/Too many wrong secrets/u);
      // Even the right secret is not checked from there now, unless it is already known good.
      expect((await call(secret, "10.0.0.1")).status).toBe(200);
      // Another address has its own allowance, until the key's own limit.
      expect((await call("wrong", "10.0.0.8")).status).toBe(401);
      expect((await call("wrong", "10.0.0.8")).status).toBe(401);
      expect((await call("wrong", "10.0.0.7")).status).toBe(429);
      now += 30_000;
      expect((await call("wrong", "10.0.0.7")).headers.get("retry-after")).toBe("30");
      now += 30_000;
      expect((await call("wrong", "10.0.0.9")).status).toBe(401);
    });
  });
}
