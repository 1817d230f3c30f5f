/**
 * The Kazakh lunr pipeline, shared by the index builder and the query: one normalisation
 * (Latin → Cyrillic, lower-case + Russian-keyboard folding, stop words, stems) applied to
 * every word on both sides, so that whatever the text says and however it is typed, both
 * meet on the same terms.
 */
import lunr from "lunr";
import { fold } from "./fold.ts";
import { isLatin, latinToCyrillic } from "./latin.ts";
import { stems } from "./stemmer.ts";
import { isStopWord } from "./stopwords.ts";
import { tokenize } from "./tokenizer.ts";

/** The folded form of a word as typed: Latin transliterated, lower-cased, Kazakh letters folded. */
export function foldWord(word: string): string {
  return fold(isLatin(word) ? latinToCyrillic(word) : word);
}

/**
 * Typos of the official text (folded), which stays verbatim: each is indexed as the word it
 * means as well, so that the word spelt right finds it — 6.3 `бостанддығынан`, 8.1
 * `бастамамашылық`.
 */
const SOURCE_TYPOS: Readonly<Record<string, string>> = {
  бостанддыгынан: "бостандыгынан",
  бастамамашылык: "бастамашылык",
};

/** Index terms of one word: its stems, or none for a stop word. */
export function normalizeWord(word: string): readonly string[] {
  const folded = foldWord(word);
  if (folded === "" || isStopWord(folded)) return [];
  const meant = SOURCE_TYPOS[folded];
  return meant === undefined ? stems(folded) : [...new Set([...stems(folded), ...stems(meant)])];
}

/** lunr pipeline function: one token in, one token per stem out (none for stop words). */
export const kazakhNormalizer: lunr.PipelineFunction = (token) => {
  const terms = normalizeWord(token.toString());
  if (terms.length === 0) return null;
  return terms.map((term) => token.clone(() => term));
};

const LABEL = "kk-normalize";
/** The pipeline a serialized index names (loading it needs the function registered). */
export const PIPELINE: readonly string[] = [LABEL];
// A serialized index names its pipeline functions; loading it needs them registered (once).
const registry = (lunr.Pipeline as unknown as { registeredFunctions: Record<string, unknown> })
  .registeredFunctions;
if (!(LABEL in registry)) {
  lunr.Pipeline.registerFunction(kazakhNormalizer, LABEL);
}

/** lunr tokenizer over tokenizer.ts (positions kept for lunr's metadata, not stored). */
function kazakhTokenizer(value?: unknown, metadata?: object): lunr.Token[] {
  if (value === null || value === undefined) return [];
  const text = String(value);
  return tokenize(text).map(
    (token, index) =>
      new lunr.Token(token.text, {
        ...metadata,
        position: [token.start, token.length],
        index,
      }),
  );
}

/** Puts the Kazakh tokenizer and pipeline on a builder (call inside `lunr(function () {…})`). */
export function useKazakh(builder: lunr.Builder): void {
  builder.tokenizer = kazakhTokenizer as typeof lunr.tokenizer;
  builder.pipeline.reset();
  builder.pipeline.add(kazakhNormalizer);
  builder.searchPipeline.reset();
  builder.searchPipeline.add(kazakhNormalizer);
}
