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

/** Words of a text with their index terms, as offsets into it. */
type Words = readonly {
  readonly start: number;
  readonly end: number;
  readonly terms: readonly string[];
}[];

/**
 * A document's shown text, its words with their index terms, and their folded forms; and the
 * same of its title (the section title is indexed for the official text, and highlighted).
 */
export interface Analysis {
  readonly text: string;
  readonly words: Words;
  readonly forms: ReadonlySet<string>;
  readonly title: { readonly text: string; readonly words: Words };
}

/** lunr's matchData.metadata: per matched index term, per field it matched in. */
export type Matched = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

const SEPARATOR = " — ";
const SNIPPET_MAX = 260;
const SNIPPET_BEFORE = 60;

/** Appends the words of `value` (at `offset` in the whole text) with their terms. */
function addWords(value: string, offset: number, words: Words[number][], forms?: Set<string>) {
  for (const token of tokenize(value)) {
    forms?.add(foldWord(token.text));
    const terms = normalizeWord(token.text);
    if (terms.length > 0)
      words.push({ start: offset + token.start, end: offset + token.start + token.length, terms });
  }
}

export function analyse(doc: StoredDocument): Analysis {
  let text = "";
  const words: Words[number][] = [];
  const forms = new Set<string>();
  for (const field of SHOWN_FIELDS) {
    const value = doc.fields[field];
    if (value === undefined) continue;
    if (text !== "") text += SEPARATOR;
    const offset = text.length;
    text += value;
    addWords(value, offset, words, forms);
  }
  const titleWords: Words[number][] = [];
  addWords(doc.title, 0, titleWords);
  return { text, words, forms, title: { text: doc.title, words: titleWords } };
}

/** The words to mark, merged where they touch. */
function highlight(words: Words, marked: (term: string) => boolean): [number, number][] {
  const highlights: [number, number][] = [];
  for (const word of words) {
    if (!word.terms.some(marked)) continue;
    const last = highlights.at(-1);
    if (last && word.start <= last[1]) last[1] = Math.max(last[1], word.end);
    else highlights.push([word.start, word.end]);
  }
  return highlights;
}

/**
 * The title with the words marked that the hit matched in the title field (only the official
 * text's documents have one: a lesson's title is not indexed with its explanations).
 */
export function titleSnippet({ title }: Analysis, matched: Matched): Snippet {
  const highlights = highlight(title.words, (term) => matched[term]?.title !== undefined);
  return { text: title.text, highlights, cutStart: false, cutEnd: false };
}

/** @param matched the index terms the hit matched (lunr's matchData.metadata) */
export function snippet({ text, words }: Analysis, matched: Matched): Snippet {
  // A term matched only in the title has no word in the shown fields, so `in` is enough.
  const highlights = highlight(words, (term) => term in matched);
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
