// Draws the items of one exam attempt from the pool: at least one item per blueprint section,
// the rest allotted by each section's clause count (largest remainder), then shuffled, each
// item's options shuffled too. Deterministic for a given seed, so an attempt can be rebuilt.
import { shuffled as shuffle } from "../../lib/quiz/play.ts";
import type { Blueprint } from "./blueprint.ts";

export interface PoolItem {
  id: string;
  section: number;
}

export { seeded as seededRandom, shuffled as shuffle } from "../../lib/quiz/play.ts";

/** How many items each section gets: one each, the rest by clause-count weight, capped by supply. */
export function allot(
  blueprint: Pick<Blueprint, "items" | "sections">,
  clauseCounts: ReadonlyMap<number, number>,
  supply: ReadonlyMap<number, number>,
): Map<number, number> {
  const sections = blueprint.sections.filter((s) => (supply.get(s) ?? 0) > 0);
  const missing = blueprint.sections.filter((s) => !sections.includes(s));
  if (missing.length > 0)
    throw new Error(`exam pool has no items for section(s) ${missing.join(", ")}`);
  const total = sections.reduce((sum, s) => sum + (supply.get(s) ?? 0), 0);
  if (total < blueprint.items)
    throw new Error(`exam pool has ${total} items, the blueprint asks for ${blueprint.items}`);
  const counts = new Map(sections.map((s) => [s, 1]));
  let left = blueprint.items - sections.length;
  while (left > 0) {
    const open = sections.filter((s) => (counts.get(s) ?? 0) < (supply.get(s) ?? 0));
    const weight = open.reduce((sum, s) => sum + (clauseCounts.get(s) ?? 1), 0);
    const shares = open.map((s) => {
      const exact = (left * (clauseCounts.get(s) ?? 1)) / weight;
      const room = (supply.get(s) ?? 0) - (counts.get(s) ?? 0);
      return { s, whole: Math.min(room, Math.floor(exact)), rest: exact - Math.floor(exact), room };
    });
    let given = 0;
    for (const share of shares) {
      counts.set(share.s, (counts.get(share.s) ?? 0) + share.whole);
      given += share.whole;
    }
    // Largest remainders take the seats the whole parts left, one each, while there is room.
    for (const share of shares.sort((a, b) => b.rest - a.rest || a.s - b.s)) {
      if (given >= left) break;
      if ((counts.get(share.s) ?? 0) < (supply.get(share.s) ?? 0)) {
        counts.set(share.s, (counts.get(share.s) ?? 0) + 1);
        given += 1;
      }
    }
    left -= given;
  }
  return counts;
}

/** Picks the attempt's items: per-section counts from `allot`, random within a section, shuffled. */
export function drawItems<T extends PoolItem>(
  pool: readonly T[],
  blueprint: Pick<Blueprint, "items" | "sections">,
  clauseCounts: ReadonlyMap<number, number>,
  random: () => number,
): T[] {
  const bySection = new Map<number, T[]>();
  for (const item of pool)
    bySection.set(item.section, [...(bySection.get(item.section) ?? []), item]);
  const supply = new Map([...bySection].map(([s, items]) => [s, items.length]));
  const counts = allot(blueprint, clauseCounts, supply);
  const chosen = [...counts].flatMap(([s, n]) =>
    shuffle(bySection.get(s) ?? [], random).slice(0, n),
  );
  return shuffle(chosen, random);
}
