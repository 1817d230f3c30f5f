// Moodle's item statistics on small cases worked out by hand (and against a direct
// product-moment correlation), and the flags with their minimum number of responses.
import { describe, expect, it } from "vitest";
import { itemFlags, itemMoments, MIN_RESPONSES } from "../../../src/server/reports/items.ts";

function pearson(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b) / n;
  const my = y.reduce((a, b) => a + b) / n;
  const cov = x.reduce((s, xi, i) => s + (xi - mx) * ((y[i] ?? 0) - my), 0);
  const vx = x.reduce((s, xi) => s + (xi - mx) ** 2, 0);
  const vy = y.reduce((s, yi) => s + (yi - my) ** 2, 0);
  return cov / Math.sqrt(vx * vy);
}

describe("itemMoments", () => {
  it("gives facility, the correlation with the rest of the attempt and the efficiency", () => {
    const x = [1, 1, 0, 1, 0, 1, 1, 0];
    const y = [9, 7, 3, 8, 6, 4, 9, 2];
    const m = itemMoments(x.map((xi, i) => ({ x: xi, y: y[i] ?? 0, n: 1 })));
    expect(m.facility).toBe(5 / 8);
    expect(m.discrimination).toBeCloseTo(pearson(x, y), 12);
    // Cmax pairs the five ones with the five highest rest scores (9, 9, 8, 7, 6).
    const mx = 5 / 8;
    const my = y.reduce((a, b) => a + b) / 8;
    const cov = x.reduce((s, xi, i) => s + xi * (y[i] ?? 0), 0) - 8 * mx * my;
    const covMax = 9 + 9 + 8 + 7 + 6 - 8 * mx * my;
    expect(m.efficiency).toBeCloseTo(cov / covMax, 12);
  });

  it("counts weighted cells like repeated rows, and is undefined without variance", () => {
    const cells = [
      { x: 1, y: 3, n: 2 },
      { x: 0, y: 1, n: 2 },
    ];
    expect(itemMoments(cells).discrimination).toBeCloseTo(1, 12);
    expect(itemMoments([{ x: 1, y: 2, n: 5 }]).discrimination).toBeNull();
    expect(itemMoments([]).n).toBe(0);
  });
});

describe("itemFlags", () => {
  const item = { attempts: MIN_RESPONSES, facility: 0.5, discrimination: 0.4, efficiency: 0.5 };
  it("flags only items with enough responses", () => {
    expect(itemFlags({ ...item, facility: 0.95, attempts: MIN_RESPONSES - 1 })).toEqual([]);
    expect(itemFlags({ ...item, facility: 0.95 })).toEqual(["too-easy"]);
    expect(itemFlags({ ...item, facility: 0.2 })).toEqual(["too-hard"]);
    expect(itemFlags({ ...item, discrimination: -0.1, efficiency: -0.2 })).toEqual([
      "negative-discrimination",
      "low-efficiency",
    ]);
    expect(itemFlags({ ...item, discrimination: 0.1 })).toEqual(["weak-discrimination"]);
    expect(itemFlags(item)).toEqual([]);
  });
});
