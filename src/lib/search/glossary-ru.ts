/**
 * A small reviewed Russian → Kazakh glossary for officers who search in Russian. Keys are
 * Russian word stems (a query word matches when it starts with the stem, so `подарки`,
 * `подарков`, `подарок` all match `подар`); a phrase matches word by word. The Kazakh side is
 * the wording the standards use, in dictionary form.
 */
import { russianFunctionWords } from "./stopwords.ts";

export interface GlossaryEntry {
  /** Russian stems, one per word of the phrase. */
  readonly ru: readonly string[];
  /** Kazakh words searched instead. */
  readonly kk: string;
  /**
   * The Russian word is also a Kazakh loanword of the same meaning that the lessons use
   * (патруль), so it is a word of the index; it is then searched as typed and through the
   * glossary too, instead of as Kazakh only.
   */
  readonly loan?: true;
}

export const russianGlossary: readonly GlossaryEntry[] = [
  { ru: ["конфликт", "интерес"], kk: "мүдделер жанжалы" },
  { ru: ["злоупотреблен", "служебн", "положен"], kk: "қызмет бабы" },
  { ru: ["служебн", "положен"], kk: "қызмет бабы" },
  { ru: ["служебн", "обязанност"], kk: "қызметтік міндеттер" },
  { ru: ["служебн", "полномоч"], kk: "қызметтік өкілеттіктер" },
  { ru: ["служебн", "удостоверен"], kk: "қызметтік куәлік" },
  { ru: ["служебн", "информац"], kk: "қызметтік ақпарат" },
  { ru: ["служебн", "жиль"], kk: "қызметтік тұрғын үй" },
  { ru: ["государствен", "услуг"], kk: "мемлекеттік қызметтер" },
  { ru: ["одн", "окн"], kk: "бір терезеден" },
  // The standards have no procurement clause: public money is бюджеттік қаражат (5.7, 9.6).
  { ru: ["государствен", "закуп"], kk: "бюджеттік қаражат" },
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
  { ru: ["суд"], kk: "сот" },
  { ru: ["семь"], kk: "отбасы отбасылық" },
  { ru: ["семейн"], kk: "отбасылық" },
  { ru: ["ответствен"], kk: "жауапкершілік" },
  { ru: ["злоупотреб"], kk: "қызмет бабы" },
  { ru: ["непотизм"], kk: "туысқандық" },
  { ru: ["сотрудник"], kk: "қызметкер" },
  { ru: ["служебн"], kk: "қызметтік" },
  { ru: ["служб"], kk: "қызмет" },
  { ru: ["полномоч"], kk: "өкілеттік" },
  { ru: ["правонарушен"], kk: "құқық бұзушылық" },
  { ru: ["нарушен"], kk: "бұзушылық" },
  { ru: ["обязанност"], kk: "міндет" },
  { ru: ["уведом"], kk: "хабарлау" },
  { ru: ["информац"], kk: "ақпарат" },
  // Words the standards do not use, led to the wording of the provisions they are about:
  // migration officers give the state services and permits of section 3; extortion is the
  // unlawful demand (8.3) and the provocation for unlawful gain (4.2); the patrol police keep
  // the public order and road safety of section 4 (жол left out: it is mostly «жол бермеу»).
  { ru: ["миграц"], kk: "мемлекеттік қызметтер рұқсат" },
  { ru: ["вымогат"], kk: "заңсыз талап пайда" },
  { ru: ["госзакуп"], kk: "бюджеттік қаражат" },
  { ru: ["закуп"], kk: "бюджеттік қаражат" },
  { ru: ["патрул"], kk: "қоғамдық тәртіп қауіпсіздігі", loan: true },
];

/** A query word, with whether it came from the glossary (then it is not prefix-matched). */
export interface QueryWord {
  readonly word: string;
  readonly fromGlossary: boolean;
}

const CYRILLIC_RUSSIAN_ONLY = /^[а-яё]+$/u;

/**
 * Replaces Russian words and phrases of a query by their Kazakh equivalents and drops Russian
 * function words; other words pass through. Kazakh is never taken for Russian: a key only
 * matches a word written with letters of the Russian alphabet alone that is not a Kazakh word
 * of the index (`isKazakh`), so Kazakh typed on a Russian keyboard (`лицензиялык`,
 * `резервинде`) stays as typed.
 */
export function expandRussian(
  words: readonly string[],
  isKazakh: (word: string) => boolean = () => false,
): QueryWord[] {
  const lower = words.map((w) => w.toLowerCase());
  const letters = lower.map((w) => CYRILLIC_RUSSIAN_ONLY.test(w));
  const kazakh = lower.map((w, i) => letters[i] === true && isKazakh(w));
  const out: QueryWord[] = [];
  let i = 0;
  while (i < lower.length) {
    const entry = russianGlossary.find(
      (e) =>
        e.ru.length <= lower.length - i &&
        e.ru.every(
          (stem, k) =>
            letters[i + k] === true &&
            (kazakh[i + k] !== true || e.loan === true) &&
            (lower[i + k] ?? "").startsWith(stem),
        ),
    );
    if (entry) {
      for (let k = 0; k < entry.ru.length; k++)
        if (kazakh[i + k] === true) out.push({ word: words[i + k] ?? "", fromGlossary: false });
      for (const word of entry.kk.split(" ")) out.push({ word, fromGlossary: true });
      i += entry.ru.length;
      continue;
    }
    if (!(letters[i] === true && !kazakh[i] && russianFunctionWords.has(lower[i] ?? "")))
      out.push({ word: words[i] ?? "", fromGlossary: false });
    i++;
  }
  return out;
}
