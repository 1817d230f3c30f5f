// Dates written out in words, for documents such as certificates (see dates.ts for why the
// browser's own formats are not used). Apart from dates.ts so that pages which only show
// numeric dates do not carry the month names.

const KK_MONTHS = [
  "қаңтар",
  "ақпан",
  "наурыз",
  "сәуір",
  "мамыр",
  "маусым",
  "шілде",
  "тамыз",
  "қыркүйек",
  "қазан",
  "қараша",
  "желтоқсан",
];
// Russian months in the genitive, as a date needs them: «7 декабря».
const RU_MONTHS = [
  "января",
  "февраля",
  "марта",
  "апреля",
  "мая",
  "июня",
  "июля",
  "августа",
  "сентября",
  "октября",
  "ноября",
  "декабря",
];

/** `2027 жылғы 7 желтоқсан` or `7 декабря 2027 г.`, for documents such as certificates. */
export function longDate(date: Date, lang: string): string {
  const day = date.getDate();
  const year = date.getFullYear();
  if (lang === "ru") return `${day} ${RU_MONTHS[date.getMonth()]} ${year} г.`;
  return `${year} жылғы ${day} ${KK_MONTHS[date.getMonth()]}`;
}
