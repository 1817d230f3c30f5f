/**
 * A smaller serialisation of a lunr index for the wire. lunr's JSON repeats every field for
 * every term (`{"text":{},"terms":{},…}`), stores each posting as `{"ref":{}}` and writes
 * vector weights with 17 digits; here a term lists only the fields it occurs in, as arrays of
 * refs, and weights keep 4 decimals (ranking is unchanged at that precision).
 */

type Postings = Record<string, Record<string, object>>;
interface LunrJson {
  version: string;
  fields: string[];
  fieldVectors: [string, number[]][];
  invertedIndex: [string, { _index: number } & Postings][];
  pipeline: string[];
}

export interface PackedIndex {
  readonly version: string;
  readonly fields: string[];
  readonly fieldVectors: [string, number[]][];
  /** [term, termIndex, {field: refs}] */
  readonly terms: [string, number, Record<string, string[]>][];
  readonly pipeline: string[];
}

export function packIndex(json: object): PackedIndex {
  const index = json as LunrJson;
  return {
    version: index.version,
    fields: index.fields,
    fieldVectors: index.fieldVectors.map(([ref, vector]) => [
      ref,
      vector.map((v, i) => (i % 2 === 0 ? v : Math.round(v * 1e4) / 1e4)),
    ]),
    terms: index.invertedIndex.map(([term, posting]) => {
      const fields: Record<string, string[]> = {};
      for (const field of index.fields) {
        const refs = Object.keys(posting[field] ?? {});
        if (refs.length > 0) fields[field] = refs;
      }
      return [term, posting._index, fields];
    }),
    pipeline: index.pipeline,
  };
}

export function unpackIndex(packed: PackedIndex): object {
  return {
    version: packed.version,
    fields: packed.fields,
    fieldVectors: packed.fieldVectors,
    invertedIndex: packed.terms.map(([term, termIndex, fields]) => {
      const posting: Record<string, unknown> = { _index: termIndex };
      for (const field of packed.fields) {
        posting[field] = Object.fromEntries((fields[field] ?? []).map((ref) => [ref, {}]));
      }
      return [term, posting];
    }),
    pipeline: packed.pipeline,
  };
}
