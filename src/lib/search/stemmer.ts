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
 *
 * An ending is only stripped where Kazakh would have written it: each variant after the
 * sounds it follows (-ды after voiced sounds, -ты after voiceless ones, -ны after vowels, -на
 * after a possessive), never against vowel harmony where folding kept it visible (е/і front,
 * ы back), never leaving a stem that ends in д or in a doubled consonant (no Kazakh word does:
 * адамдарды is not адамдард+ы). What rules cannot tell apart, a short reviewed list does: words
 * whose ending only looks inflected (пайда is not пай+да, жақын is not жақ+ын).
 */

import { LEXICON, SHORT_STEMS, VOWEL_DROP } from "./lexicon.ts";

const VOWEL = /[аеиоуыэюяё]/u;

/** What may precede an ending: the folded letters it follows. */
const VOWELS = "аеиоыэюяё";
/** Voiced consonants and sonorants; у counts as a consonant (сақтау+ы, сақтау+ды). */
const VOICED = "лмнрйузж";
const VOICELESS = "кпстшфхцчщбвгд";
/** Vowels a 1st person -м/-мыз may follow (see RULES). */
const OPEN_VOWELS = "аеоэюяё";
/** The 3rd person possessive (-ы/-і, -сы/-сі) ends the stem before the n-endings. */
const POSSESSIVE = "ыи";
const CONSONANTS = VOICED + VOICELESS;

interface Rule {
  readonly suffix: string;
  /** Letters the stem may end in before this ending. */
  readonly after: string;
  /** Whether the ending follows vowel harmony (the instrumental -мен/-бен/-пен does not). */
  readonly harmony: boolean;
  /** A further condition on the stem left: the n-endings (-ның, -нда, -на, -н) need a real
   * possessive before them. */
  readonly needs: ((stem: string) => boolean) | null;
}

const rule = (
  suffixes: string,
  after: string,
  { harmony = true, needs = null }: Partial<Pick<Rule, "harmony" | "needs">> = {},
): Rule[] => suffixes.split(" ").map((suffix) => ({ suffix, after, harmony, needs }));

/** Every inflectional ending, folded (ә→а, і→и, ғ→г, қ→к, ң→н, ө→о, ұ/ү→у). */
const RULES: readonly Rule[] = [
  // locative-attributive -дағы/-тағы, -ндағы after a possessive
  ...rule("дагы деги", VOWELS + VOICED),
  ...rule("тагы теги", VOICELESS),
  ...rule("ндагы ндеги", POSSESSIVE, { needs: endsInPossessive }),
  // attributive -ғы/-гі after ң/н (дейінгі, бұрынғы, соңғы)
  ...rule("гы ги", "н"),
  // instrumental
  ...rule("менен мен", `${VOWELS}лмнрйу`, { harmony: false }),
  ...rule("бен", "зж", { harmony: false }),
  ...rule("пен", VOICELESS, { harmony: false }),
  // genitive
  ...rule("нын нин", `${VOWELS}мн`),
  ...rule("дын дин", "лрйузж"),
  ...rule("тын тин", VOICELESS),
  // ablative
  ...rule("дан ден", `${VOWELS}лрйузж`),
  ...rule("нан нен", "мн"),
  ...rule("нан нен", POSSESSIVE, { needs: endsInPossessive }),
  ...rule("тан тен", VOICELESS),
  // locative
  ...rule("да де", VOWELS + VOICED),
  ...rule("та те", VOICELESS),
  ...rule("нда нде", POSSESSIVE, { needs: endsInPossessive }),
  // dative
  ...rule("га ге", VOWELS + VOICED),
  ...rule("ка ке", VOICELESS),
  ...rule("на не", POSSESSIVE, { needs: endsInPossessive }),
  // accusative
  ...rule("ны ни", VOWELS),
  ...rule("ды ди", VOICED),
  ...rule("ты ти", VOICELESS),
  ...rule("н", POSSESSIVE, { needs: endsInPossessive }),
  // 3rd person possessive; polite 2nd person -ңыз/-ңіз (the lessons address the reader)
  ...rule("сы си", VOWELS),
  ...rule("ы и", CONSONANTS),
  ...rule("ыныз иниз", CONSONANTS),
  ...rule("ныз низ", VOWELS),
  // 1st person -ым/-ім, -ымыз/-іміз (after a vowel -м, -мыз); ы/і are left out of "after a
  // vowel" because a stem ending in them (сыйақы) is stripped to its consonant anyway. The
  // informal 2nd person -ың/-ің folds to -ын/-ін, which -ы + accusative -н already strips.
  ...rule("ым им ымыз имиз", CONSONANTS, { needs: firstPersonBase }),
  ...rule("м мыз миз", OPEN_VOWELS, { needs: firstPersonBase }),
  // dative after the 1st person singular, -ыма/-іме only: after a vowel stem -ма/-ме is also
  // the negation of a verb (жасама "do not do"), which must stay apart from its verb.
  ...rule("а е", "м", { needs: endsInFirstPerson }),
  // plural
  ...rule("лар лер", `${VOWELS}руй`),
  ...rule("дар дер", "лмнзж"),
  ...rule("тар тер", VOICELESS),
];

const MIN_STEM = 3;
const FIRST_PERSON_MIN_STEM = 4;
const FRONT = /[еиэ]/u;
const BACK = /ы/u;
const LAST_VOWEL = /([аеиоуыэюяё])[^аеиоуыэюяё]*$/u;

/**
 * Whether a stem before an n-ending (-ның, -нда, -на, -н, …) really ends in a possessive:
 * -ы/-і after a consonant or -сы/-сі after a vowel (заңның is заң+ның, not заңны+ң). What comes
 * before the possessive may be a two-letter root (аты+на, ұлы+на) or a bound one (алды+нда).
 */
function endsInPossessive(stem: string): boolean {
  if (!POSSESSIVE.includes(stem.at(-1) ?? "")) return false;
  const rest = stem.slice(0, -1);
  if (rest.length >= 2 && VOWEL.test(rest) && CONSONANTS.includes(rest.at(-1) ?? ""))
    return !doubled(rest);
  const beforeSy = stem.slice(0, -2);
  return rest.endsWith("с") && valid(beforeSy) && VOWELS.includes(beforeSy.at(-1) ?? "");
}

/**
 * Whether a stem may carry a 1st person possessive: four letters or more. -ым/-ім/-м also make nouns of three-letter verbs — шеш-ім
 * "decision", біл-ім "knowledge", бөл-ім "department", тый-ым "ban" — and reading them as
 * possessives would merge them with the verb's forms (бөлім with болды "was"), and the
 * two-letter roots would take ұйым "organisation" for үй+ім "my house"; searching for "my"
 * forms of such short nouns is rare. Longer -ым/-ім/-м nouns are listed in LEXICON. What is
 * left is stripped further like any word (not only of a plural, as Kazakh order would have
 * it), so that a dictionary form the rules over-strip still meets its "my" forms: Қазақстан
 * gives қазақс (+тан), and so must Қазақстанымыз.
 */
function firstPersonBase(stem: string): boolean {
  return stem.length >= FIRST_PERSON_MIN_STEM;
}

/** Whether a stem ends in a 1st person singular possessive after a consonant (міндетім). */
function endsInFirstPerson(stem: string): boolean {
  const base = stem.slice(0, -2);
  return (
    (stem.endsWith("ым") || stem.endsWith("им")) &&
    CONSONANTS.includes(base.at(-1) ?? "") &&
    firstPersonBase(base) &&
    valid(base)
  );
}

function doubled(stem: string): boolean {
  const last = stem.at(-1) ?? "";
  return stem.at(-2) === last && !VOWEL.test(last);
}

function valid(stem: string, strict = true): boolean {
  if (SHORT_STEMS.has(stem)) return true;
  if (stem.length < MIN_STEM || !VOWEL.test(stem)) return false;
  if (!strict) return true;
  // No Kazakh word ends in д (it devoices to т) or in a doubled consonant.
  return !stem.endsWith("д") && !doubled(stem);
}

/** False when the ending's vowel clashes with the stem's last vowel (only е/і/ы tell). */
function harmonious(stem: string, suffix: string): boolean {
  const stemVowel = LAST_VOWEL.exec(stem)?.[1] ?? "";
  const suffixVowel = VOWEL.exec(suffix)?.[0] ?? "";
  if (suffixVowel === "") return true;
  const suffixFront = suffixVowel === "е" || suffixVowel === "и";
  if (FRONT.test(stemVowel) && !suffixFront) return false;
  if (BACK.test(stemVowel) && suffixFront) return false;
  return true;
}

/** Final voicing alternation: a stem never ends in г/б in its dictionary form. */
function devoice(stem: string): string {
  if (stem.endsWith("г")) return `${stem.slice(0, -1)}к`;
  if (stem.endsWith("б")) return `${stem.slice(0, -1)}п`;
  return stem;
}

interface Walk {
  readonly out: Set<string>;
  readonly seen: Set<string>;
  /** Listed dictionary forms reached. */
  readonly kept: Set<string>;
  /** Whether endings must follow the sound and harmony conditions (false for typo recovery). */
  readonly strict: boolean;
}

function collect(word: string, walk: Walk): void {
  const { out, seen, kept, strict } = walk;
  if (seen.has(word)) return;
  seen.add(word);
  const dictionary = devoice(word);
  if (LEXICON.has(dictionary)) {
    kept.add(dictionary);
    out.add(dictionary);
    return;
  }
  let stripped = false;
  for (const { suffix, after, harmony, needs } of RULES) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, -suffix.length);
    if (!valid(stem, strict)) continue;
    if (strict) {
      if (!after.includes(stem.at(-1) ?? "")) continue;
      if (needs !== null && !needs(stem)) continue;
      if (harmony && !harmonious(stem, suffix)) continue;
    }
    stripped = true;
    collect(stem, walk);
  }
  if (stripped) return;
  const restored = VOWEL_DROP[word];
  if (restored) {
    out.add(restored);
    collect(restored, walk);
    return;
  }
  out.add(dictionary);
}

function reach(folded: string, strict: boolean): string[] {
  if (/\p{N}/u.test(folded) || !/[\u0400-\u04ff]/u.test(folded)) return [folded];
  const state: Walk = { out: new Set(), seen: new Set(), kept: new Set(), strict };
  collect(folded, state);
  const kept = [...state.kept];
  // A listed word's own stem wins over the shorter ones stripping it would give.
  return [...state.out]
    .filter((s) => state.kept.has(s) || !kept.some((k) => k.length > s.length && k.startsWith(s)))
    .sort((a, b) => a.length - b.length || a.localeCompare(b));
}

const cache = new Map<string, readonly string[]>();

/** All stems of a folded, lower-cased word (one for most words), shortest first. */
export function stems(folded: string): readonly string[] {
  const hit = cache.get(folded);
  if (hit) return hit;
  const result = reach(folded, true);
  if (cache.size < 20_000) cache.set(folded, result);
  return result;
}

/**
 * Stems as if every ending could follow anything (and any stem were possible): for a query
 * word that matches nothing, so that a typo in the ending (әріптестерне for әріптестеріне) or
 * just before it (өтемакқы) still leads to its word.
 */
export function looseStems(folded: string): readonly string[] {
  return reach(folded, false);
}
