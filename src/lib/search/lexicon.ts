/**
 * The reviewed word lists of the stemmer (stemmer.ts has the rules): what rules alone cannot
 * tell, measured on the standards and the lessons. All forms are folded (see fold.ts).
 */

/** Stems the dropped vowel comes back to (folded): орны → орын, халқы → халық, мүлкі → мүлік. */
export const VOWEL_DROP: Readonly<Record<string, string>> = {
  орн: "орын",
  халк: "халык",
  мулк: "мулик",
  ауз: "ауыз",
  мурн: "мурын",
  ерн: "ерин",
  ерк: "ерик",
};

/**
 * Dictionary forms (folded) whose ending only looks like inflection: stripping stops there,
 * and shorter stems reached through them are dropped. Reviewed on the standards and lessons:
 * құнды "valuable" is not құн+ды (and would meet күні "his day" once folded), басқа "other"
 * is not бас+қа, пайда "benefit" not пай+да, жақын "close" not жақ+ын, жан-жақты not жақ+ты,
 * барыс "course" not бар+ыс, бәрі "all" not бар+і, тұрыс (жүріс-тұрыс) and тұрған not тұр,
 * тартыс "conflict" not тарт+ыс, ойын "game" not ой+ын, мүдде "interest" not мүд+де, дейін
 * "until", кейін "after", бұрын "before" not дей/кей/бұр + ін.
 */
export const LEXICON: ReadonlySet<string> = new Set([
  "кунды",
  "баска",
  "пайда",
  "жакын",
  "жакты",
  "барыс",
  "бари",
  "турыс",
  "турган",
  "ойын",
  "мудде",
  "дейин",
  "кейин",
  "бурын",
  "тартыс",
  // Nouns and adverbs in -ым/-ім/-м of four letters or more before it, which the 1st person
  // possessive would strip (stemmer.ts firstPersonBase): every such word of the standards and
  // lessons. келісім "agreement" would meet келісті "agreed", шақырым "kilometre" шақырды
  // "called", көктем "spring" көк "blue" (көкте+м), жылдам "quick" жыл "year" (жылда+м); the
  // others would only lose their ending (лауазым → лауаз).
  "айналым",
  "ардайым",
  "жылдам",
  "карапайым",
  "келисим",
  "когам",
  "коктем",
  "колем",
  "лауазым",
  "мерзим",
  "толем",
  "устаным",
  "шакырым",
]);

/** The only two-letter stems: іс "matter, deed", ие "owner", үй "house", ұл "son" (ұлына). */
export const SHORT_STEMS: ReadonlySet<string> = new Set(["ис", "ие", "уй", "ул"]);
