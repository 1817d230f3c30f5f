// Display helpers of the dashboard: dates in the reports' time zone (from the API's meta),
// numbers and percentages in the interface language, durations to the second.
import { formatDuration } from "../../lib/reports/time.ts";

export type Strings = Record<string, string>;

export interface Formats {
  locale: string;
  timeZone: string;
  s: Strings;
}

export function intlLocale(lang: string): string {
  return lang === "ru" ? "ru-RU" : "kk-KZ";
}

const cache = new Map<string, Intl.DateTimeFormat>();
function dateFormat(f: Formats, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${f.locale}|${f.timeZone}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(f.locale, { timeZone: f.timeZone, ...options });
    cache.set(key, format);
  }
  return format;
}

export function day(f: Formats, iso: string | null): string {
  return iso ? dateFormat(f, { dateStyle: "medium" }).format(new Date(iso)) : "—";
}

export function dateTime(f: Formats, iso: string | null): string {
  return iso
    ? dateFormat(f, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso))
    : "—";
}

/** "2026-03" as the month's name; the middle of the month avoids any zone's edge. */
export function month(f: Formats, key: string): string {
  const [y, m] = key.split("-").map(Number) as [number, number];
  return new Intl.DateTimeFormat(f.locale, {
    timeZone: "UTC",
    year: "numeric",
    month: "short",
  }).format(new Date(Date.UTC(y, m - 1, 15)));
}

export function percent(f: Formats, share: number | null, digits = 0): string {
  if (share === null || !Number.isFinite(share)) return "—";
  return new Intl.NumberFormat(f.locale, {
    style: "percent",
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(share);
}

export function count(f: Formats, n: number): string {
  return new Intl.NumberFormat(f.locale).format(n);
}

export function duration(f: Formats, ms: number | null): string {
  return (
    formatDuration(ms, {
      hours: f.s.hours ?? "h",
      minutes: f.s.minutes ?? "min",
      seconds: f.s.seconds ?? "s",
    }) ?? "—"
  );
}

/** `{n}`-style placeholders of a dictionary string. */
export function fill(
  template: string | undefined,
  params: Record<string, string | number>,
): string {
  return (template ?? "").replace(/\{(\w+)\}/gu, (_, k: string) => String(params[k] ?? `{${k}}`));
}
