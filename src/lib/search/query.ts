/**
 * Runs a query typed by a person against the index: Russian words through the glossary,
 * every word through the same normalisation as the text (Latin, folding, stop words, stems),
 * plus typo tolerance (one edit for words of five letters or more) and prefix matching of the
 * last word while typing. Queries are built with `index.query` so that `:`, `~`, `^` or a
 * leading `-` in what people type are just characters, never lunr syntax.
 */
import lunr from "lunr";
import { type SerializedSearch, SHOWN_FIELDS, type StoredDocument } from "./build-index.ts";
import { unpackIndex } from "./compact.ts";
import type { DocumentKind } from "./documents.ts";
import { expandRussian } from "./glossary-ru.ts";
import { foldWord, normalizeWord } from "./pipeline.ts";
import { tokenize } from "./tokenizer.ts";

export interface SearchResult {
  readonly ref: string;
  readonly kind: DocumentKind;
  readonly section: number;
  readonly clauseId?: string;
  readonly title: string;
  /** Site path without the locale prefix. */
  readonly url: string;
  readonly score: number;
  readonly snippet: Snippet;
}

export interface Snippet {
  readonly text: string;
  /** Matched words as [start, end) offsets into `text`, sorted and disjoint. */
  readonly highlights: readonly (readonly [number, number])[];
  /** Whether text was cut at the start / end. */
  readonly cutStart: boolean;
  readonly cutEnd: boolean;
}

export interface SearchOptions {
  readonly limit?: number;
  /** Match the last word as a prefix (as-you-type); on by default. */
  readonly prefix?: boolean;
}

export interface LoadedSearch {
  readonly index: lunr.Index;
  readonly docs: Readonly<Record<string, StoredDocument>>;
}

export function loadSearch(data: SerializedSearch): LoadedSearch {
  return { index: lunr.Index.load(unpackIndex(data.index)), docs: data.docs };
}

const EXACT_BOOST = 10;
const PREFIX_BOOST = 2;
const FUZZY_BOOST = 3;
const FUZZY_MIN_LETTERS = 5;

interface PlannedWord {
  readonly folded: string;
  readonly terms: readonly string[];
  readonly fromGlossary: boolean;
}

function plan(query: string): PlannedWord[] {
  return expandRussian(tokenize(query).map((t) => t.text)).map(({ word, fromGlossary }) => ({
    folded: foldWord(word),
    terms: normalizeWord(word),
    fromGlossary,
  }));
}

export function searchIndex(
  index: lunr.Index,
  docs: Readonly<Record<string, StoredDocument>>,
  query: string,
  options: SearchOptions = {},
): SearchResult[] {
  const words = plan(query);
  if (!words.some((w) => w.terms.length > 0)) return [];
  const prefix = options.prefix ?? true;
  const hits = index.query((q) => {
    for (const [i, word] of words.entries()) {
      for (const term of word.terms) {
        q.term(term, { usePipeline: false, boost: EXACT_BOOST / word.terms.length });
        if ([...word.folded].length >= FUZZY_MIN_LETTERS && term.length >= FUZZY_MIN_LETTERS - 1)
          q.term(term, { usePipeline: false, editDistance: 1, boost: FUZZY_BOOST });
      }
      const last = i === words.length - 1;
      if (prefix && last && !word.fromGlossary && word.terms.length > 0 && word.folded.length >= 2)
        q.term(word.folded, {
          usePipeline: false,
          wildcard: lunr.Query.wildcard.TRAILING,
          boost: PREFIX_BOOST,
        });
    }
  });
  return hits.slice(0, options.limit ?? 20).flatMap((hit): SearchResult[] => {
    const doc = docs[hit.ref];
    if (!doc) return [];
    return [
      {
        ref: hit.ref,
        kind: doc.k,
        section: doc.s,
        ...(doc.c === undefined ? {} : { clauseId: doc.c }),
        title: doc.t,
        url: doc.u,
        score: hit.score,
        snippet: snippet(doc, hit.matchData),
      },
    ];
  });
}

const SEPARATOR = " — ";
const SNIPPET_MAX = 260;
const SNIPPET_BEFORE = 60;

/**
 * The document's shown text with the matched words, cut around the first match if long.
 * Matches are found again by running each word of the text through the same normalisation
 * and keeping those with a matched index term: storing positions in the index would cost
 * more bytes than the whole text.
 */
export function snippet(doc: StoredDocument, matchData: lunr.MatchData): Snippet {
  const matched = new Set(Object.keys(matchData.metadata));
  let text = "";
  const ranges: [number, number][] = [];
  for (const field of SHOWN_FIELDS) {
    const value = doc.f[field];
    if (value === undefined) continue;
    if (text !== "") text += SEPARATOR;
    const offset = text.length;
    text += value;
    for (const token of tokenize(value)) {
      if (normalizeWord(token.text).some((term) => matched.has(term)))
        ranges.push([offset + token.start, offset + token.start + token.length]);
    }
  }
  const highlights = merge(ranges);
  if (text.length <= SNIPPET_MAX) return { text, highlights, cutStart: false, cutEnd: false };
  const first = highlights[0]?.[0] ?? 0;
  let start = Math.max(0, first - SNIPPET_BEFORE);
  if (start > 0) start = text.indexOf(" ", start) + 1 || start;
  if (start > first) start = first;
  let end = Math.min(text.length, start + SNIPPET_MAX);
  if (end < text.length)
    end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end;
  return {
    text: text.slice(start, end),
    highlights: highlights
      .filter(([s, e]) => s >= start && e <= end)
      .map(([s, e]) => [s - start, e - start] as const),
    cutStart: start > 0,
    cutEnd: end < text.length,
  };
}

function merge(ranges: [number, number][]): (readonly [number, number])[] {
  const sorted = ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}
