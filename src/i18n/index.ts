import { kk, type MessageKey } from "./kk.ts";
import { ru } from "./ru.ts";

export type Locale = "kk" | "ru";
export type { MessageKey };

export const locales: readonly Locale[] = ["kk", "ru"];
export const dictionaries: Record<Locale, Record<MessageKey, string>> = { kk, ru };

/** Translator for one locale; `{name}` placeholders are filled from `params`. */
export function translator(locale: Locale) {
  const dict = dictionaries[locale];
  return (key: MessageKey, params: Record<string, string | number> = {}): string =>
    dict[key].replace(/\{(\w+)\}/gu, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Path prefix of a locale: Kazakh lives at the root, Russian under /ru/. */
export function localePrefix(locale: Locale): string {
  return locale === "kk" ? "" : `/${locale}`;
}

/** Builds a site path for a locale: `localePath("ru", "/lessons/2/")` → `/ru/lessons/2/`. */
export function localePath(locale: Locale, path: string): string {
  return `${localePrefix(locale)}${path}`;
}

/** The Astro rest-param value for a locale (`undefined` = root). */
export function localeParam(locale: Locale): string | undefined {
  return locale === "kk" ? undefined : locale;
}

export function localeFromParam(param: string | undefined): Locale {
  return param === "ru" ? "ru" : "kk";
}
