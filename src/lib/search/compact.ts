/**
 * The wire format of the lunr index (version 3). lunr's own JSON stores a vector of 17-digit
 * weights for every field of every document and repeats every field name for every term; all
 * of that follows from the term frequencies, so the file carries only those: the sorted term
 * list as one string and, per term, the documents of each field delta-coded with their term
 * frequency. The loader recomputes lunr's BM25 weights from them exactly as lunr's Builder
 * does (same k1, b, idf and 3-decimal rounding), so scores are identical to an index lunr
 * built itself (a test compares them).
 */
import lunr from "lunr";

/** Format version of the whole search file; a loader refuses any other. 3: key terms and
 * section titles indexed (a document kind and two fields more). */
export const INDEX_FORMAT = 3;

export interface PackedIndex {
  readonly fields: readonly string[];
  readonly boosts: readonly number[];
  readonly documentCount: number;
  /** Every term, sorted as lunr sorts them, separated by single spaces. */
  readonly terms: string;
  /**
   * Per term, per field it occurs in: `[field, docDelta, docDelta, -tf, …]`, where a document
   * number is the previous one plus its delta and a negative entry is the term frequency of the
   * document before it when that is more than 1.
   */
  readonly postings: readonly (readonly (readonly number[])[])[];
}

/** lunr's defaults, which the Builder used. */
const K1 = 1.2;
const B = 0.75;

interface BuilderState {
  invertedIndex: Record<string, Record<string, Record<string, object>>>;
  fieldTermFrequencies: Record<string, Record<string, number>>;
  documentCount: number;
}

/**
 * Packs a built lunr Builder whose document refs are "0" … "n-1".
 * @param boosts field boosts in the order of `fields`
 */
export function packBuilder(
  builder: lunr.Builder,
  fields: readonly string[],
  boosts: readonly number[],
): PackedIndex {
  const state = builder as unknown as BuilderState;
  const terms = Object.keys(state.invertedIndex).sort();
  const postings = terms.map((term) => {
    const lists: number[][] = [];
    const posting = state.invertedIndex[term] ?? {};
    for (const [f, field] of fields.entries()) {
      const docs = Object.keys(posting[field] ?? {})
        .map(Number)
        .sort((a, b) => a - b);
      if (docs.length === 0) continue;
      const list = [f];
      let previous = 0;
      for (const doc of docs) {
        list.push(doc - previous);
        previous = doc;
        const tf = state.fieldTermFrequencies[`${field}/${doc}`]?.[term] ?? 1;
        if (tf > 1) list.push(-tf);
      }
      lists.push(list);
    }
    return lists;
  });
  return {
    fields,
    boosts,
    documentCount: state.documentCount,
    terms: terms.join(" "),
    postings,
  };
}

const EMPTY: Readonly<Record<string, object>> = Object.freeze({});
const NO_METADATA: object = Object.freeze({});

/** Rebuilds the lunr index: postings, field vectors (BM25 as lunr computes it), token set. */
export function unpackIndex(packed: PackedIndex, pipeline: readonly string[]): lunr.Index {
  const { fields, boosts, documentCount: n } = packed;
  const terms = packed.terms === "" ? [] : packed.terms.split(" ");
  // per field, per document: [termIndex, tf, termIndex, tf, …] in term order, and its length
  const entries: number[][][] = fields.map(() => Array.from({ length: n }, () => []));
  const lengths: number[][] = fields.map(() => new Array<number>(n).fill(0));
  const documentFrequency = new Array<number>(terms.length).fill(0);
  const invertedIndex: Record<string, Record<string, unknown>> = Object.create(null);

  for (const [t, term] of terms.entries()) {
    const posting: Record<string, unknown> = { _index: t };
    for (const field of fields) posting[field] = EMPTY;
    for (const list of packed.postings[t] ?? []) {
      const f = list[0] ?? 0;
      const byDoc: Record<string, object> = Object.create(null);
      let doc = 0;
      for (let k = 1; k < list.length; k++) {
        const value = list[k] ?? 0;
        if (value < 0) continue;
        doc += value;
        const next = list[k + 1] ?? 0;
        const tf = next < 0 ? -next : 1;
        byDoc[String(doc)] = NO_METADATA;
        entries[f]?.[doc]?.push(t, tf);
        if (lengths[f]) lengths[f][doc] = (lengths[f][doc] ?? 0) + tf;
        documentFrequency[t] = (documentFrequency[t] ?? 0) + 1;
      }
      posting[fields[f] ?? ""] = byDoc;
    }
    invertedIndex[term] = posting;
  }

  // lunr.idf: documents counted once per field the term occurs in
  const idf = documentFrequency.map((df) => Math.log(1 + Math.abs((n - df + 0.5) / (df + 0.5))));
  const fieldVectors: Record<string, lunr.Vector> = Object.create(null);
  for (const [f, field] of fields.entries()) {
    const fieldLengths = lengths[f] ?? [];
    const average = fieldLengths.reduce((a, l) => a + l, 0) / n;
    const boost = boosts[f] ?? 1;
    for (let doc = 0; doc < n; doc++) {
      const list = entries[f]?.[doc] ?? [];
      if (list.length === 0) continue;
      const norm = K1 * (1 - B + B * ((fieldLengths[doc] ?? 0) / average));
      const elements: number[] = [];
      for (let k = 0; k < list.length; k += 2) {
        const t = list[k] ?? 0;
        const tf = list[k + 1] ?? 1;
        const score = (((idf[t] ?? 0) * ((K1 + 1) * tf)) / (norm + tf)) * boost;
        elements.push(t, Math.round(score * 1000) / 1000);
      }
      fieldVectors[`${field}/${doc}`] = new lunr.Vector(elements);
    }
  }

  return new internals.Index({
    invertedIndex,
    fieldVectors,
    tokenSet: internals.TokenSet.fromArray(terms),
    fields: [...fields],
    pipeline: lunr.Pipeline.load([...pipeline]),
  });
}

/** What lunr 2.3.9 has and its typings leave out: the Index constructor and the token set. */
interface LunrInternals {
  Index: new (attrs: {
    invertedIndex: object;
    fieldVectors: Record<string, lunr.Vector>;
    tokenSet: unknown;
    fields: string[];
    pipeline: lunr.Pipeline;
  }) => lunr.Index;
  TokenSet: { fromArray(sortedWords: readonly string[]): unknown };
}
const internals = lunr as unknown as LunrInternals;
