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
      graceSeconds: 30,
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

describe("allot over a pool with banks for every section", () => {
  // Sections 1 and 11 are one unnumbered clause each; the blueprint does not require them.
  const all = new Map([[1, 1], ...clauses, [11, 1]]);
  const supply = new Map([...all.keys()].map((s) => [s, 10]));
  const blueprint = { items: 20, sections: [...clauses.keys()] };

  it("keeps one item from each of 2–10 in every draw and the total exact", () => {
    const random = seededRandom(5);
    for (let i = 0; i < 500; i++) {
      const counts = allot(blueprint, all, supply, random);
      expect([...counts.values()].reduce((a, b) => a + b)).toBe(20);
      for (const s of blueprint.sections) expect(counts.get(s)).toBeGreaterThanOrEqual(1);
    }
  });

  it("gives every section its clause-weighted share on average, never more than one off it", () => {
    const rest = 20 - 9;
    const total = [...all.values()].reduce((a, b) => a + b);
    const random = seededRandom(11);
    const sums = new Map<number, number>();
    const runs = 4000;
    for (let i = 0; i < runs; i++) {
      for (const [s, n] of allot(blueprint, all, supply, random)) {
        const quota = (blueprint.sections.includes(s) ? 1 : 0) + (rest * (all.get(s) ?? 0)) / total;
        expect(Math.abs(n - quota)).toBeLessThan(1);
        sums.set(s, (sums.get(s) ?? 0) + n);
      }
    }
    for (const [s, weight] of all) {
      const quota = (blueprint.sections.includes(s) ? 1 : 0) + (rest * weight) / total;
      expect((sums.get(s) ?? 0) / runs, `section ${s}`).toBeCloseTo(quota, 1);
    }
    // Sections 1 and 11 take part: about one attempt in seven has an item from each.
    expect((sums.get(1) ?? 0) / runs).toBeGreaterThan(0.1);
  });

  it("without a random source gives the fractional seats to the largest fractions", () => {
    const counts = allot(blueprint, all, supply);
    expect(counts.get(1)).toBe(0);
    expect(counts.get(11)).toBe(0);
    expect(counts.get(2)).toBe(4);
  });

  it("weighs a section with no numbered clauses as one clause", () => {
    // Once section 2 is used up, only a zero-clause section is left to fill the seats.
    const zero = new Map([
      [1, 0],
      [2, 22],
    ]);
    const small = new Map([
      [1, 5],
      [2, 5],
    ]);
    const counts = allot({ items: 10, sections: [2] }, zero, small, seededRandom(3));
    expect(Object.fromEntries(counts)).toEqual({ 1: 5, 2: 5 });
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
