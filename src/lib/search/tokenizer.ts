/**
 * Unicode-aware tokenizer for Kazakh (and Russian or Latin queries). lunr's default splits on
 * whitespace and hyphens only and its trimmer keeps [A-Za-z0-9_], which erases Cyrillic words;
 * here a token is any run of letters (with combining marks) or digits, so hyphens, guillemets,
 * brackets and punctuation all separate words, and every Kazakh letter is kept.
 */

export interface Token {
  /** The word as written (original case). */
  readonly text: string;
  /** Offset of the first UTF-16 code unit in the source string. */
  readonly start: number;
  /** Length in UTF-16 code units, so that `source.slice(start, start + length)` is the word. */
  readonly length: number;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  for (const match of source.matchAll(WORD)) {
    tokens.push({ text: match[0], start: match.index, length: match[0].length });
  }
  return tokens;
}
