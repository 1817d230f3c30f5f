// The clause heatmap's arithmetic, shared by the dashboard and the exports: which answers count
// (practice, exam or both; first tries or all), the wrong-answer rate with a 95 % Wilson
// interval, suppression of rates with too few answers, a relative colour scale (quintiles of the
// rates shown, since real rates sit in a narrow band) and the clauses to focus on first.
import type { ClauseHeat, HeatCounts, SectionCounts } from "./types.ts";

/** Rates from fewer answers than this are not shown (too uncertain to act on). */
export const MIN_ANSWERS = 20;

export type HeatSource = "practice" | "exam" | "both";

export interface HeatValue {
  answers: number;
  wrong: number;
  learners: number;
  /** Wrong share, or null when there are fewer than MIN_ANSWERS answers. */
  rate: number | null;
  low: number;
  high: number;
}

/** 95 % Wilson score interval of a proportion (sound for small n and rates near 0 or 1). */
export function wilson(successes: number, n: number, z = 1.96): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

function counts(c: HeatCounts, first: boolean) {
  return first
    ? { answers: c.firstAnswers, wrong: c.firstWrong, learners: c.learners }
    : { answers: c.answers, wrong: c.wrong, learners: c.learners };
}

/** The answers of a clause that count for this view, and their rate. */
export function heatValue(heat: ClauseHeat, source: HeatSource, first: boolean): HeatValue {
  const parts =
    source === "both"
      ? [counts(heat.practice, first), counts(heat.exam, first)]
      : [counts(heat[source], first)];
  const answers = parts.reduce((s, p) => s + p.answers, 0);
  const wrong = parts.reduce((s, p) => s + p.wrong, 0);
  // Practice and exam learners overlap; the larger of the two is a floor on the people involved.
  const learners = Math.max(...parts.map((p) => p.learners));
  const { low, high } = wilson(wrong, answers);
  return {
    answers,
    wrong,
    learners,
    rate: answers >= MIN_ANSWERS ? wrong / answers : null,
    low,
    high,
  };
}

/** A unit's answers on a section that count for this view, and their rate (units compared). */
export function sectionValue(
  c: { practice: SectionCounts; exam: SectionCounts },
  source: HeatSource,
  first: boolean,
): { answers: number; wrong: number; rate: number | null } {
  const parts = source === "both" ? [c.practice, c.exam] : [c[source]];
  const answers = parts.reduce((s, p) => s + (first ? p.firstAnswers : p.answers), 0);
  const wrong = parts.reduce((s, p) => s + (first ? p.firstWrong : p.wrong), 0);
  return { answers, wrong, rate: answers >= MIN_ANSWERS ? wrong / answers : null };
}

/** Light to dark red; text colour per class keeps WCAG AA contrast (≥ 4.5:1, tested). */
export const HEAT_COLOURS = ["#fee5d9", "#fcae91", "#fb6a4a", "#cb181d", "#67000d"] as const;
export const HEAT_TEXT = ["#1b1f24", "#1b1f24", "#1b1f24", "#ffffff", "#ffffff"] as const;

/** Cut points between the five classes: quintiles of the rates shown (sorted, distinct ends). */
export function quantileBreaks(rates: readonly number[], classes = HEAT_COLOURS.length): number[] {
  const sorted = [...rates].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  return Array.from({ length: classes - 1 }, (_, i) => {
    const position = ((i + 1) / classes) * (sorted.length - 1);
    const lower = sorted[Math.floor(position)] ?? 0;
    const upper = sorted[Math.ceil(position)] ?? lower;
    return lower + (upper - lower) * (position - Math.floor(position));
  });
}

/** Class 0 (lightest) … 4 (darkest) of a rate. */
export function heatClass(rate: number, breaks: readonly number[]): number {
  let k = 0;
  while (k < breaks.length && rate > (breaks[k] ?? 1)) k++;
  return k;
}

/** The legend: each class's colours and the range of rates it covers. */
export function heatLegend(breaks: readonly number[], rates: readonly number[]) {
  const min = rates.length ? Math.min(...rates) : 0;
  const max = rates.length ? Math.max(...rates) : 0;
  return HEAT_COLOURS.map((colour, k) => ({
    colour,
    text: HEAT_TEXT[k] ?? "#1b1f24",
    from: k === 0 ? min : (breaks[k - 1] ?? min),
    to: k === breaks.length ? max : (breaks[k] ?? max),
  })).slice(0, breaks.length + 1);
}

/**
 * The clauses to focus on: rates with enough answers, ordered by the lower end of their 95 %
 * interval (a clause is only ranked high when it is wrong often and the evidence is strong).
 */
export function focusClauses(
  heats: readonly ClauseHeat[],
  source: HeatSource,
  first: boolean,
  n = 10,
): (HeatValue & { clause: string })[] {
  return heats
    .map((h) => ({ clause: h.clause, ...heatValue(h, source, first) }))
    .filter((v) => v.rate !== null)
    .sort((a, b) => b.low - a.low || (b.rate ?? 0) - (a.rate ?? 0))
    .slice(0, n);
}

/** Relative luminance contrast of two #rrggbb colours (WCAG 2). */
export function contrastRatio(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5]
      .map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}
