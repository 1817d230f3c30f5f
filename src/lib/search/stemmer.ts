/**
 * A light Kazakh stemmer working on folded words (see fold.ts), so that a query typed on a
 * Russian keyboard stems exactly like the text. It strips inflection only — case, possessive
 * and plural endings in all their vowel-harmony and consonant variants — and undoes final
 * voicing (сыйлығы → сыйлық, кітабы → кітап) and the few vowel drops of the text (орны → орын).
 * Meaning-bearing suffixes stay: negation -ма/-ме (бермеу ≠ беру), -сыз (заңсыз ≠ заң),
 * derivational -лық/-лік, -шы/-ші.
 *
 * Suffix stripping without a lexicon is ambiguous (органы = орган+ы or орга+ны), so the
 * stemmer returns every stem reachable by stripping valid endings until none applies. The
 * index holds all of them and a query matches any: whatever an inflected word is, the stems of
 * its dictionary form are among its own stems, because stripping the inflection passes
 * through the dictionary form.
 */

const VOWEL = /[аеиоуыэюя]/u;
const VOWEL_END = /[аеиоуыэюя]$/u;
const POSSESSIVE_END = /[ыи]$/u;

interface Rule {
  readonly suffix: string;
  /** Extra condition on what remains before the suffix. */
  readonly after?: RegExp;
}

const rule = (suffixes: string, after?: RegExp): Rule[] =>
  suffixes.split(" ").map((suffix) => (after ? { suffix, after } : { suffix }));

/** Every inflectional ending, folded (ә→а, і→и, ғ→г, қ→к, ң→н, ө→о, ұ/ү→у). */
const RULES: readonly Rule[] = [
  // locative-attributive -дағы/-дегі/-тағы/-тегі, -ндағы/-ндегі after a possessive
  ...rule("дагы деги тагы теги"),
  ...rule("ндагы ндеги", POSSESSIVE_END),
  // instrumental
  ...rule("менен мен бен пен"),
  // genitive
  ...rule("дын дин тын тин"),
  ...rule("нын нин", /[аеиоуыэюямн]$/u),
  // ablative
  ...rule("дан ден тан тен"),
  ...rule("нан нен", /[аеиоуыэюямн]$/u),
  // locative
  ...rule("да де та те"),
  ...rule("нда нде", POSSESSIVE_END),
  // dative
  ...rule("га ге ка ке"),
  ...rule("на не", POSSESSIVE_END),
  // accusative
  ...rule("ды ди ты ти"),
  ...rule("ны ни", VOWEL_END),
  ...rule("н", POSSESSIVE_END),
  // 3rd person possessive
  ...rule("сы си", VOWEL_END),
  // after a consonant, or after у, which behaves as one (сақтау → сақтауы)
  ...rule("ы и", /(?:[^аеиоыэюя]|у)$/u),
  // plural
  ...rule("лар лер дар дер тар тер"),
];

/** Stems the dropped vowel comes back to (folded): орны → орын, халқы → халық, мүлкі → мүлік. */
const VOWEL_DROP: Record<string, string> = {
  орн: "орын",
  халк: "халык",
  мулк: "мулик",
  ауз: "ауыз",
  мурн: "мурын",
  ерн: "ерин",
  ерк: "ерик",
};

const MIN_STEM = 3;

function valid(stem: string): boolean {
  return stem.length >= MIN_STEM && VOWEL.test(stem);
}

/** Final voicing alternation: a stem never ends in г/б in its dictionary form. */
function devoice(stem: string): string {
  if (stem.endsWith("г")) return `${stem.slice(0, -1)}к`;
  if (stem.endsWith("б")) return `${stem.slice(0, -1)}п`;
  return stem;
}

function collect(word: string, out: Set<string>, seen: Set<string>): void {
  if (seen.has(word)) return;
  seen.add(word);
  let stripped = false;
  for (const { suffix, after } of RULES) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, -suffix.length);
    if (!valid(stem) || (after && !after.test(stem))) continue;
    stripped = true;
    collect(stem, out, seen);
  }
  if (stripped) return;
  const restored = VOWEL_DROP[word];
  if (restored) {
    out.add(restored);
    collect(restored, out, seen);
    return;
  }
  out.add(devoice(word));
}

const cache = new Map<string, readonly string[]>();

/** All stems of a folded, lower-cased word (one for most words), shortest first. */
export function stems(folded: string): readonly string[] {
  const hit = cache.get(folded);
  if (hit) return hit;
  let result: readonly string[];
  if (/\p{N}/u.test(folded) || !/[\u0400-\u04ff]/u.test(folded)) result = [folded];
  else {
    const out = new Set<string>();
    collect(folded, out, new Set());
    result = [...out].sort((a, b) => a.length - b.length || a.localeCompare(b));
  }
  if (cache.size < 20_000) cache.set(folded, result);
  return result;
}

/** The main stem: the shortest one. */
export function stem(folded: string): string {
  return stems(folded)[0] ?? folded;
}
