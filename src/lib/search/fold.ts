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
 * Latin letters that look like Cyrillic ones, as they slip into Cyrillic words typed on mixed
 * layouts (notably Latin `i` for `і`, which a Russian keyboard lacks).
 */
const LOOKALIKES: Record<string, string> = {
  a: "а",
  c: "с",
  e: "е",
  i: "и",
  k: "к",
  m: "м",
  o: "о",
  p: "р",
  t: "т",
  x: "х",
  y: "у",
  h: "н",
  b: "в",
};

const CYRILLIC = /\p{Script=Cyrillic}/u;

/** Lower-cases and folds one word; Latin look-alikes are mapped only inside Cyrillic words. */
export function fold(word: string): string {
  const lower = word.normalize("NFC").toLowerCase();
  const mixed = CYRILLIC.test(lower);
  let out = "";
  for (const ch of lower) {
    out += KAZAKH_TO_RUSSIAN[ch] ?? (mixed ? (LOOKALIKES[ch] ?? ch) : ch);
  }
  return out;
}
