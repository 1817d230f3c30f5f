import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { unlockSignIn } from "../accounts/auth.ts";
import { assignOfficerUnit, RoleError, setRole, unassignOfficerUnit } from "../accounts/roles.ts";
import {
  emailProblem,
  fullNameProblem,
  parseRoster,
  personnelNumberProblem,
  ROLES,
  type Role,
} from "../accounts/roster.ts";
import { loadPracticeCatalogue } from "../banks/practice.ts";
import { generateHistory, loadDemoBanks } from "../demo/generate.ts";
import { seedDemo } from "../demo/seed.ts";
import { examBankResponses } from "../exam/bank-responses.ts";
import { StatementStore } from "../lrs/statement-store.ts";
import { projectionHook } from "../reports/store.ts";
import { hashPassword, randomToken } from "../security/password.ts";
import { type CliContext, UsageError } from "./context.ts";

export async function unitsCommand(ctx: CliContext, args: string[]): Promise<void> {
  const [action, ...rest] = args;
  if (action === "add") {
    const { values } = parseArgs({
      args: rest,
      options: { code: { type: "string" }, name: { type: "string" }, parent: { type: "string" } },
    });
    if (!values.code || !values.name)
      throw new UsageError('adal units add --code CODE --name "Name" [--parent CODE]');
    await ctx.accounts.addUnit({
      code: values.code,
      name: values.name,
      parentCode: values.parent ?? null,
    });
    ctx.out(`Added unit ${values.code}.`);
    return;
  }
  if (action === "list") {
    for (const u of await ctx.accounts.listUnits())
      ctx.out(`${u.code}\t${u.name}${u.parentCode ? `\t(in ${u.parentCode})` : ""}`);
    return;
  }
  if (action === "assign-officer" || action === "unassign-officer") {
    const [number, unit] = rest;
    if (!number || !unit || rest.length !== 2)
      throw new UsageError(`adal units ${action} PERSONNEL_NUMBER UNIT`);
    const now = new Date();
    const by = { actorId: null, via: "cli" } as const;
    if (action === "assign-officer") {
      const { added } = await cli(assignOfficerUnit(ctx.accounts, number, unit, by, now));
      ctx.out(
        added
          ? `${number} now supervises ${unit} and its sub-units.`
          : `${number} already supervises ${unit}.`,
      );
    } else {
      await cli(unassignOfficerUnit(ctx.accounts, number, unit, by, now));
      ctx.out(`${number} no longer supervises ${unit}.`);
    }
    return;
  }
  throw new UsageError("adal units add|list|assign-officer|unassign-officer");
}

/** Role changes answer with HttpErrors (shared with the API); the CLI shows their message. */
async function cli<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof RoleError) throw new Error(error.message);
    throw error;
  }
}

export async function usersCommand(ctx: CliContext, args: string[]): Promise<void> {
  const [action, ...rest] = args;
  const now = new Date();
  if (action === "import") {
    const file = rest[0];
    if (!file) throw new UsageError("adal users import roster.csv");
    const units = new Set((await ctx.accounts.listUnits()).map((u) => u.code));
    const { entries, errors } = parseRoster(readFileSync(file, "utf8"), units);
    for (const e of entries) {
      if (await ctx.accounts.userByNumber(e.personnelNumber))
        errors.push(`line ${e.line}: personnel number ${e.personnelNumber} already has an account`);
    }
    if (errors.length > 0)
      throw new Error(`Nothing was imported; fix these lines:\n${errors.join("\n")}`);
    const passwords = entries.map(() => randomToken(9));
    const hashes = await Promise.all(
      passwords.map((p) => hashPassword(p, ctx.accounts.passwordCost)),
    );
    await ctx.accounts.createUsers(
      entries.map((e, i) => ({
        ...e,
        unitCode: e.unit,
        passwordHash: hashes[i] ?? "",
        mustChangePassword: true,
      })),
      now,
    );
    await ctx.accounts.audit(
      {
        actorId: null,
        action: "users.imported",
        detail: `${entries.length} people from ${file} (cli)`,
      },
      now,
    );
    ctx.out("personnel_number,full_name,temporary_password");
    for (const [i, e] of entries.entries()) {
      ctx.out(`${e.personnelNumber},${e.fullName},${passwords[i]}`);
    }
    ctx.out(
      `Imported ${entries.length} people; each must change the temporary password at first sign-in.`,
    );
    return;
  }
  if (action === "add") {
    const { values } = parseArgs({
      args: rest,
      options: {
        number: { type: "string" },
        name: { type: "string" },
        unit: { type: "string" },
        role: { type: "string", default: "learner" },
        email: { type: "string" },
        officer: { type: "string" },
      },
    });
    if (!values.number || !values.name || !values.unit)
      throw new UsageError(
        'adal users add --number N --name "Full Name" --unit CODE [--role learner|officer|admin] [--email E] [--officer UNIT,…]',
      );
    const fullName = values.name.trim().replace(/\s+/gu, " ");
    const officerUnits = (values.officer ?? "")
      .split(",")
      .map((u) => u.trim())
      .filter(Boolean);
    // Everything is checked before anything is written, with one message per problem.
    const problems = [
      personnelNumberProblem(values.number),
      fullNameProblem(fullName),
      emailProblem(values.email ?? ""),
      (ROLES as readonly string[]).includes(values.role)
        ? null
        : `role "${values.role}" must be one of ${ROLES.join(", ")}`,
      (await ctx.accounts.unitExists(values.unit))
        ? null
        : `unit "${values.unit}" does not exist (create it first with \`adal units add\`)`,
      officerUnits.length > 0 && values.role !== "officer"
        ? "--officer is for training officers: add --role officer"
        : null,
      ...(await Promise.all(
        officerUnits.map(async (u) =>
          (await ctx.accounts.unitExists(u)) ? null : `--officer unit "${u}" does not exist`,
        ),
      )),
      (await ctx.accounts.userByNumber(values.number))
        ? `personnel number ${values.number} already has an account`
        : null,
    ].filter((p): p is string => p !== null);
    if (problems.length > 0) throw new Error(`Nobody was added:\n  ${problems.join("\n  ")}`);
    const password = randomToken(9);
    await ctx.accounts.createUsers(
      [
        {
          personnelNumber: values.number,
          fullName,
          unitCode: values.unit,
          role: values.role as Role,
          email: values.email ?? null,
          passwordHash: await hashPassword(password, ctx.accounts.passwordCost),
          mustChangePassword: true,
          officerUnits,
        },
      ],
      now,
    );
    await ctx.accounts.audit(
      {
        actorId: null,
        action: "user.added",
        subject: values.number,
        detail: `role ${values.role}${officerUnits.length ? `, supervises ${officerUnits.join(", ")}` : ""} (cli)`,
      },
      now,
    );
    ctx.out(`Added ${values.number}; temporary password: ${password}`);
    return;
  }
  if (action === "set-role") {
    const [number, role] = rest;
    if (!number || !role || rest.length !== 2)
      throw new UsageError(`adal users set-role PERSONNEL_NUMBER ${ROLES.join("|")}`);
    const { from, unitsRemoved } = await cli(
      setRole(ctx.accounts, number, role, { actorId: null, via: "cli" }, now),
    );
    ctx.out(
      `${number}: ${from} → ${role}${unitsRemoved.length ? ` (no longer supervises ${unitsRemoved.join(", ")})` : ""}.`,
    );
    return;
  }
  if (action === "reset-password") {
    const number = rest[0];
    const user = number ? await ctx.accounts.userByNumber(number) : null;
    if (!user) throw new UsageError("adal users reset-password PERSONNEL_NUMBER (an existing one)");
    const password = randomToken(9);
    await ctx.accounts.setPassword(
      user.id,
      await hashPassword(password, ctx.accounts.passwordCost),
      true,
      now,
    );
    await ctx.accounts.deleteSessionsOf(user.id);
    await ctx.accounts.audit(
      { actorId: null, action: "password.reset", subject: user.personnelNumber, detail: "cli" },
      now,
    );
    ctx.out(`New temporary password for ${number}: ${password}`);
    return;
  }
  if (action === "unlock") {
    const number = rest[0];
    const user = number ? await ctx.accounts.userByNumber(number) : null;
    if (!user || rest.length !== 1)
      throw new UsageError("adal users unlock PERSONNEL_NUMBER (an existing one)");
    const lifted = await unlockSignIn(
      ctx.accounts,
      user.personnelNumber,
      { actorId: null, via: "cli" },
      now,
    );
    ctx.out(
      lifted
        ? `${user.personnelNumber} may sign in again: failed sign-ins and locks cleared.`
        : `${user.personnelNumber} was not locked.`,
    );
    return;
  }
  if (action === "list") {
    for (const u of await ctx.accounts.allUsers())
      ctx.out(`${u.personnelNumber}\t${u.fullName}\t${u.unitCode}\t${u.role}`);
    return;
  }
  throw new UsageError("adal users import|add|set-role|reset-password|unlock|list");
}

export async function demoCommand(ctx: CliContext, args: string[]): Promise<void> {
  if (args[0] === "generate") {
    const { values } = parseArgs({
      args: args.slice(1),
      options: {
        learners: { type: "string", default: "100" },
        months: { type: "string", default: "12" },
        seed: { type: "string", default: "42" },
      },
    });
    const learners = Number(values.learners);
    const months = Number(values.months);
    if (!Number.isInteger(learners) || learners < 1 || !Number.isInteger(months) || months < 1) {
      throw new UsageError("adal demo generate --learners N --months M (positive whole numbers)");
    }
    if ((await ctx.accounts.listUnits()).length === 0)
      await seedDemo(ctx.accounts, ctx.config.ADAL_DEMO_PASSWORD, new Date());
    const started = Date.now();
    const result = await generateHistory(
      ctx.accounts,
      new StatementStore(
        ctx.db.sql,
        projectionHook(ctx.config.origin, {
          bankResponses: examBankResponses,
          practice: loadPracticeCatalogue(ctx.config.ADAL_PRACTICE_DIR).items,
        }),
      ),
      {
        learners,
        months,
        origin: ctx.config.origin,
        now: new Date(),
        seed: Number(values.seed),
        banks: loadDemoBanks(ctx.config.ADAL_QUIZ_DIR),
        onProgress: (n) => {
          if (n % 50_000 === 0) ctx.out(`  ${n} statements…`);
        },
      },
    );
    // After a bulk load PostgreSQL's statistics are stale until autovacuum catches up, and
    // stale statistics turn millisecond queries into full scans; refresh them now.
    if (ctx.db.sql.dialect === "postgres") await ctx.db.sql.run("ANALYZE");
    ctx.out(
      `Generated ${result.learners} learners and ${result.statements} statements in ${Math.round((Date.now() - started) / 1000)} s.`,
    );
    return;
  }
  if (args[0] === "seed") {
    const result = await seedDemo(ctx.accounts, ctx.config.ADAL_DEMO_PASSWORD, new Date());
    ctx.out(result.seeded ? "Demo data created." : "Demo data already present; nothing changed.");
    if (result.generatedPassword)
      ctx.out(`Demo password (shown once): ${result.generatedPassword}`);
    return;
  }
  throw new UsageError("adal demo seed | adal demo generate --learners N --months M");
}
