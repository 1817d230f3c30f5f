// Accounts for tests: password hashes at a cost low enough for tests that create and sign in
// many people (production uses PASSWORD_COST; see src/server/security/password.ts).
import { AccountStore } from "../../../src/server/accounts/store.ts";
import type { Sql } from "../../../src/server/db/sql.ts";
import { hashPassword, type ScryptCost } from "../../../src/server/security/password.ts";

export const TEST_COST: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };

export function testAccounts(sql: Sql): AccountStore {
  return new AccountStore(sql, { passwordCost: TEST_COST });
}

/** A password hash at the tests' cost. */
export const testHash = (password: string) => hashPassword(password, TEST_COST);
