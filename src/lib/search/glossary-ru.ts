/**
 * A small reviewed Russian → Kazakh glossary for officers who search in Russian. Keys are
 * Russian word stems (a query word matches when it starts with the stem, so `подарки`,
 * `подарков`, `подарок` all match `подар`); a phrase matches word by word. The Kazakh side is
 * the wording the standards use, in dictionary form.
 */

export interface GlossaryEntry {
  /** Russian stems, one per word of the phrase. */
  readonly ru: readonly string[];
  /** Kazakh words searched instead. */
  readonly kk: string;
}

export const russianGlossary: readonly GlossaryEntry[] = [
  { ru: ["конфликт", "интерес"], kk: "мүдделер жанжалы" },
  { ru: ["служебн", "удостоверен"], kk: "қызметтік куәлік" },
  { ru: ["служебн", "информац"], kk: "қызметтік ақпарат" },
  { ru: ["служебн", "жиль"], kk: "қызметтік тұрғын үй" },
  { ru: ["государствен", "услуг"], kk: "мемлекеттік қызметтер" },
  { ru: ["одн", "окн"], kk: "бір терезеден" },
  { ru: ["азартн", "игр"], kk: "құмар ойындар" },
  { ru: ["лишен", "свобод"], kk: "бас бостандығынан айыру" },
  { ru: ["чрезвычайн", "ситуац"], kk: "төтенше жағдай" },
  { ru: ["досудебн", "расследован"], kk: "сотқа дейінгі тергеу" },
  { ru: ["оперативно", "розыскн"], kk: "жедел іздестіру" },
  { ru: ["подар"], kk: "сыйлық" },
  { ru: ["взятк"], kk: "пара" },
  { ru: ["взяточ"], kk: "пара" },
  { ru: ["вознагражден"], kk: "сыйақы" },
  { ru: ["коррупц"], kk: "сыбайлас жемқорлық" },
  { ru: ["интерес"], kk: "мүдде" },
  { ru: ["удостоверен"], kk: "куәлік" },
  { ru: ["родствен"], kk: "туыс туысқандық" },
  { ru: ["кумовств"], kk: "туысқандық жерлестік" },
  { ru: ["землячеств"], kk: "жерлестік" },
  { ru: ["трайбализм"], kk: "рулық" },
  { ru: ["руководител"], kk: "басшы" },
  { ru: ["начальник"], kk: "басшы" },
  { ru: ["подчинен"], kk: "қарамағындағы" },
  { ru: ["коллег"], kk: "әріптес" },
  { ru: ["жиль"], kk: "тұрғын үй" },
  { ru: ["жилищ"], kk: "тұрғын үй" },
  { ru: ["компенсац"], kk: "өтемақы" },
  { ru: ["провер"], kk: "тексеріс" },
  { ru: ["предприним"], kk: "кәсіпкерлік" },
  { ru: ["лиценз"], kk: "лицензия" },
  { ru: ["разрешен"], kk: "рұқсат" },
  { ru: ["заявлен"], kk: "арыз өтініш" },
  { ru: ["волокит"], kk: "әуре сарсаң" },
  { ru: ["видеозапис"], kk: "бейнежазба" },
  { ru: ["видеорегистратор"], kk: "бейнежазба" },
  { ru: ["незакон"], kk: "заңсыз" },
  { ru: ["закон"], kk: "заң" },
  { ru: ["доказательств"], kk: "дәлелдеме" },
  { ru: ["наркот"], kk: "есірткі" },
  { ru: ["алкогол"], kk: "алкогольдік ішімдік" },
  { ru: ["имуществ"], kk: "мүлік" },
  { ru: ["краж"], kk: "ұрлау" },
  { ru: ["хищен"], kk: "ұрлау" },
  { ru: ["топлив"], kk: "жанар жағармай" },
  { ru: ["осужден"], kk: "жазасын өтеп жатқан" },
  { ru: ["арест"], kk: "қамауда ұстау" },
  { ru: ["граждан"], kk: "азамат" },
  { ru: ["меритократ"], kk: "меритократия" },
  { ru: ["протекц"], kk: "қамқорлық" },
  { ru: ["покровительств"], kk: "қамқорлық" },
  { ru: ["бюджетн"], kk: "бюджеттік қаражат" },
  { ru: ["сообщ"], kk: "баяндау хабарлау" },
  { ru: ["доклад"], kk: "баяндау" },
  { ru: ["должност"], kk: "лауазым" },
  { ru: ["назначен"], kk: "тағайындау" },
  { ru: ["кадров"], kk: "кадр" },
  { ru: ["резерв"], kk: "резерв" },
  { ru: ["пожар"], kk: "өрт" },
  { ru: ["спасател"], kk: "құтқару" },
];

/** A query word, with whether it came from the glossary (then it is not prefix-matched). */
export interface QueryWord {
  readonly word: string;
  readonly fromGlossary: boolean;
}

const CYRILLIC_RUSSIAN_ONLY = /^[а-яё]+$/u;

/**
 * Replaces Russian words and phrases of a query by their Kazakh equivalents; other words pass
 * through. Kazakh words are never taken for Russian: a key only matches a word written with
 * letters of the Russian alphabet alone, and keys are long enough not to begin Kazakh words
 * of the standards.
 */
export function expandRussian(words: readonly string[]): QueryWord[] {
  const lower = words.map((w) => w.toLowerCase());
  const out: QueryWord[] = [];
  let i = 0;
  while (i < lower.length) {
    const entry = russianGlossary.find(
      (e) =>
        e.ru.length <= lower.length - i &&
        e.ru.every((stem, k) => {
          const word = lower[i + k] ?? "";
          return CYRILLIC_RUSSIAN_ONLY.test(word) && word.startsWith(stem);
        }),
    );
    if (entry) {
      for (const word of entry.kk.split(" ")) out.push({ word, fromGlossary: true });
      i += entry.ru.length;
    } else {
      out.push({ word: words[i] ?? "", fromGlossary: false });
      i++;
    }
  }
  return out;
}
