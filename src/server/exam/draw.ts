// Draws the items of one exam attempt from the pool: at least one item from each blueprint
// section, the rest spread over every section of the pool by clause count, then shuffled.
// Deterministic for a given seed, so a test can predict an attempt.
//
// How the rest is spread: each section's exact share (rest × its clause count ÷ all clause
// counts) is given in whole items, and the seats the fractions add up to go to sections with
// probability equal to their fraction (systematic sampling). Every section then gets its
// exact share on average and never more than one item off it; small sections (1 and 11, one
// clause each) appear in some attempts instead of never, as largest-remainder rounding would do.
import { shuffled as shuffle } from "../../lib/quiz/play.ts";
import type { Blueprint } from "./blueprint.ts";

export interface PoolItem {
  id: string;
  section: number;
}

export { seeded as seededRandom, shuffled as shuffle } from "../../lib/quiz/play.ts";

interface Share {
  s: number;
  rest: number;
}

/** Seats for fractional shares: by chance proportional to the fraction, or largest first. */
function remainderSeats(shares: Share[], seats: number, random?: () => number): number[] {
  if (seats <= 0 || shares.length === 0) return [];
  if (!random) {
    return [...shares]
      .sort((a, b) => b.rest - a.rest || a.s - b.s)
      .slice(0, seats)
      .map((x) => x.s);
  }
  const order = shuffle(shares, random);
  const u = random();
  const picked: number[] = [];
  let cumulative = 0;
  for (const share of order) {
    const before = cumulative;
    cumulative += share.rest;
    // Picked when a point u + j (j = 0, 1, …) falls in [before, cumulative): at most once,
    // since rest < 1, and with probability rest.
    if (Math.ceil(cumulative - u) > Math.ceil(before - u)) picked.push(share.s);
  }
  return picked.slice(0, seats);
}

/**
 * How many items each section gets: one for each blueprint section, the rest by clause-count
 * weight over all sections with supply, capped by supply. Without `random` the fractional
 * seats go to the largest fractions (used by tests and reports that need a fixed split).
 */
export function allot(
  blueprint: Pick<Blueprint, "items" | "sections">,
  clauseCounts: ReadonlyMap<number, number>,
  supply: ReadonlyMap<number, number>,
  random?: () => number,
): Map<number, number> {
  const missing = blueprint.sections.filter((s) => (supply.get(s) ?? 0) <= 0);
  if (missing.length > 0)
    throw new Error(`exam pool has no items for section(s) ${missing.join(", ")}`);
  const sections = [...supply.keys()].filter((s) => (supply.get(s) ?? 0) > 0).sort((a, b) => a - b);
  const total = sections.reduce((sum, s) => sum + (supply.get(s) ?? 0), 0);
  if (total < blueprint.items)
    throw new Error(`exam pool has ${total} items, the blueprint asks for ${blueprint.items}`);
  const required = new Set(blueprint.sections);
  const counts = new Map(sections.map((s) => [s, required.has(s) ? 1 : 0]));
  const count = (s: number) => counts.get(s) ?? 0;
  const room = (s: number) => (supply.get(s) ?? 0) - count(s);
  // A section's weight is its number of clauses; a section of one unnumbered clause weighs 1.
  const weightOf = (s: number) => Math.max(1, clauseCounts.get(s) ?? 1);
  let left = blueprint.items - required.size;
  while (left > 0) {
    const open = sections.filter((s) => room(s) > 0);
    const weight = open.reduce((sum, s) => sum + weightOf(s), 0);
    let given = 0;
    const fractions: Share[] = [];
    for (const s of open) {
      const exact = (left * weightOf(s)) / weight;
      const whole = Math.min(room(s), Math.floor(exact));
      counts.set(s, count(s) + whole);
      given += whole;
      if (room(s) > 0 && exact > Math.floor(exact))
        fractions.push({ s, rest: exact - Math.floor(exact) });
    }
    let seats = remainderSeats(fractions, left - given, random);
    // Rounding can leave the sampled seats one short; never let a round pass without progress.
    if (given === 0 && seats.length === 0) seats = remainderSeats(fractions, 1);
    for (const s of seats) {
      counts.set(s, count(s) + 1);
      given += 1;
    }
    // Capped sections leave seats over; the next round spreads them over the others.
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
  const counts = allot(blueprint, clauseCounts, supply, random);
  const chosen = [...counts].flatMap(([s, n]) =>
    shuffle(bySection.get(s) ?? [], random).slice(0, n),
  );
  return shuffle(chosen, random);
}
