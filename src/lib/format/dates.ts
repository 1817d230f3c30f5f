// Dates as people in Kazakhstan write them, the same in every browser: browsers' own Kazakh
// formats differ (Chromium gives `2027-12-07` where a Kazakh reader expects `07.12.2027`), and
// a certificate or a due date must read the same on every device. Local time of the device.

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

const two = (n: number) => String(n).padStart(2, "0");

/** `07.12.2027`, the numeric form both languages use. */
export function numericDate(date: Date): string {
  return `${two(date.getDate())}.${two(date.getMonth() + 1)}.${date.getFullYear()}`;
}

/** `07.12.2027, 14:05`. */
export function numericDateTime(date: Date): string {
  return `${numericDate(date)}, ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** `2027 жылғы 7 желтоқсан` or `7 декабря 2027 г.`, for documents such as certificates. */
export function longDate(date: Date, lang: string): string {
  const day = date.getDate();
  const year = date.getFullYear();
  if (lang === "ru") return `${day} ${RU_MONTHS[date.getMonth()]} ${year} г.`;
  return `${year} жылғы ${day} ${KK_MONTHS[date.getMonth()]}`;
}
