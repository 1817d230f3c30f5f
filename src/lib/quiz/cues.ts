// Cues a learner could answer by without reading (rules R3–R5): judgement keys that are nearly
// always «Рұқсат етілмейді», a correct option that is the longest, a correct option that comes
// first. Counted per bank and per pool; the limits hold per pool, with two per-bank floors.
import type { BankKind } from "./check-item.ts";
import type { QuizBank, QuizOption } from "./schema.ts";

export const LIMITS = {
  /** R3: share of a pool's judgement items keyed «Рұқсат етіледі», at least. */
  acceptableShare: 0.3,
  /** R3: a bank with this many judgement items has at least one keyed «Рұқсат етіледі». */
  judgementsNeedingAcceptable: 3,
  /** R4: share of a pool's single items whose correct option is the strictly longest, at most. */
  longestShare: 0.5,
  /** R5: share of a pool's single items whose correct option is first, at most. */
  firstShare: 0.4,
  /** R5: share of a pool's multiple items whose correct options are all at the top, at most. */
  topShare: 0.5,
} as const;

/** Ids of the items showing each cue, out of the items the cue is counted on. */
export interface CueFigures {
  singles: number;
  longest: string[];
  first: string[];
  multiples: number;
  top: string[];
  judgements: number;
  acceptable: string[];
}

const length = (o: QuizOption) => [...o.text.trim()].length;

export function bankCues(bank: QuizBank): CueFigures {
  const f: CueFigures = {
    singles: 0,
    longest: [],
    first: [],
    multiples: 0,
    top: [],
    judgements: 0,
    acceptable: [],
  };
  for (const item of bank.items) {
    if (item.type === "single") {
      f.singles++;
      const key = item.options.find((o) => o.correct);
      if (key && item.options.every((o) => o === key || length(o) < length(key)))
        f.longest.push(item.id);
      if (item.options[0]?.correct) f.first.push(item.id);
    } else if (item.type === "multiple") {
      f.multiples++;
      const keys = item.options.filter((o) => o.correct).length;
      if (item.options.slice(0, keys).every((o) => o.correct)) f.top.push(item.id);
    } else if (item.type === "judgement") {
      f.judgements++;
      if (item.options[0]?.correct) f.acceptable.push(item.id);
    }
  }
  return f;
}

export function sumCues(all: readonly CueFigures[]): CueFigures {
  return {
    singles: all.reduce((n, f) => n + f.singles, 0),
    longest: all.flatMap((f) => f.longest),
    first: all.flatMap((f) => f.first),
    multiples: all.reduce((n, f) => n + f.multiples, 0),
    top: all.flatMap((f) => f.top),
    judgements: all.reduce((n, f) => n + f.judgements, 0),
    acceptable: all.flatMap((f) => f.acceptable),
  };
}

export const percent = (part: number, whole: number) =>
  whole === 0 ? "—" : `${Math.round((100 * part) / whole)} %`;

/** Problems of one pool (all banks of one kind), naming the files and items to change. */
export function cueProblems(
  kind: BankKind,
  banks: readonly { file: string; cues: CueFigures }[],
): string[] {
  const problems: string[] = [];
  const pool = sumCues(banks.map((b) => b.cues));
  const where = (pick: (f: CueFigures) => string[]) =>
    banks
      .filter((b) => pick(b.cues).length > 0)
      .map((b) => `${b.file}: ${pick(b.cues).join(", ")}`)
      .join("; ");
  const over = (n: number, of: number, limit: number) => of > 0 && n / of > limit;
  if (pool.judgements > 0 && pool.acceptable.length / pool.judgements < LIMITS.acceptableShare)
    problems.push(
      `${kind} pool: ${pool.acceptable.length} of ${pool.judgements} judgement items (${percent(pool.acceptable.length, pool.judgements)}) are keyed «Рұқсат етіледі»; at least 30 % must be (R3). Keyed so now: ${where((f) => f.acceptable) || "none"}`,
    );
  if (over(pool.longest.length, pool.singles, LIMITS.longestShare))
    problems.push(
      `${kind} pool: the correct option is the strictly longest in ${pool.longest.length} of ${pool.singles} single items (${percent(pool.longest.length, pool.singles)}; at most 50 %) (R4): ${where((f) => f.longest)}`,
    );
  if (over(pool.first.length, pool.singles, LIMITS.firstShare))
    problems.push(
      `${kind} pool: the correct option is first in ${pool.first.length} of ${pool.singles} single items (${percent(pool.first.length, pool.singles)}; at most 40 %) (R5): ${where((f) => f.first)}`,
    );
  if (over(pool.top.length, pool.multiples, LIMITS.topShare))
    problems.push(
      `${kind} pool: the correct options are all at the top in ${pool.top.length} of ${pool.multiples} multiple items (${percent(pool.top.length, pool.multiples)}; at most 50 %) (R5): ${where((f) => f.top)}`,
    );
  for (const { file, cues } of banks) {
    if (cues.judgements >= LIMITS.judgementsNeedingAcceptable && cues.acceptable.length === 0)
      problems.push(
        `${file}: none of its ${cues.judgements} judgement items is keyed «Рұқсат етіледі»; at least one must be (R3)`,
      );
    if (cues.singles >= 2 && cues.first.length === cues.singles)
      problems.push(
        `${file}: the correct option is first in every single item (${cues.first.join(", ")}) (R5)`,
      );
  }
  return problems;
}
