// Item analysis of the exam pool, computed as Moodle's quiz statistics compute it
// (question/classes/statistics/questions/calculator.php; docs "Quiz statistics calculations"):
//
//   facility F = mean item score (0/1 here) — shown as a percentage;
//   discrimination D = r(x, X), the product-moment correlation of the item score x with the
//     score on the rest of the attempt X — shown, as Moodle does, ×100 as a percentage;
//   discriminative efficiency DE = C(x, X) / Cmax(x, X), where Cmax is the covariance of x and X
//     each sorted independently (the largest covariance their distributions allow) — %.
//
// By default only each learner's first attempt of a certification cycle counts (Moodle's
// default: later attempts build on the earlier ones and break the assumptions of item
// analysis); `attempts = "all"` counts every attempt as if by a different person. Item texts
// and answer keys are included for administrators only: officers sit the exam themselves.
// SQL does the set work (one GROUP BY along an index); what comes back is a histogram per item
// of (x, X, response), a few thousand rows whatever the history's size.
import type { ItemFlag, ItemOption, ItemReport, ItemStatistics } from "../../lib/reports/types.ts";
import type { Sql } from "../db/sql.ts";
import type { ExamPoolItem } from "../exam/attempt.ts";
import { OPTION_IDS } from "../exam/pool.ts";
import { type ReportFilter, rowScope } from "./scope.ts";

export const FACILITY_EASY = 0.9;
export const FACILITY_HARD = 0.3;
export const DISCRIMINATION_WEAK = 0.2;
/** Moodle marks a question whose discriminative efficiency is under 15 % as dubious. */
export const EFFICIENCY_LOW = 0.15;
/** Fewer responses than this say too little about an item to flag it. */
export const MIN_RESPONSES = 10;

interface Cell {
  x: number;
  y: number;
  response: string;
  n: number;
}

/** Facility, D and DE from (x, rest-of-attempt score, count) cells; null where undefined. */
export function itemMoments(cells: readonly { x: number; y: number; n: number }[]) {
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxy = 0;
  let syy = 0;
  const ys = new Map<number, number>();
  for (const c of cells) {
    n += c.n;
    sx += c.x * c.n;
    sy += c.y * c.n;
    sxy += c.x * c.y * c.n;
    syy += c.y * c.y * c.n;
    ys.set(c.y, (ys.get(c.y) ?? 0) + c.n);
  }
  if (n === 0) return { n, facility: 0, discrimination: null, efficiency: null };
  const mx = sx / n;
  const my = sy / n;
  const cov = sxy - n * mx * my;
  const varX = sx - n * mx * mx; // x is 0/1, so Σx² = Σx
  const varY = syy - n * my * my;
  // Sorted pairing: the n·F ones of x meet the n·F highest rest scores.
  let ones = sx;
  let top = 0;
  for (const [y, count] of [...ys].sort((a, b) => b[0] - a[0])) {
    if (ones <= 0) break;
    const take = Math.min(ones, count);
    top += y * take;
    ones -= take;
  }
  const covMax = top - n * mx * my;
  const eps = 1e-9;
  return {
    n,
    facility: mx,
    discrimination: varX > eps && varY > eps ? cov / Math.sqrt(varX * varY) : null,
    efficiency: covMax > eps ? cov / covMax : null,
  };
}

export function itemFlags(
  s: Pick<ItemStatistics, "attempts" | "facility" | "discrimination" | "efficiency">,
): ItemFlag[] {
  if (s.attempts < MIN_RESPONSES) return [];
  const flags: ItemFlag[] = [];
  if (s.facility > FACILITY_EASY) flags.push("too-easy");
  if (s.facility < FACILITY_HARD) flags.push("too-hard");
  if (s.discrimination !== null && s.discrimination < 0) flags.push("negative-discrimination");
  else if (s.discrimination !== null && s.discrimination < DISCRIMINATION_WEAK)
    flags.push("weak-discrimination");
  if (s.efficiency !== null && s.efficiency < EFFICIENCY_LOW) flags.push("low-efficiency");
  return flags;
}

/**
 * How the responses spread over an item's options, in the bank's order, labelled A, B, C… by
 * position; with `keys` (administrators only), each option's text and whether it is right.
 * Responses are bank option ids joined by `[,]`; an empty response is "no response".
 */
export function optionDistribution(
  cells: readonly { response: string; n: number }[],
  bankOptions: readonly { id: string; text: string; correct: boolean }[] | undefined,
  keys: boolean,
): { options: ItemOption[]; noResponse: number } {
  const chosen = new Map<string, number>();
  let noResponse = 0;
  for (const c of cells) {
    const ids = c.response.split("[,]").filter(Boolean);
    if (ids.length === 0) noResponse += c.n;
    for (const id of new Set(ids)) chosen.set(id, (chosen.get(id) ?? 0) + c.n);
  }
  const listed = (bankOptions ?? []).map((o, i) => ({
    label: OPTION_IDS[i]?.toUpperCase() ?? o.id.toUpperCase(),
    id: o.id,
    text: o.text as string | null,
    correct: o.correct,
  }));
  // Ids the bank does not (or no longer) list: after the bank's options, in id order.
  const unknown = [...chosen.keys()].filter((id) => !listed.some((o) => o.id === id)).sort();
  for (const id of unknown)
    listed.push({ label: id.toUpperCase(), id, text: null, correct: false });
  return {
    options: listed.map((o) => ({
      label: o.label,
      count: chosen.get(o.id) ?? 0,
      ...(keys ? { text: o.text, correct: o.correct } : {}),
    })),
    noResponse,
  };
}

export async function itemAnalysis(
  sql: Sql,
  f: ReportFilter,
  options: {
    attempts?: "first" | "all";
    pool?: readonly ExamPoolItem[];
    /** Item texts and answer keys: for administrators only (officers sit the exam too). */
    keys?: boolean;
  } = {},
): Promise<ItemReport> {
  const keys = options.keys ?? false;
  const attempts = options.attempts ?? "first";
  const s = await rowScope(sql, f, "events");
  const first = attempts === "first" ? " AND e.attempt = 1" : "";
  // Each answer carries its attempt's score on the other items (`rest`, see store.ts), and the
  // index is ordered by item, score and rest: this groups as it scans, with no window or sort.
  const rows = await sql.all<{
    item_id: string;
    x: number | null;
    y: number;
    response: string | null;
    n: number;
  }>(
    `SELECT e.item_id, e.success AS x, e.rest AS y, e.response, COUNT(*) AS n
     FROM learning_events e
     WHERE e.kind = 'exam-item' AND e.verb = 'answered' AND e.rest IS NOT NULL${first} AND ${s.where}
     GROUP BY e.item_id, e.success, e.rest, e.response`,
    s.params,
  );
  const counted = await sql.get<{ n: number }>(
    `SELECT COUNT(*) AS n FROM learning_events e
     WHERE e.kind = 'exam' AND e.verb IN ('passed', 'failed')${first} AND ${s.where}`,
    s.params,
  );
  const pool = new Map((options.pool ?? []).map((i) => [i.id, i]));
  const cells = new Map<string, { section: number; cells: Cell[] }>();
  for (const r of rows) {
    // Item ids carry their section: x05-… is section 5.
    const entry = cells.get(r.item_id) ?? { section: Number(r.item_id.slice(1, 3)), cells: [] };
    entry.cells.push({
      x: Number(r.x ?? 0),
      y: Number(r.y),
      response: r.response ?? "",
      n: Number(r.n),
    });
    cells.set(r.item_id, entry);
  }
  const items = [...cells]
    .map(([itemId, { section, cells: itemCells }]): ItemStatistics => {
      const m = itemMoments(itemCells);
      const known = pool.get(itemId);
      const { options: listed, noResponse } = optionDistribution(itemCells, known?.options, keys);
      const stats = {
        itemId,
        section: known?.section ?? section,
        clauses: known?.clauses ?? [],
        stem: keys ? (known?.stem ?? null) : null,
        attempts: m.n,
        facility: m.facility,
        discrimination: m.discrimination,
        efficiency: m.efficiency,
        options: listed,
        noResponse,
        flags: [] as ItemFlag[],
      };
      stats.flags = itemFlags(stats);
      return stats;
    })
    .sort((a, b) => a.section - b.section || a.itemId.localeCompare(b.itemId));
  return {
    attempts,
    keys,
    attemptsCounted: Number(counted?.n ?? 0),
    minResponses: MIN_RESPONSES,
    items,
  };
}
