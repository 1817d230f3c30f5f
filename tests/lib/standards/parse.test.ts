import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { allClauses, clauseAnchor, parseStandards } from "../../../src/lib/standards/parse.ts";

const source = readFileSync("content/standards/source.kk.txt", "utf8");
const sections = parseStandards(source);

describe("parseStandards on the official text", () => {
  it("finds the 11 sections in order", () => {
    expect(sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it("finds 78 numbered clauses plus the item-less sections 1 and 11", () => {
    const counts = sections.map((s) => s.clauses.length);
    expect(counts).toEqual([1, 22, 7, 6, 8, 4, 4, 7, 6, 14, 1]);
    expect(allClauses(sections).filter((c) => c.item !== null)).toHaveLength(78);
  });

  it("keeps clause text verbatim, including the source's own typo in 6.3", () => {
    const c63 = allClauses(sections).find((c) => c.id === "6.3");
    expect(c63?.text).toContain("бостанддығынан");
    const c210 = allClauses(sections).find((c) => c.id === "2.10");
    expect(source).toContain(`10) ${c210?.text}`);
  });

  it("uses the section text as the clause of item-less sections", () => {
    const [first] = sections;
    expect(first?.clauses[0]?.id).toBe("1");
    expect(first?.clauses[0]?.text).toBe(first?.lead);
  });

  it("rejects a line it cannot place instead of dropping it", () => {
    expect(() => parseStandards("1. Кіріспе\nбөгде жол")).toThrow(/line 2/u);
  });
});

describe("clauseAnchor", () => {
  it("maps clause ids to element ids", () => {
    expect(clauseAnchor("2.10")).toBe("clause-2-10");
    expect(clauseAnchor("11")).toBe("clause-11");
  });
});
