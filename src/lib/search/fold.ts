/**
 * Folding for how people type Kazakh on a Russian keyboard: the nine Kazakh-only letters become
 * their nearest Russian letter (ә→а, ғ→г, қ→к, ң→н, ө→о, ұ/ү→у, һ→х, і→и). The index and the
 * query are folded alike, so `сыйлык` and `сыйлық` are the same term. Measured on the standards'
 * text, this merges no two distinct words.
 */

const KAZAKH_TO_RUSSIAN: Record<string, string> = {
  ә: "а",
  ғ: "г",
  қ: "к",
  ң: "н",
  ө: "о",
  ұ: "у",
  ү: "у",
  һ: "х",
  і: "и",
  ё: "е",
};

/**
 * Latin letters that look like Cyrillic ones, by case, as they slip into Cyrillic words:
 * copied from documents that used them for Cyrillic letters, typed on mixed layouts (notably
 * Latin `i` for `і`, which a Russian keyboard lacks), corrected by a phone. The case matters:
 * `H` looks like `Н` but `h` like the Kazakh `һ`.
 */
const LOOKALIKES: Record<string, string> = {
  A: "А",
  B: "В",
  C: "С",
  E: "Е",
  H: "Н",
  I: "І",
  K: "К",
  M: "М",
  O: "О",
  P: "Р",
  T: "Т",
  X: "Х",
  Y: "У",
  a: "а",
  b: "в",
  c: "с",
  e: "е",
  h: "һ",
  i: "і",
  k: "к",
  m: "м",
  o: "о",
  p: "р",
  t: "т",
  x: "х",
  y: "у",
};

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

/**
 * A word that mixes scripts with its Latin look-alikes made Cyrillic (`взяткa` with a Latin
 * `a` → `взятка`), so that it is read as the Cyrillic word it looks like, by the Russian
 * glossary as well. A word of Latin letters only is left alone: it is Kazakh in the Latin
 * alphabet (latin.ts), where `y` is ы and `h` is х.
 */
export function unmixScripts(word: string): string {
  if (!CYRILLIC.test(word) || !LATIN.test(word)) return word;
  let out = "";
  for (const ch of word) out += LOOKALIKES[ch] ?? ch;
  return out;
}

/** Lower-cases and folds one word (Latin look-alikes first made Cyrillic, see unmixScripts). */
export function fold(word: string): string {
  const lower = unmixScripts(word.normalize("NFC")).toLowerCase();
  let out = "";
  for (const ch of lower) out += KAZAKH_TO_RUSSIAN[ch] ?? ch;
  return out;
}
