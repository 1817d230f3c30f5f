/**
 * Runs a query typed by a person against the index: Russian words through the glossary,
 * every word through the same normalisation as the text (Latin, folding, stop words, stems),
 * words derived from it at a lower weight, typo recovery for a word that matches nothing as
 * typed, and prefix matching of the word being typed (see plan.ts). The best hits are then
 * reordered: documents with more of the query's words first, and with the very form of an
 * inflected query word. Queries are built with `index.query` so that `:`, `~`, `^` or a leading
 * `-` in what people type are just characters, never lunr syntax.
 */
import lunr from "lunr";
import { type SerializedSearch, type StoredDocument, unpackDocuments } from "./build-index.ts";
import { INDEX_FORMAT, unpackIndex } from "./compact.ts";
import type { DocumentKind } from "./documents.ts";
import { PIPELINE } from "./pipeline.ts";
import { fromWord, type PlannedWord, planQuery, type Vocabulary } from "./plan.ts";
import {
  type Analysis,
  analyse,
  type Matched,
  type Snippet,
  snippet,
  titleSnippet,
} from "./snippet.ts";

export type { Snippet } from "./snippet.ts";

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
  /** The title, with the words marked that matched in it (the section title of a clause). */
  readonly titleSnippet: Snippet;
}

export interface SearchOptions {
  readonly limit?: number;
  /**
   * Match the last word as a prefix too: on while someone types (the header box, the results
   * page as it follows typing), off for a submitted query (`?q=` of a link, the form's button).
   */
  readonly prefix?: boolean;
}

export interface LoadedSearch {
  readonly index: lunr.Index;
  readonly vocabulary: Vocabulary;
  readonly docs: readonly StoredDocument[];
  /** Each document's analysis, made the first time it is a hit, then kept. */
  readonly analyses: (Analysis | undefined)[];
}

/** Loads the search file as fetched; refuses a file of another format version. */
export function loadSearch(data: SerializedSearch): LoadedSearch {
  const version = (data as { version?: unknown } | null)?.version;
  if (version !== INDEX_FORMAT)
    throw new Error(
      `search index format ${String(version)}, this code reads format ${INDEX_FORMAT}: reload the page`,
    );
  const index = unpackIndex(data.index, PIPELINE);
  const docs = unpackDocuments(data.docs, data.titles);
  const sorted = data.index.terms.split(" ");
  const terms = new Set(sorted);
  return {
    index,
    vocabulary: { has: (term) => terms.has(term), sorted },
    docs,
    analyses: new Array<Analysis | undefined>(docs.length),
  };
}

const EXACT_BOOST = 10;
const DERIVED_BOOST = 2;
const PREFIX_BOOST = 2;
const FUZZY_BOOST = 3;
/** Score factor for a document with the very form of an inflected query word (басшыға). */
const FORM_BONUS = 1.5;
/** How many of the best hits are reordered (the same whatever the limit, so the first six
 * of the header box are the first six of the results page). */
const RERANK_WINDOW = 30;

function analysis(search: LoadedSearch, n: number): Analysis {
  const doc = search.docs[n];
  let made = search.analyses[n];
  if (!made && doc) {
    made = analyse(doc);
    search.analyses[n] = made;
  }
  return made ?? { text: "", words: [], forms: new Set(), title: { text: "", words: [] } };
}

function lunrQuery(index: lunr.Index, words: readonly PlannedWord[]): lunr.Index.Result[] {
  const exact = { usePipeline: false };
  return index.query((q) => {
    for (const word of words) {
      if (word.terms.length === 0) continue;
      for (const term of word.terms)
        q.term(term, { ...exact, boost: EXACT_BOOST / word.terms.length });
      for (const term of word.derived) q.term(term, { ...exact, boost: DERIVED_BOOST });
      for (const term of word.typo) q.term(term, { ...exact, boost: FUZZY_BOOST });
      if (word.prefix !== null)
        q.term(word.prefix, {
          ...exact,
          wildcard: lunr.Query.wildcard.TRAILING,
          boost: PREFIX_BOOST,
        });
    }
  });
}

export function searchIndex(
  search: LoadedSearch,
  query: string,
  options: SearchOptions = {},
): SearchResult[] {
  const words = planQuery(search.vocabulary, query, { prefix: options.prefix ?? true });
  const searched = words.filter((w) => w.terms.length > 0);
  if (searched.length === 0) return [];
  const hits = lunrQuery(search.index, searched);
  // Someone who typed an inflected form (басшыға) prefers the documents with that very form.
  const inflected = searched.filter((w) => !w.terms.includes(w.folded));
  const ranked = hits.slice(0, RERANK_WINDOW).map((hit) => {
    const matched = Object.keys(hit.matchData.metadata);
    const found = searched.filter((w) => matched.some((term) => fromWord(w, term))).length;
    let score = hit.score * (0.5 + (0.5 * found) / searched.length);
    if (inflected.length > 0) {
      const { forms } = analysis(search, Number(hit.ref));
      if (inflected.some((w) => forms.has(w.folded))) score *= FORM_BONUS;
    }
    return { hit, score };
  });
  ranked.sort((a, b) => b.score - a.score);
  return ranked.slice(0, options.limit ?? 20).flatMap(({ hit, score }): SearchResult[] => {
    const n = Number(hit.ref);
    const doc = search.docs[n];
    if (!doc) return [];
    // lunr types it as `object`: per matched term, per field, its metadata
    const matched = hit.matchData.metadata as Matched;
    return [
      {
        ref: doc.ref,
        kind: doc.kind,
        section: doc.section,
        ...(doc.clauseId === undefined ? {} : { clauseId: doc.clauseId }),
        title: doc.title,
        url: doc.url,
        score,
        snippet: snippet(analysis(search, n), matched),
        titleSnippet: titleSnippet(analysis(search, n), matched),
      },
    ];
  });
}
