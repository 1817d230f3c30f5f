/**
 * Snippets: a document's shown text with the matched words highlighted, cut around the first
 * match if long. Matches are the words whose index terms the hit matched; the words of a
 * document and their terms are worked out once, the first time it is a hit, and kept (storing
 * positions in the index would cost more bytes than the whole text).
 */
import { SHOWN_FIELDS, type StoredDocument } from "./build-index.ts";
import { foldWord, normalizeWord } from "./pipeline.ts";
import { tokenize } from "./tokenizer.ts";

export interface Snippet {
  readonly text: string;
  /** Matched words as [start, end) offsets into `text`, sorted and disjoint. */
  readonly highlights: readonly (readonly [number, number])[];
  /** Whether text was cut at the start / end. */
  readonly cutStart: boolean;
  readonly cutEnd: boolean;
}

/** A document's shown text, its words with their index terms, and their folded forms. */
export interface Analysis {
  readonly text: string;
  readonly words: readonly {
    readonly start: number;
    readonly end: number;
    readonly terms: readonly string[];
  }[];
  readonly forms: ReadonlySet<string>;
}

const SEPARATOR = " — ";
const SNIPPET_MAX = 260;
const SNIPPET_BEFORE = 60;

export function analyse(doc: StoredDocument): Analysis {
  let text = "";
  const words: { start: number; end: number; terms: readonly string[] }[] = [];
  const forms = new Set<string>();
  for (const field of SHOWN_FIELDS) {
    const value = doc.fields[field];
    if (value === undefined) continue;
    if (text !== "") text += SEPARATOR;
    const offset = text.length;
    text += value;
    for (const token of tokenize(value)) {
      forms.add(foldWord(token.text));
      const terms = normalizeWord(token.text);
      if (terms.length > 0)
        words.push({
          start: offset + token.start,
          end: offset + token.start + token.length,
          terms,
        });
    }
  }
  return { text, words, forms };
}

/** @param matched the index terms the hit matched (lunr's matchData.metadata) */
export function snippet({ text, words }: Analysis, matched: object): Snippet {
  const highlights: [number, number][] = [];
  for (const word of words) {
    if (!word.terms.some((term) => term in matched)) continue;
    const last = highlights.at(-1);
    if (last && word.start <= last[1]) last[1] = Math.max(last[1], word.end);
    else highlights.push([word.start, word.end]);
  }
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
