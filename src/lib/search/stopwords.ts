/**
 * Kazakh function words that carry no meaning for search: conjunctions, postpositions,
 * pronouns and particles frequent in the standards. Content words are never listed, however
 * frequent (`қызметкер`, `жол бермеу`), because people do search for them.
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
  "бір",
  "ғана",
  "егер",
  "ал",
  "мұндай",
  "сол",
  "әрі",
  "бұдан",
  "тиіс",
  "мүмкін",
];

/** Folded stop words, so that `ушин` (typed on a Russian keyboard) is a stop word too. */
export const stopWords: ReadonlySet<string> = new Set(WORDS.map(fold));

export function isStopWord(folded: string): boolean {
  return stopWords.has(folded);
}
