// Demo data for a first start: a department with two sub-units, an administrator, a training
// officer and 30 learners. Runs once (skipped when any unit exists).

import type { AccountStore } from "../accounts/store.ts";
import { hashPassword, randomToken } from "../security/password.ts";
import { demoName } from "./people.ts";

export const DEMO_UNITS = [
  { code: "ALM-DP", name: "Алматы қаласы Полиция департаменті", parentCode: null },
  { code: "ALM-DP-PATROL", name: "Патрульдік полиция басқармасы", parentCode: "ALM-DP" },
  { code: "ALM-DP-MIGR", name: "Көші-қон қызметі басқармасы", parentCode: "ALM-DP" },
] as const;

export const DEMO_ADMIN = "900001";
export const DEMO_OFFICER = "800001";
export const DEMO_LEARNERS = 30;

export interface SeedResult {
  seeded: boolean;
  /** Set only when the password was generated here: print it once, it is not stored. */
  generatedPassword: string | null;
}

export async function seedDemo(
  accounts: AccountStore,
  password: string | undefined,
  now: Date,
): Promise<SeedResult> {
  if ((await accounts.listUnits()).length > 0) return { seeded: false, generatedPassword: null };
  const secret = password && password.length > 0 ? password : randomToken(12);
  const hash = await hashPassword(secret, accounts.passwordCost);
  for (const unit of DEMO_UNITS) await accounts.addUnit(unit);
  const learners = Array.from({ length: DEMO_LEARNERS }, (_, i) => ({
    personnelNumber: String(100001 + i),
    fullName: demoName(i),
    unitCode: i % 2 === 0 ? "ALM-DP-PATROL" : "ALM-DP-MIGR",
    role: "learner" as const,
    email: null,
    passwordHash: hash,
    mustChangePassword: false,
  }));
  const staff = [
    {
      personnelNumber: DEMO_ADMIN,
      fullName: "Жүсіпов Бақытжан",
      unitCode: "ALM-DP",
      role: "admin" as const,
      email: null,
      passwordHash: hash,
      mustChangePassword: false,
    },
    {
      personnelNumber: DEMO_OFFICER,
      fullName: "Қалиева Сәуле",
      unitCode: "ALM-DP",
      role: "officer" as const,
      email: null,
      passwordHash: hash,
      mustChangePassword: false,
    },
  ];
  const created = await accounts.createUsers([...staff, ...learners], now);
  const officer = created.find((u) => u.personnelNumber === DEMO_OFFICER);
  if (officer) await accounts.assignOfficerUnits(officer.id, ["ALM-DP"]);
  await accounts.audit(
    { actorId: null, action: "demo.seeded", detail: `${created.length} people` },
    now,
  );
  return { seeded: true, generatedPassword: password ? null : secret };
}
