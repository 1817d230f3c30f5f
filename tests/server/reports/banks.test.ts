// What the reports take from the banks and the blueprint: windows from the blueprint, item
// texts from both banks; a broken exam pool leaves the reports working, without exam texts.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseBlueprint } from "../../../src/server/exam/blueprint.ts";
import { loadReportBanks } from "../../../src/server/reports/banks.ts";

describe("report banks", () => {
  it("reads validity and due-soon days from the blueprint, and the texts of both banks", () => {
    const banks = loadReportBanks("quizzes");
    expect(banks).toMatchObject({ validityDays: 365, dueSoonDays: 30, problem: null });
    expect(banks.pool.length).toBeGreaterThan(50);
    expect([...banks.stems.keys()].some((id) => id.startsWith("p"))).toBe(true);
    expect([...banks.stems.keys()].some((id) => id.startsWith("x"))).toBe(true);
    expect(banks.sections).toHaveLength(11);
  });

  it("takes a blueprint's own windows", () => {
    const dir = mkdtempSync(join(tmpdir(), "adal-banks-"));
    const exam = join(dir, "exam");
    mkdirSync(exam);
    writeFileSync(join(exam, "blueprint.yaml"), "validityDays: 180\ndueSoonDays: 14\n");
    const banks = loadReportBanks(dir);
    expect(banks).toMatchObject({ validityDays: 180, dueSoonDays: 14, pool: [] });
  });

  it("keeps working, with defaults, when the exam pool cannot be read", () => {
    const banks = loadReportBanks(mkdtempSync(join(tmpdir(), "adal-banks-")));
    expect(banks).toMatchObject({ validityDays: 365, dueSoonDays: 30, pool: [] });
    expect(banks.problem).toMatch(/blueprint\.yaml/u);
  });

  it("refuses a due-soon window as long as the validity", () => {
    expect(() => parseBlueprint({ validityDays: 30, dueSoonDays: 30 })).toThrow(
      /dueSoonDays \(30\) must be less than validityDays/u,
    );
  });
});
