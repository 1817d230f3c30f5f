/**
 * Builds the search file at build time: a lunr index over the documents with the Kazakh
 * pipeline (compact.ts format) and the little the results page needs to show each hit. Documents
 * are numbered; each is an array, and what follows from the numbering rules of documents.ts
 * (refs, links, the lesson title) is rebuilt by the loader instead of shipped.
 */
import lunr from "lunr";
import { INDEX_FORMAT, type PackedIndex, packBuilder } from "./compact.ts";
import {
  clauseUrl,
  type DocumentKind,
  explanationRef,
  keysRef,
  leadUrl,
  lessonUrl,
  type SearchDocument,
  termRef,
} from "./documents.ts";
import { useKazakh } from "./pipeline.ts";

/**
 * Field weights: the official text outranks glossary terms, which outrank explanations. The
 * section title and the key terms are low: a query for them finds their section's clauses and
 * lesson, but a clause that says the words itself comes first. lunr averages a field's length
 * over every document, so a field only the 11 key-term documents have counts as very long in
 * each of them: at 3 they rank among the explanations, at 1 they came last of every query.
 */
export const FIELD_BOOSTS = { text: 10, terms: 4, title: 1, keys: 3, body: 1 } as const;

export type SearchField = keyof typeof FIELD_BOOSTS;

/**
 * Fields shown in snippets, in display order. The title, the only other indexed field, is
 * shown as the result's title (highlighted there) and rebuilt from the section number.
 */
export const SHOWN_FIELDS = [
  "keys",
  "terms",
  "text",
  "body",
] as const satisfies readonly SearchField[];
export type ShownField = (typeof SHOWN_FIELDS)[number];

/**
 * A document on the wire: `[0, clauseId, text]`, `[1, section, slug, body]` for a lesson part,
 * `[2, section, slug, term, definition]` for a glossary term, `[3, section, text]` for a lead,
 * `[4, section, keys]` for a lesson's key terms.
 */
export type PackedDocument =
  | readonly [0, string, string]
  | readonly [1, number, string, string]
  | readonly [2, number, string, string, string]
  | readonly [3, number, string]
  | readonly [4, number, string];

export interface SerializedSearch {
  readonly version: typeof INDEX_FORMAT;
  readonly index: PackedIndex;
  /** Lesson titles, `titles[0]` being section 1's. */
  readonly titles: readonly string[];
  readonly docs: readonly PackedDocument[];
}

/** A document as the browser keeps it. */
export interface StoredDocument {
  readonly ref: string;
  readonly kind: DocumentKind;
  readonly section: number;
  readonly clauseId?: string;
  readonly title: string;
  /** Path without locale prefix. */
  readonly url: string;
  /** Shown fields' text, for snippets and highlights. */
  readonly fields: Partial<Record<ShownField, string>>;
}

function anchorOf(url: string): string {
  return url.split("#")[1] ?? "";
}

function pack(doc: SearchDocument): PackedDocument {
  const { text = "", terms = "", keys = "", body = "" } = doc.fields;
  if (doc.kind === "clause") return [0, doc.clauseId ?? doc.ref, text];
  if (doc.kind === "lead") return [3, doc.section, text];
  if (doc.kind === "keys") return [4, doc.section, keys];
  if (doc.kind === "explanation") return [1, doc.section, anchorOf(doc.url), body];
  return [2, doc.section, anchorOf(doc.url), terms, body];
}

/** The documents back from the wire, refs and links rebuilt (documents.ts rules). */
export function unpackDocuments(
  docs: readonly PackedDocument[],
  titles: readonly string[],
): StoredDocument[] {
  const termsSeen = new Map<number, number>();
  return docs.map((doc): StoredDocument => {
    if (doc[0] === 0) {
      const [, clauseId, text] = doc;
      const section = Number(clauseId.split(".")[0]);
      return {
        ref: clauseId,
        kind: "clause",
        section,
        clauseId,
        title: titles[section - 1] ?? "",
        url: clauseUrl(section, clauseId),
        fields: { text },
      };
    }
    const section = doc[1];
    const title = titles[section - 1] ?? "";
    if (doc[0] === 3) {
      const text = doc[2];
      return {
        ref: String(section),
        kind: "lead",
        section,
        title,
        url: leadUrl(section),
        fields: { text },
      };
    }
    if (doc[0] === 4) {
      const keys = doc[2];
      return {
        ref: keysRef(section),
        kind: "keys",
        section,
        title,
        url: lessonUrl(section),
        fields: { keys },
      };
    }
    if (doc[0] === 1) {
      const [, , slug, body] = doc;
      const ref = explanationRef(section, slug);
      return {
        ref,
        kind: "explanation",
        section,
        title,
        url: lessonUrl(section, slug),
        fields: { body },
      };
    }
    const [, , slug, terms, body] = doc;
    const position = (termsSeen.get(section) ?? 0) + 1;
    termsSeen.set(section, position);
    return {
      ref: termRef(section, position),
      kind: "term",
      section,
      title,
      url: lessonUrl(section, slug),
      fields: { terms, body },
    };
  });
}

function lessonTitles(documents: readonly SearchDocument[]): string[] {
  const titles: string[] = [];
  for (const doc of documents) {
    const known = titles[doc.section - 1];
    if (known !== undefined && known !== doc.title)
      throw new Error(`search index: section ${doc.section} has two titles`);
    titles[doc.section - 1] = doc.title;
  }
  return Array.from(titles, (t) => t ?? "");
}

/** Fails the build if the compact documents would not come back as they went in. */
function verify(documents: readonly SearchDocument[], stored: readonly StoredDocument[]): void {
  for (const [i, doc] of documents.entries()) {
    const back = stored[i];
    const same =
      back !== undefined &&
      back.ref === doc.ref &&
      back.url === doc.url &&
      back.title === doc.title &&
      back.kind === doc.kind &&
      SHOWN_FIELDS.every((f) => (back.fields[f] ?? "") === (doc.fields[f] ?? ""));
    if (!same) throw new Error(`search index: document ${doc.ref} does not survive packing`);
  }
}

export function buildSearchIndex(documents: readonly SearchDocument[]): SerializedSearch {
  const fields = Object.keys(FIELD_BOOSTS) as SearchField[];
  const builder = new lunr.Builder();
  useKazakh(builder);
  builder.ref("ref");
  for (const field of fields) builder.field(field, { boost: FIELD_BOOSTS[field] });
  for (const [i, doc] of documents.entries()) builder.add({ ref: String(i), ...doc.fields });
  builder.build();
  const titles = lessonTitles(documents);
  const docs = documents.map(pack);
  verify(documents, unpackDocuments(docs, titles));
  return {
    version: INDEX_FORMAT,
    index: packBuilder(
      builder,
      fields,
      fields.map((f) => FIELD_BOOSTS[f]),
    ),
    titles,
    docs,
  };
}
