// Cues a learner could answer by without reading (rules R3–R5, R8): judgement keys that are
// nearly always «Рұқсат етілмейді», a correct option that is the longest, a correct option that
// comes first, judgement stems whose length or closing question gives the key away. Counted per
// bank and per pool; the limits hold per pool, with two per-bank floors.
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
  /**
   * R8: the mean stem length of a pool's judgement items of one key exceeds that of the other key
   * by at most this share (of the shorter mean).
   */
  stemLengthGap: 0.15,
  /** R8: a question ending shared by at least this many judgement items of a pool is counted… */
  endingMinItems: 5,
  /** R8: …and at most this share of them may have the same key. */
  endingKeyShare: 0.7,
  /** R8: the ending is the stem's last this many words («бұған рұқсат етіле ме»). */
  endingWords: 4,
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
  /** R8: every judgement item with its key, stem length and question ending. */
  judgementStems: JudgementStem[];
}

export interface JudgementStem {
  id: string;
  acceptable: boolean;
  /** Characters (code points) of the trimmed stem. */
  length: number;
  ending: string;
}

/** The last words of a stem, lower-cased, without punctuation: the question it ends with. */
export function questionEnding(stem: string, words: number = LIMITS.endingWords): string {
  return stem
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(-words)
    .join(" ");
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
    judgementStems: [],
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
      const acceptable = item.options[0]?.correct === true;
      if (acceptable) f.acceptable.push(item.id);
      f.judgementStems.push({
        id: item.id,
        acceptable,
        length: [...item.stem.trim()].length,
        ending: questionEnding(item.stem),
      });
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
    judgementStems: all.flatMap((f) => f.judgementStems),
  };
}

const KEYS = { true: "«Рұқсат етіледі»", false: "«Рұқсат етілмейді»" } as const;

export interface StemLengthCue {
  acceptable: number;
  notAcceptable: number;
  /** How much longer the longer mean is than the shorter, as a share of the shorter. */
  gap: number;
}

/** R8: mean stem length per key; null unless the pool has judgement items of both keys. */
export function stemLengthCue(stems: readonly JudgementStem[]): StemLengthCue | null {
  const mean = (acceptable: boolean) => {
    const own = stems.filter((s) => s.acceptable === acceptable);
    return own.length === 0 ? null : own.reduce((n, s) => n + s.length, 0) / own.length;
  };
  const acceptable = mean(true);
  const notAcceptable = mean(false);
  if (acceptable === null || notAcceptable === null) return null;
  const gap = Math.max(acceptable, notAcceptable) / Math.min(acceptable, notAcceptable) - 1;
  return { acceptable, notAcceptable, gap };
}

export interface EndingCue {
  ending: string;
  items: number;
  /** The key most of the items with this ending have, and how many have it. */
  acceptable: boolean;
  same: number;
  ids: string[];
}

/** R8: question endings shared by enough judgement items, the most predictive first. */
export function endingCues(stems: readonly JudgementStem[]): EndingCue[] {
  const groups = new Map<string, JudgementStem[]>();
  for (const s of stems) groups.set(s.ending, [...(groups.get(s.ending) ?? []), s]);
  return [...groups]
    .filter(([, g]) => g.length >= LIMITS.endingMinItems)
    .map(([ending, g]) => {
      const yes = g.filter((s) => s.acceptable).length;
      const acceptable = yes * 2 > g.length;
      return {
        ending,
        items: g.length,
        acceptable,
        same: acceptable ? yes : g.length - yes,
        ids: g.filter((s) => s.acceptable === acceptable).map((s) => s.id),
      };
    })
    .sort((a, b) => b.same / b.items - a.same / a.items || b.items - a.items);
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
  const lengths = stemLengthCue(pool.judgementStems);
  if (lengths && lengths.gap > LIMITS.stemLengthGap) {
    const longer = lengths.acceptable > lengths.notAcceptable;
    const edges = (acceptable: boolean, longest: boolean) =>
      pool.judgementStems
        .filter((s) => s.acceptable === acceptable)
        .sort((a, b) => (longest ? b.length - a.length : a.length - b.length))
        .slice(0, 5)
        .map((s) => `${s.id} (${s.length})`)
        .join(", ");
    problems.push(
      `${kind} pool: judgement stems keyed ${KEYS.true} average ${Math.round(lengths.acceptable)} characters, those keyed ${KEYS.false} ${Math.round(lengths.notAcceptable)}: the ${longer ? "acceptable" : "not-acceptable"} ones are ${(100 * lengths.gap).toFixed(1)} % longer (at most 15 %), so length gives the key away (R8). Longest of them: ${edges(longer, true)}; shortest of the others: ${edges(!longer, false)}`,
    );
  }
  for (const cue of endingCues(pool.judgementStems))
    if (cue.same / cue.items > LIMITS.endingKeyShare)
      problems.push(
        `${kind} pool: ${cue.same} of the ${cue.items} judgement stems ending «…${cue.ending}?» (${percent(cue.same, cue.items)}; at most 70 %) are keyed ${KEYS[String(cue.acceptable) as "true" | "false"]}, so the question's wording gives the key away (R8): ${cue.ids.join(", ")}`,
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
