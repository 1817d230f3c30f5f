// Practice answers count only on items of the server's practice banks, with the banks' clauses:
// what a learner's statement says about the clauses (or an item no bank has) changes nothing.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPracticeCatalogue } from "../../../src/server/banks/practice.ts";
import { projectStatement } from "../../../src/server/reports/projection.ts";
import { ago, ORIGIN, statement } from "./fixture.ts";

const real = loadPracticeCatalogue("quizzes/practice");

const answer = (item: string, clauses: string[]) =>
  statement("P", "answered", `quiz-item/${item}`, ago(1), {
    result: { success: false, response: "a" },
    context: { extensions: { "https://adal.kz/xapi/extensions/clauses": clauses } },
  });

describe("practice catalogue", () => {
  it("reads every practice item of the real banks with its section and clauses", () => {
    expect(real.problems).toEqual([]);
    const ids = [...real.items.keys()];
    expect(ids.length).toBeGreaterThan(50);
    expect(ids.every((id) => id.startsWith("p"))).toBe(true);
    // Each item is filed under its section and cites at least one clause of it (and maybe
    // clauses of other sections its key relies on).
    for (const item of real.items.values())
      expect(item.clauses.some((c) => c.split(".")[0] === String(item.section))).toBe(true);
    expect(
      [...real.items.values()].filter((i) => i.clauses.includes("2.10")).length,
    ).toBeGreaterThan(0);
  });

  it("says what is missing instead of throwing", () => {
    const empty = loadPracticeCatalogue(mkdtempSync(join(tmpdir(), "adal-practice-")));
    expect(empty.items.size).toBe(0);
    expect(empty.problems[0]).toMatch(/has no practice banks/u);
    expect(loadPracticeCatalogue("/nonexistent/practice").problems[0]).toMatch(/ENOENT/u);
  });
});

describe("projection of practice answers", () => {
  const practice = new Map([["p02-gift", { section: 2, clauses: ["2.13"], stem: "Stem" }]]);

  it("takes the clauses and section from the bank, not from the statement", () => {
    const row = projectStatement(answer("p02-gift", ["9.1", "10.2"]), ORIGIN, practice);
    expect(row).toMatchObject({ kind: "quiz-item", itemId: "p02-gift", section: 2 });
    expect(row?.clauses).toEqual(["2.13"]);
    expect(projectStatement(answer("p02-gift", []), ORIGIN, practice)?.clauses).toEqual(["2.13"]);
  });

  it("leaves out answers on items that no bank has", () => {
    for (const item of ["p02-invented", "p02-e2e-1", "x02-i1"])
      expect(projectStatement(answer(item, ["2.13"]), ORIGIN, practice), item).toBeNull();
  });
});
