// Near-duplicate stems (rule R7). Kazakh is agglutinative: a word's root comes first and the
// suffixes pile up behind it (қызмет, қызметкер, қызметкердің, қызметтік). Cutting every word to
// its first STEM_LENGTH letters is a crude but predictable stemmer; short words (mostly
// particles and postpositions: не, мен, да, ол) carry no situation and are dropped. Two stems are
// near-duplicates when the Jaccard index of their stem sets reaches NEAR_DUPLICATE.

export const STEM_LENGTH = 5;
export const MIN_WORD_LENGTH = 3;
export const NEAR_DUPLICATE = 0.5;

export function stemSet(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= MIN_WORD_LENGTH)
      .map((w) => w.slice(0, STEM_LENGTH)),
  );
}

/** |A ∩ B| / |A ∪ B|; 0 for two empty sets. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  const union = a.size + b.size - common;
  return union === 0 ? 0 : common / union;
}
