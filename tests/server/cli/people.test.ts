// The `adal users` and `adal units` commands on a real database: validation before anything is
// written, role and officer-unit changes, and the audit log of each.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { FAILURES_BEFORE_LOCK, SignInThrottle } from "../../../src/server/accounts/throttle.ts";
import type { CliContext } from "../../../src/server/cli/context.ts";
import { UsageError } from "../../../src/server/cli/context.ts";
import { unitsCommand, usersCommand } from "../../../src/server/cli/people.ts";
import { readConfig } from "../../../src/server/config.ts";
import { CredentialStore } from "../../../src/server/lrs/credentials.ts";
import { migrateAll } from "../../../src/server/platform/open.ts";
import { testAccounts } from "../helpers/accounts.ts";
import { sqliteDatabase } from "../helpers/databases.ts";

let ctx: CliContext;
let lines: string[];

beforeEach(async () => {
  const db = await sqliteDatabase.open();
  const database = { sql: db.sql, describe: "test", close: db.close };
  await migrateAll(database);
  lines = [];
  ctx = {
    config: readConfig({}),
    db: database,
    accounts: testAccounts(db.sql),
    credentials: new CredentialStore(db.sql),
    out: (line) => lines.push(line),
  };
  await unitsCommand(ctx, ["add", "--code", "DP", "--name", "Департамент"]);
  await unitsCommand(ctx, ["add", "--code", "DP-1", "--name", "1-бөлім", "--parent", "DP"]);
});

const actions = async () => (await ctx.accounts.auditLog(100)).map((e) => e.action);

describe("adal users add", () => {
  it("adds a person, an officer with units in the same step, and audits it", async () => {
    await usersCommand(ctx, [
      "add",
      "--number",
      "100001",
      "--name",
      "Ерлан Сейітов",
      "--unit",
      "DP",
    ]);
    await usersCommand(ctx, [
      "add",
      ...["--number", "800001", "--name", "Айгүл Нұрланқызы", "--unit", "DP"],
      ...["--role", "officer", "--officer", "DP-1"],
    ]);
    const officer = await ctx.accounts.userByNumber("800001");
    expect(await ctx.accounts.officerUnits(officer?.id ?? "")).toEqual(["DP-1"]);
    expect(lines.at(-1)).toMatch(/^Added 800001; temporary password: \S{12}$/u);
    const log = await ctx.accounts.auditLog(10);
    expect(
      log
        .filter((e) => e.action === "user.added")
        .map((e) => e.subject)
        .sort(),
    ).toEqual(["100001", "800001"]);
  });

  it("refuses an unknown --officer unit before creating anything, with a clear message", async () => {
    const add = usersCommand(ctx, [
      "add",
      ...["--number", "800002", "--name", "Дәурен Ахметов", "--unit", "DP"],
      ...["--role", "officer", "--officer", "BAD"],
    ]);
    await expect(add).rejects.toThrow(/--officer unit "BAD" does not exist/u);
    await expect(add).rejects.not.toThrow(/FOREIGN KEY/u);
    expect(await ctx.accounts.userByNumber("800002")).toBeNull();
  });

  it("validates the personnel number, name, unit and role like the roster import does", async () => {
    const add = usersCommand(ctx, [
      "add",
      ...["--number", "1 2", "--name", "Ли", "--unit", "NOPE", "--role", "chief"],
    ]);
    await expect(add).rejects.toThrow(
      /personnel number "1 2" must be 3–20 letters, digits or dashes/u,
    );
    await expect(add).rejects.toThrow(/full name "Ли" is too short/u);
    await expect(add).rejects.toThrow(/unit "NOPE" does not exist/u);
    await expect(add).rejects.toThrow(/role "chief" must be one of/u);
    expect(await ctx.accounts.allUsers()).toEqual([]);
    await usersCommand(ctx, [
      "add",
      "--number",
      "100001",
      "--name",
      "Ерлан Сейітов",
      "--unit",
      "DP",
    ]);
    await expect(
      usersCommand(ctx, ["add", "--number", "100001", "--name", "Басқа Адам", "--unit", "DP"]),
    ).rejects.toThrow(/100001 already has an account/u);
    await expect(
      usersCommand(ctx, [
        "add",
        "--number",
        "100003",
        "--name",
        "Басқа Адам",
        "--unit",
        "DP",
        "--officer",
        "DP",
      ]),
    ).rejects.toThrow(/--officer is for training officers/u);
  });
});

describe("adal users import", () => {
  it("imports all lines and writes the import to the audit log", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "adal-roster-")), "roster.csv");
    writeFileSync(
      file,
      "personnel_number,full_name,unit,role\n100010,Мақсат Ержанов,DP-1,learner\n100011,Әсел Қанатқызы,DP,learner\n",
    );
    await usersCommand(ctx, ["import", file]);
    expect((await ctx.accounts.allUsers()).length).toBe(2);
    const entry = (await ctx.accounts.auditLog(10)).find((e) => e.action === "users.imported");
    expect(entry?.detail).toMatch(/^2 people from .*roster\.csv \(cli\)$/u);
  });
});

describe("adal users set-role and adal units assign-officer / unassign-officer", () => {
  beforeEach(async () => {
    await usersCommand(ctx, [
      "add",
      "--number",
      "100001",
      "--name",
      "Ерлан Сейітов",
      "--unit",
      "DP",
    ]);
  });

  it("changes the role and the officer's units, each change audited", async () => {
    await usersCommand(ctx, ["set-role", "100001", "officer"]);
    expect(lines.at(-1)).toBe("100001: learner → officer.");
    await unitsCommand(ctx, ["assign-officer", "100001", "DP-1"]);
    const user = await ctx.accounts.userByNumber("100001");
    expect(await ctx.accounts.officerUnits(user?.id ?? "")).toEqual(["DP-1"]);
    await unitsCommand(ctx, ["unassign-officer", "100001", "DP-1"]);
    expect(await ctx.accounts.officerUnits(user?.id ?? "")).toEqual([]);
    await unitsCommand(ctx, ["assign-officer", "100001", "DP"]);
    await usersCommand(ctx, ["set-role", "100001", "learner"]);
    expect(lines.at(-1)).toBe("100001: officer → learner (no longer supervises DP).");
    expect(await actions()).toEqual(
      expect.arrayContaining(["role.changed", "officer-unit.assigned", "officer-unit.removed"]),
    );
    const log = await ctx.accounts.auditLog(100);
    expect(log.filter((e) => e.action === "role.changed").map((e) => e.detail)).toEqual(
      expect.arrayContaining([
        "learner → officer (cli)",
        "officer → learner; units removed: DP (cli)",
      ]),
    );
  });

  it("explains what is wrong", async () => {
    await expect(usersCommand(ctx, ["set-role", "100001", "chief"])).rejects.toThrow(
      /must be one of learner, officer, admin/u,
    );
    await expect(usersCommand(ctx, ["set-role", "999999", "officer"])).rejects.toThrow(
      /No person has the personnel number 999999/u,
    );
    await expect(unitsCommand(ctx, ["assign-officer", "100001", "DP"])).rejects.toThrow(
      /not a training officer; set the role to officer first/u,
    );
    await usersCommand(ctx, ["set-role", "100001", "officer"]);
    await expect(unitsCommand(ctx, ["assign-officer", "100001", "BAD"])).rejects.toThrow(
      /Unit BAD does not exist/u,
    );
    await expect(unitsCommand(ctx, ["unassign-officer", "100001", "DP"])).rejects.toThrow(
      /does not supervise unit DP/u,
    );
    await expect(usersCommand(ctx, ["set-role", "100001"])).rejects.toBeInstanceOf(UsageError);
  });
});

describe("adal users unlock", () => {
  it("lifts the sign-in locks of a number, and audits it", async () => {
    await usersCommand(ctx, [
      "add",
      "--number",
      "100001",
      "--name",
      "Ерлан Сейітов",
      "--unit",
      "DP",
    ]);
    const throttle = new SignInThrottle(ctx.db.sql);
    const now = Date.now();
    for (let i = 0; i < FAILURES_BEFORE_LOCK + 1; i++)
      await throttle.claim("100001", "192.0.2.1", now);
    expect((await throttle.claim("100001", "192.0.2.1", now)).allowed).toBe(false);
    await usersCommand(ctx, ["unlock", "100001"]);
    expect(lines.at(-1)).toBe("100001 may sign in again: failed sign-ins and locks cleared.");
    expect((await throttle.claim("100001", "192.0.2.1", now)).allowed).toBe(true);
    const [entry] = (await ctx.accounts.auditLog(10)).filter(
      (e) => e.action === "sign-in.unlocked",
    );
    expect(entry).toMatchObject({ actorId: null, subject: "100001" });
    expect(entry?.detail).toMatch(/cli/u);
    await expect(usersCommand(ctx, ["unlock", "555555"])).rejects.toBeInstanceOf(UsageError);
  });
});
