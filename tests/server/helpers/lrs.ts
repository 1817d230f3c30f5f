// An LRS (with the platform API) on a real test database, for in-process HTTP tests.

import { createApp } from "../../../src/server/app.ts";
import { createLrs } from "../../../src/server/lrs/app.ts";
import { CredentialStore, type Scope } from "../../../src/server/lrs/credentials.ts";
import { DocumentStore } from "../../../src/server/lrs/document-store.ts";
import { basicAuthResolver } from "../../../src/server/lrs/principal.ts";
import { StatementStore } from "../../../src/server/lrs/statement-store.ts";
import { createPlatformApi } from "../../../src/server/platform/api.ts";
import { platformPolicy, sessionResolver } from "../../../src/server/platform/lrs-access.ts";
import { migrateAll } from "../../../src/server/platform/open.ts";
import { testAccounts, testHash } from "./accounts.ts";
import type { TestDatabase } from "./databases.ts";

export const ORIGIN = "https://adal.test";

export async function testLrs(
  database: TestDatabase,
  options: { limits?: Parameters<typeof createLrs>[0]["limits"] } = {},
) {
  const db = await database.open();
  await migrateAll({ sql: db.sql, describe: database.name, close: db.close });
  const clock = () => new Date();
  const accounts = testAccounts(db.sql);
  const credentials = new CredentialStore(db.sql);
  const statements = new StatementStore(db.sql);
  const lrs = createLrs({
    statements,
    documents: new DocumentStore(db.sql),
    principals: [basicAuthResolver(credentials, ORIGIN), sessionResolver(accounts, ORIGIN, clock)],
    policy: platformPolicy(accounts, ORIGIN),
    clock,
    limits: options.limits,
  });
  const app = createApp({ lrs, api: createPlatformApi({ accounts, clock, origin: ORIGIN }) });

  async function basic(scopes: Scope[], name = "tool"): Promise<string> {
    const { credential, secret } = await credentials.create(name, scopes, new Date());
    return `Basic ${Buffer.from(`${credential.key}:${secret}`).toString("base64")}`;
  }

  async function addPerson(
    number: string,
    role: "learner" | "officer" | "admin",
    unit = "U",
    officerOf: string[] = [],
  ) {
    if (!(await accounts.listUnits()).some((u) => u.code === unit))
      await accounts.addUnit({ code: unit, name: unit, parentCode: null });
    const [user] = await accounts.createUsers(
      [
        {
          personnelNumber: number,
          fullName: `Person ${number}`,
          unitCode: unit,
          role,
          email: null,
          passwordHash: await testHash("Password-123"),
          mustChangePassword: false,
        },
      ],
      new Date(),
    );
    if (officerOf.length > 0 && user) await accounts.assignOfficerUnits(user.id, officerOf);
    const response = await app.request("/api/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ personnelNumber: number, password: "Password-123" }),
    });
    return (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  }

  return { app, db, accounts, credentials, statements, basic, addPerson, close: db.close };
}

export function xapiHeaders(
  auth: string,
  extra: Record<string, string> = {},
  version = "1.0.3",
): Record<string, string> {
  return {
    Authorization: auth,
    "X-Experience-API-Version": version,
    "Content-Type": "application/json",
    ...extra,
  };
}

export function statement(overrides: Record<string, unknown> = {}) {
  return {
    actor: { objectType: "Agent", mbox: "mailto:erlan@police.kz", name: "Ерлан" },
    verb: { id: "http://adlnet.gov/expapi/verbs/experienced", display: { "en-US": "experienced" } },
    object: { objectType: "Activity", id: `${ORIGIN}/xapi/activities/lesson/2` },
    ...overrides,
  };
}
