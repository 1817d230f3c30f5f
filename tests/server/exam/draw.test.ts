import { describe, expect, it } from "vitest";
import { parseBlueprint } from "../../../src/server/exam/blueprint.ts";
import { allot, drawItems, seededRandom, shuffle } from "../../../src/server/exam/draw.ts";

// Clause counts of sections 2–10 of the standards.
const clauses = new Map([
  [2, 22],
  [3, 7],
  [4, 6],
  [5, 8],
  [6, 4],
  [7, 4],
  [8, 7],
  [9, 6],
  [10, 14],
]);
const plenty = new Map([...clauses.keys()].map((s) => [s, 30]));

describe("parseBlueprint", () => {
  it("fills the defaults of the issue", () => {
    expect(parseBlueprint({})).toEqual({
      items: 20,
      sections: [2, 3, 4, 5, 6, 7, 8, 9, 10],
      timeLimitMinutes: 30,
      passMark: 0.8,
      cooldownHours: 24,
      validityDays: 365,
      dueSoonDays: 30,
    });
  });

  it("names every wrong field", () => {
    expect(() => parseBlueprint({ items: 0, passMark: 80, extra: 1 })).toThrow(
      /blueprint\.yaml: .*items.*passMark|blueprint\.yaml: .*extra/u,
    );
    expect(() => parseBlueprint({ items: 5 })).toThrow(/at least the number of sections/u);
  });
});

describe("allot", () => {
  it("gives every section one item and the rest by clause count, summing to the total", () => {
    const counts = allot({ items: 20, sections: [...clauses.keys()] }, clauses, plenty);
    expect([...counts.values()].reduce((a, b) => a + b)).toBe(20);
    for (const n of counts.values()) expect(n).toBeGreaterThanOrEqual(1);
    // Section 2 has the most clauses, so it gets the most items; 6 and 7 the fewest.
    expect(counts.get(2)).toBe(Math.max(...counts.values()));
    expect(counts.get(2)).toBeGreaterThan(counts.get(10) ?? 0);
    expect(counts.get(10)).toBeGreaterThan(counts.get(6) ?? 0);
  });

  it("respects a small supply and moves the seats elsewhere", () => {
    const supply = new Map(plenty);
    supply.set(2, 2);
    const counts = allot({ items: 20, sections: [...clauses.keys()] }, clauses, supply);
    expect(counts.get(2)).toBe(2);
    expect([...counts.values()].reduce((a, b) => a + b)).toBe(20);
  });

  it("refuses a pool that cannot satisfy the blueprint", () => {
    const supply = new Map(plenty);
    supply.delete(7);
    expect(() => allot({ items: 20, sections: [...clauses.keys()] }, clauses, supply)).toThrow(
      /section\(s\) 7/u,
    );
    const tiny = new Map([...clauses.keys()].map((s) => [s, 1]));
    expect(() => allot({ items: 20, sections: [...clauses.keys()] }, clauses, tiny)).toThrow(
      /has 9 items/u,
    );
  });
});

describe("drawItems", () => {
  const pool = [...clauses.keys()].flatMap((s) =>
    Array.from({ length: 8 }, (_, i) => ({ id: `x${s}-${i}`, section: s })),
  );

  it("draws distinct items covering every section, reproducibly per seed", () => {
    const a = drawItems(
      pool,
      { items: 20, sections: [...clauses.keys()] },
      clauses,
      seededRandom(42),
    );
    const b = drawItems(
      pool,
      { items: 20, sections: [...clauses.keys()] },
      clauses,
      seededRandom(42),
    );
    const c = drawItems(
      pool,
      { items: 20, sections: [...clauses.keys()] },
      clauses,
      seededRandom(43),
    );
    expect(a).toHaveLength(20);
    expect(new Set(a.map((i) => i.id)).size).toBe(20);
    expect(new Set(a.map((i) => i.section)).size).toBe(9);
    expect(b.map((i) => i.id)).toEqual(a.map((i) => i.id));
    expect(c.map((i) => i.id)).not.toEqual(a.map((i) => i.id));
  });

  it("shuffles without losing or duplicating anything", () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = shuffle(items, seededRandom(1));
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((x, y) => x - y)).toEqual(items);
  });
});
