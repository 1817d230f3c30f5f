/**
 * Kazakh in the 2021 Latin alphabet (and the plain-ASCII ways people type it) → Cyrillic.
 * The result is folded afterwards like any other word, so letters that folding merges anyway
 * (ы/і typed as y/i, ү/ұ as u) need no guessing.
 *
 * 2021 alphabet: A Ä B D E F G Ğ H I(ı)=і İ(i)=и/й J K L M N Ñ O Ö P Q R S Ş T U Ū Ü V Y=ы Z,
 * plus the digraphs earlier drafts and keyboards without diacritics use (sh, zh, ch).
 */

const DIGRAPHS: [string, string][] = [
  ["sh", "ш"],
  ["zh", "ж"],
  ["ch", "ч"],
  ["gh", "ғ"],
  ["kh", "х"],
];

const LETTERS: Record<string, string> = {
  a: "а",
  ä: "ә",
  á: "ә",
  b: "б",
  c: "с",
  ç: "ч",
  d: "д",
  e: "е",
  f: "ф",
  g: "г",
  ğ: "ғ",
  ǵ: "ғ",
  h: "х",
  ı: "і",
  j: "ж",
  k: "к",
  l: "л",
  m: "м",
  n: "н",
  ñ: "ң",
  ń: "ң",
  o: "о",
  ö: "ө",
  ó: "ө",
  p: "п",
  q: "қ",
  r: "р",
  s: "с",
  ş: "ш",
  t: "т",
  u: "у",
  ū: "ұ",
  ú: "ұ",
  ü: "ү",
  v: "в",
  w: "у",
  x: "х",
  y: "ы",
  ý: "у",
  z: "з",
};

const VOWELS = new Set([..."aäáeıioöóuūúüyý"]);

/** True when the word is written in Latin letters (and so needs transliteration). */
export function isLatin(word: string): boolean {
  return /^[\p{Script=Latin}\p{M}\p{N}]+$/u.test(word) && /\p{Script=Latin}/u.test(word);
}

/**
 * Transliterates one Latin-script Kazakh word to Cyrillic. `i` after a vowel is `й`
 * (`syilyq` → `сыйлық`, `üi` → `үй`); `ia`/`iu` after a consonant are `ия`/`ию`
 * (`meritokratia` → `меритократия`, `lisenzia` → `лисензия`) and word-initially `я`/`ю`
 * (`iağni` → `яғни`); any other `i` is `и`/`і` (the fold makes them one letter). The capital `İ` is taken as `i` before lower-casing, which would
 * otherwise leave a combining dot after it. `ng` is left as н+г: it is ambiguous (`tangy`), and
 * the 2021 alphabet writes ң as ñ.
 */
export function latinToCyrillic(word: string): string {
  const lower = word.normalize("NFC").replace(/İ/gu, "i").toLowerCase();
  let out = "";
  for (let i = 0; i < lower.length; i++) {
    const pair = lower.slice(i, i + 2);
    const digraph = DIGRAPHS.find(([latin]) => latin === pair);
    if (digraph) {
      out += digraph[1];
      i++;
      continue;
    }
    const ch = lower[i] ?? "";
    if (ch === "i") {
      const previous = lower[i - 1];
      const afterVowel = previous !== undefined && VOWELS.has(previous) && previous !== "i";
      const next = lower[i + 1];
      if (afterVowel) out += "й";
      else if (next === "a" || next === "u") {
        // word-initially the letter я/ю itself (iağni → яғни), after a consonant и + я/ю
        out += (previous === undefined ? "" : "и") + (next === "a" ? "я" : "ю");
        i++;
      } else out += "и";
      continue;
    }
    out += LETTERS[ch] ?? ch;
  }
  return out;
}
