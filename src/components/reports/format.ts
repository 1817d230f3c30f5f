// Display helpers of the dashboard: dates in the reports' time zone (from the API's meta),
// numbers and percentages in the interface language, durations to the second.
import { formatDuration } from "../../lib/reports/time.ts";

export type Strings = Record<string, string>;

export interface Formats {
  locale: string;
  timeZone: string;
  s: Strings;
  /** A unit's name for its code (the officer's unit list). */
  unitName: (code: string) => string;
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

// Dates as 25.11.2026 17:04, as both languages write them in Kazakhstan. The fields come from
// Intl in the reports' zone; the pattern is ours, since browsers' Kazakh date patterns vary
// (some print "2026 M11 25").
function parts(f: Formats, iso: string) {
  const fields = dateFormat(f, {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(iso));
  const get = (type: string) => fields.find((p) => p.type === type)?.value ?? "";
  return {
    date: `${get("day")}.${get("month")}.${get("year")}`,
    time: `${get("hour")}:${get("minute")}`,
  };
}

export function day(f: Formats, iso: string | null): string {
  return iso ? parts(f, iso).date : "—";
}

export function dateTime(f: Formats, iso: string | null): string {
  if (!iso) return "—";
  const p = parts(f, iso);
  return `${p.date} ${p.time}`;
}

/** "2026-03" as "наурыз 2026" (month names from the dictionary). */
export function month(f: Formats, key: string): string {
  const [y, m] = key.split("-").map(Number) as [number, number];
  const names = (f.s.monthNames ?? "").split(",");
  return `${names[m - 1]?.trim() || String(m).padStart(2, "0")} ${y}`;
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
