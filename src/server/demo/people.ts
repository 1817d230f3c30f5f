// Names for demo data: common Kazakh given names and surnames, combined deterministically.
export const MALE = [
  "Ерлан",
  "Дәурен",
  "Мақсат",
  "Асқар",
  "Нұрлан",
  "Бауыржан",
  "Ержан",
  "Дамир",
  "Қайрат",
  "Арман",
  "Серік",
  "Тимур",
  "Әділет",
  "Жандос",
  "Ғалым",
];
export const FEMALE = [
  "Айгүл",
  "Гүлназ",
  "Әйгерім",
  "Мадина",
  "Жанар",
  "Динара",
  "Салтанат",
  "Ақмарал",
  "Аружан",
  "Гүлмира",
  "Назерке",
  "Мөлдір",
];
const SURNAMES = [
  "Сейітов",
  "Ахметов",
  "Нұрланов",
  "Омаров",
  "Жақсылықов",
  "Тоқтаров",
  "Сәрсенов",
  "Қасымов",
  "Бекмұхамбетов",
  "Әбілов",
  "Исаев",
  "Мұратов",
  "Жұмабаев",
  "Оспанов",
];

/** The n-th demo person's full name (female surnames take -а). */
export function demoName(n: number): string {
  const female = n % 3 === 1;
  const given = female ? FEMALE[n % FEMALE.length] : MALE[n % MALE.length];
  const surname = SURNAMES[(n * 7) % SURNAMES.length] ?? "Сейітов";
  return `${surname}${female ? "а" : ""} ${given}`;
}
