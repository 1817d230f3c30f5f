/**
 * Builds the search index at build time: a lunr index over the documents with the Kazakh
 * pipeline, serialised together with the little the results page needs to show each hit
 * (title, link and the searchable text for snippets).
 */
import lunr from "lunr";
import { type PackedIndex, packIndex } from "./compact.ts";
import type { DocumentKind, SearchDocument } from "./documents.ts";
import { useKazakh } from "./pipeline.ts";

/** Field weights: the official text outranks glossary terms, which outrank explanations. */
export const FIELD_BOOSTS = { text: 10, terms: 4, title: 1.5, body: 1 } as const;

export type SearchField = keyof typeof FIELD_BOOSTS;

/** Fields shown in snippets, in display order. */
export const SHOWN_FIELDS = ["terms", "text", "body"] as const;
export type ShownField = (typeof SHOWN_FIELDS)[number];

/** What the browser keeps of a document (short keys: the file is fetched by phones). */
export interface StoredDocument {
  readonly k: DocumentKind;
  /** Section number. */
  readonly s: number;
  /** Clause id. */
  readonly c?: string;
  /** Title. */
  readonly t: string;
  /** Path without locale prefix. */
  readonly u: string;
  /** Shown fields' text, for snippets and highlights. */
  readonly f: Partial<Record<ShownField, string>>;
}

export interface SerializedSearch {
  readonly version: 1;
  readonly index: PackedIndex;
  readonly docs: Record<string, StoredDocument>;
}

export function buildSearchIndex(documents: readonly SearchDocument[]): SerializedSearch {
  const docs: Record<string, StoredDocument> = {};
  const index = lunr(function () {
    useKazakh(this);
    this.ref("ref");
    for (const [field, boost] of Object.entries(FIELD_BOOSTS)) this.field(field, { boost });
    for (const doc of documents) {
      this.add({ ref: doc.ref, ...doc.fields });
      const shown: Partial<Record<ShownField, string>> = {};
      for (const field of SHOWN_FIELDS) {
        const value = doc.fields[field];
        if (value !== undefined) shown[field] = value;
      }
      docs[doc.ref] = {
        k: doc.kind,
        s: doc.section,
        ...(doc.clauseId === undefined ? {} : { c: doc.clauseId }),
        t: doc.title,
        u: doc.url,
        f: shown,
      };
    }
  });
  return { version: 1, index: packIndex(index.toJSON()), docs };
}
