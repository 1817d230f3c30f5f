/**
 * Kazakh function words that carry no meaning for search: conjunctions, postpositions,
 * pronouns and particles frequent in the standards. Content words are never listed, however
 * frequent (`қызметкер`, `жол бермеу`), because people do search for them, nor words that carry
 * meaning in a phrase: `бір` («бір терезеден беру»), the modal `тиіс` "must" and `мүмкін` "may".
 */
import { fold } from "./fold.ts";

const WORDS = [
  "және",
  "мен",
  "бен",
  "пен",
  "немесе",
  "не",
  "да",
  "де",
  "та",
  "те",
  "үшін",
  "туралы",
  "бойынша",
  "арқылы",
  "бұл",
  "осы",
  "ол",
  "оның",
  "олар",
  "олардың",
  "оларды",
  "оған",
  "өз",
  "өзі",
  "өзінің",
  "өзін",
  "оны",
  "өзге",
  "сондай",
  "ақ",
  "болмаса",
  "ретінде",
  "қандай",
  "ғана",
  "егер",
  "ал",
  "мұндай",
  "сол",
  "әрі",
  "бұдан",
];

/** Folded stop words, so that `ушин` (typed on a Russian keyboard) is a stop word too. */
export const stopWords: ReadonlySet<string> = new Set(WORDS.map(fold));

export function isStopWord(folded: string): boolean {
  return stopWords.has(folded);
}

/**
 * Russian function words, dropped from Russian queries instead of going through the Kazakh
 * stemmer (`о`, `по`, `для` mean nothing to it). The query drops one only when it is not a word
 * of the index, so a Kazakh `он` ("ten", or оң typed without ң) is kept.
 */
const RUSSIAN = [
  "а",
  "без",
  "бы",
  "в",
  "во",
  "вы",
  "где",
  "для",
  "до",
  "его",
  "ее",
  "её",
  "если",
  "есть",
  "же",
  "за",
  "и",
  "из",
  "или",
  "их",
  "к",
  "как",
  "ко",
  "который",
  "которые",
  "ли",
  "мы",
  "на",
  "над",
  "не",
  "ни",
  "но",
  "о",
  "об",
  "он",
  "она",
  "они",
  "от",
  "по",
  "под",
  "при",
  "про",
  "с",
  "со",
  "также",
  "то",
  "у",
  "что",
  "чтобы",
  "это",
  "я",
];

export const russianFunctionWords: ReadonlySet<string> = new Set(RUSSIAN);
