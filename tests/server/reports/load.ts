// The fixture's people (units U and X) on a fresh database with the reports' tables.
import { accountMigrations } from "../../../src/server/accounts/schema.ts";
import { migrate } from "../../../src/server/db/migrate.ts";
import { reportMigrations } from "../../../src/server/reports/schema.ts";
import { testAccounts } from "../helpers/accounts.ts";
import type { TestDatabase } from "../helpers/databases.ts";
import { NOW } from "./fixture.ts";

export async function load(database: TestDatabase) {
  const db = await database.open();
  await migrate(db.sql, "accounts", accountMigrations);
  await migrate(db.sql, "reports", reportMigrations);
  const accounts = testAccounts(db.sql);
  await accounts.addUnit({ code: "U", name: "Unit U", parentCode: null });
  await accounts.addUnit({ code: "X", name: "Unit X", parentCode: null });
  await accounts.createUsers(
    ["L1", "L2", "L3", "L4", "L5", "OFF"].map((n) => ({
      personnelNumber: n,
      fullName: `Person ${n}`,
      unitCode: n === "L5" ? "X" : "U",
      role: n === "OFF" ? ("officer" as const) : ("learner" as const),
      email: n === "L2" ? "l2@police.kz" : null,
      passwordHash: "x",
      mustChangePassword: false,
    })),
    NOW,
  );
  return db;
}
