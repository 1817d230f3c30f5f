/**
 * What a typed query asks for, word by word, in index terms: the word's stems (the full
 * weight), the words derived from it (бюджет → бюджеттік, lower weight), typo recovery for a
 * word that matches nothing as typed, and the prefix of the word being typed. Pure: the
 * vocabulary is the loaded index's term list.
 */
import { unmixScripts } from "./fold.ts";
import { expandRussian } from "./glossary-ru.ts";
import { foldWord, normalizeWord } from "./pipeline.ts";
import { looseStems } from "./stemmer.ts";
import { tokenize } from "./tokenizer.ts";

/** The index's terms: membership, and the sorted list for prefix runs. */
export interface Vocabulary {
  has(term: string): boolean;
  readonly sorted: readonly string[];
}

export interface PlannedWord {
  /** The word as typed, transliterated and folded. */
  readonly folded: string;
  /** Its stems (none for a stop word). */
  readonly terms: readonly string[];
  /** Index terms derived from it (see DERIVED). */
  readonly derived: readonly string[];
  /**
   * Typo recovery, only for a word none of whose stems is in the index: the index terms its
   * endings read loosely lead to, or one edit away from such a stem of five letters or more.
   */
  readonly typo: readonly string[];
  /** The prefix to match while typing, or null. */
  readonly prefix: string | null;
  /** Whether the word is the Kazakh side of a Russian glossary entry. */
  readonly fromGlossary: boolean;
}

export interface PlanOptions {
  /** Match the last word as a prefix (someone is typing it). */
  readonly prefix: boolean;
}

/**
 * Derivational suffixes (folded) after which a word finds the words derived from it, at a
 * lower weight: бюджет finds бюджеттік, кәсіпкер кәсіпкерлік, туыс туысқандық. Never the
 * negation -ма/-ме or -сыз, which turn the meaning round (заң must not find заңсыз).
 */
const DERIVED = /^(?:[лдт][ыи]к?|ш[ыи]|[гк][ыи]|[гк][ае]н){1,2}$/u;
/** Shorter bases have too many accidental continuations (күн+ді is not құнды). */
const DERIVED_MIN_BASE = 4;
/** Typo tolerance (one edit) only for stems this long: shorter ones have too many neighbours. */
export const FUZZY_MIN_STEM = 5;
/** Prefix matching only from this many letters (`за` would match half the text). */
export const PREFIX_MIN_LETTERS = 3;

/** The terms of a sorted list that start with `prefix` (a contiguous run). */
export function withPrefix(sorted: readonly string[], prefix: string): string[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? "") < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out: string[] = [];
  for (let i = lo; i < sorted.length && (sorted[i] ?? "").startsWith(prefix); i++)
    out.push(sorted[i] ?? "");
  return out;
}

function derivedTerms(vocabulary: Vocabulary, terms: readonly string[], folded: string): string[] {
  const derived = new Set<string>();
  for (const base of new Set([...terms, folded])) {
    if (base.length < DERIVED_MIN_BASE) continue;
    for (const term of withPrefix(vocabulary.sorted, base))
      if (!terms.includes(term) && DERIVED.test(term.slice(base.length))) derived.add(term);
  }
  return [...derived];
}

/**
 * One edit (insertion, deletion, substitution, or two neighbours swapped, as lunr's edit
 * distance counts them), found by scanning the term list: a few thousand short strings cost
 * far less than lunr's fuzzy automaton.
 */
function typoTerms(vocabulary: Vocabulary, terms: readonly string[], folded: string): string[] {
  const found = new Set<string>();
  const fuzzy: string[] = [];
  for (const term of new Set([...terms, ...looseStems(folded)])) {
    if (vocabulary.has(term)) found.add(term);
    else if (term.length >= FUZZY_MIN_STEM) fuzzy.push(term);
  }
  if (fuzzy.length > 0)
    for (const candidate of vocabulary.sorted)
      if (fuzzy.some((f) => oneEdit(f, candidate))) found.add(candidate);
  return [...found];
}

export function planQuery(
  vocabulary: Vocabulary,
  query: string,
  options: PlanOptions,
): PlannedWord[] {
  const isKazakh = (word: string) => normalizeWord(word).some((t) => vocabulary.has(t));
  // Look-alikes first, so that a Russian word with a Latin letter in it meets the glossary.
  const words = expandRussian(
    tokenize(query).map((t) => unmixScripts(t.text)),
    isKazakh,
  );
  return words.map(({ word, fromGlossary }, i): PlannedWord => {
    const folded = foldWord(word);
    const terms = normalizeWord(word);
    const stop = terms.length === 0;
    const known = terms.some((t) => vocabulary.has(t));
    const typing = options.prefix && i === words.length - 1 && !fromGlossary;
    return {
      folded,
      terms,
      derived: stop ? [] : derivedTerms(vocabulary, terms, folded),
      typo: stop || known ? [] : typoTerms(vocabulary, terms, folded),
      prefix: !stop && typing && folded.length >= PREFIX_MIN_LETTERS ? folded : null,
      fromGlossary,
    };
  });
}

/** Whether two different words are one edit apart (see typoTerms). */
export function oneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length > b.length) return a.slice(i + 1) === b.slice(i);
  if (a.length < b.length) return a.slice(i) === b.slice(i + 1);
  if (a.slice(i + 1) === b.slice(i + 1)) return true;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** Whether a matched index term came from this word (for counting how many words a hit has). */
export function fromWord(word: PlannedWord, term: string): boolean {
  return (
    word.terms.includes(term) ||
    word.derived.includes(term) ||
    word.typo.includes(term) ||
    (word.prefix !== null && term.startsWith(word.prefix))
  );
}
