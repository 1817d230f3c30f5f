// A relevance set written blind by an auditor from reading content/standards/source.kk.txt,
// before the engine was tuned on it (it then scored recall@5 0.821: Latin 0.50, Russian 0.54,
// typo 0.60). Reviewed: every expected clause does contain the sought word or its meaning;
// `4` is section 4's lead sentence, which the index holds since. Kept as written, queries and
// expectations alike. The engine has since been improved against these queries, so they no
// longer measure unseen queries; they stay as a regression set.
import type { Kind } from "./relevance-set.ts";

export const heldOutSet: readonly (readonly [Kind, string, readonly string[]])[] = [
  // inflected and dictionary forms that differ from the text's forms
  ["dictionary", "сыйлықты", ["2.5", "2.9", "2.10"]],
  ["dictionary", "басшыға", ["5.1"]],
  ["dictionary", "тәртіп", ["2.7", "4"]],
  ["dictionary", "куәлігі", ["4.1"]],
  ["dictionary", "өтініш", ["2.7", "5.3", "8.3"]],
  ["dictionary", "мерзім", ["3.2", "9.3"]],
  ["dictionary", "арыз", ["3.2", "3.3", "3.5", "3.7"]],
  ["dictionary", "құжат", ["3.2", "3.5", "3.6", "5.4", "8.7"]],
  ["dictionary", "жұбайы", ["2.12"]],
  ["dictionary", "бала", ["2.12"]],
  ["dictionary", "өкім", ["2.15", "10.5"]],
  ["dictionary", "жүктеме", ["10.3"]],
  ["dictionary", "ойын", ["10.12"]],
  ["dictionary", "қамау", ["6.2", "6.3"]],
  ["dictionary", "жауапкершілік", ["4.6", "5.5"]],
  ["dictionary", "бюджет", ["5.7", "9.6"]],
  ["dictionary", "іс", ["2.4", "2.8"]],
  ["dictionary", "ие", ["3.3", "3.5"]],
  // phrases
  ["phrase", "кәсіпкерлік субъектілері", ["2.21", "8.6", "8.7"]],
  ["phrase", "сот төрелігі", ["5.5"]],
  ["phrase", "бағалы заттар", ["7.4"]],
  ["phrase", "өрт техникасы", ["7.1"]],
  ["phrase", "бас бостандығы", ["6.2", "6.3"]],
  ["phrase", "қызмет бабы", ["10.6"]],
  ["phrase", "жақын туыстар", ["2.12"]],
  ["phrase", "жеке қызығушылық", ["2.5", "2.6", "7.2"]],
  // Russian keyboard
  ["russian-keyboard", "кызметтик куалик", ["4.1"]],
  ["russian-keyboard", "мулик", ["2.22", "7.3"]],
  ["russian-keyboard", "окилеттик", ["2.10", "10.2"]],
  ["russian-keyboard", "жауапкершилик", ["4.6", "5.5"]],
  ["russian-keyboard", "ишимдик", ["5.6"]],
  ["russian-keyboard", "кадрлык резерв", ["9.2"]],
  // Latin (2021)
  ["latin", "lisenzia", ["3.2", "3.3", "3.5", "3.6"]],
  ["latin", "polisia", ["1"]],
  ["latin", "konstitusia", ["2.2"]],
  ["latin", "syiaqy", ["6.2"]],
  ["latin", "paidakünemdık", ["2.6", "8.6"]],
  ["latin", "qamauda ūstau", ["6.2", "6.3"]],
  ["latin", "tekserıs", ["8.2"]],
  // Russian
  ["russian", "суд", ["5.5"]],
  ["russian", "служебная информация", ["2.11", "2.22"]],
  ["russian", "семья", ["2.12"]],
  ["russian", "ответственность", ["4.6", "5.5"]],
  ["russian", "доказательства", ["5.4", "5.8"]],
  ["russian", "проверка предпринимателей", ["8.6", "8.7"]],
  ["russian", "незаконное вознаграждение", ["6.2"]],
  ["russian", "пожарная техника", ["7.1"]],
  ["russian", "злоупотребление служебным положением", ["10.6"]],
  // typos
  ["typo", "бастамашылық", ["8.1"]],
  ["typo", "әріптестерне", ["2.9"]],
  ["typo", "лауазмға", ["9.2", "9.3"]],
  ["typo", "өтемақсы", ["9.6"]],
  // prefix
  ["prefix", "арандат", ["4.2"]],
  ["prefix", "қамқор", ["2.20", "9.5"]],
  ["prefix", "психотр", ["5.6"]],
  ["prefix", "меритократия қағ", ["9.1", "10.1"]],
];
