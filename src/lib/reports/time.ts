// Calendar arithmetic in the reports' time zone (ADAL_TIMEZONE, Asia/Almaty by default):
// officers think in local days and months, the database stores UTC instants. Strict parsing:
// 2026-02-30 or T99:99 is an error, never a silent roll-over into March.

export class DateInputError extends Error {}

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/u;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function checkDay(name: string, value: string, year: number, month: number, day: number) {
  if (month < 1 || month > 12)
    throw new DateInputError(`${name}=${value}: month ${month} does not exist (01–12).`);
  if (day < 1 || day > daysInMonth(year, month))
    throw new DateInputError(
      `${name}=${value}: ${year}-${String(month).padStart(2, "0")} has no day ${day}.`,
    );
}

/** A calendar date `YYYY-MM-DD`, checked (month 1–12, a day the month has). */
export function parseLocalDate(value: string, name = "date"): LocalDate {
  const m = DATE.exec(value);
  if (!m) throw new DateInputError(`${name}=${value}: use a date like 2026-01-31.`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  checkDay(name, value, year, month, day);
  return { year, month, day };
}

/** An instant `YYYY-MM-DDTHH:MM[:SS[.mmm]]` with `Z` or an offset, every field checked. */
export function parseInstant(value: string, name = "time"): Date {
  const m = DATE_TIME.exec(value);
  if (!m)
    throw new DateInputError(
      `${name}=${value}: use a date like 2026-01-31 or a time like 2026-01-31T09:30:00+05:00.`,
    );
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(m[i])) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = Number(m[6] ?? 0);
  checkDay(name, value, year, month, day);
  if (hour > 23 || minute > 59 || second > 59)
    throw new DateInputError(`${name}=${value}: no such time of day.`);
  const zone = m[8] ?? "Z";
  let offset = 0;
  if (zone !== "Z") {
    const [h, min] = zone.slice(1).split(":").map(Number) as [number, number];
    if (h > 14 || min > 59) throw new DateInputError(`${name}=${value}: no such UTC offset.`);
    offset = (zone.startsWith("-") ? -1 : 1) * (h * 60 + min);
  }
  const ms = Number((m[7] ?? "0").padEnd(3, "0"));
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * 60_000);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock fields of an instant in a time zone. */
export function wallClock(instant: Date, timeZone: string) {
  const parts = Object.fromEntries(
    partsFormatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Offset of the zone from UTC at an instant, in milliseconds (Asia/Almaty: +5 h since 2024-03-01). */
export function zoneOffset(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant local midnight begins on a calendar date in the zone. */
export function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  const guess = Date.UTC(date.year, date.month - 1, date.day);
  let instant = guess - zoneOffset(new Date(guess), timeZone);
  // Once more at the instant found: the offset may differ there (a change of zone rules).
  instant = guess - zoneOffset(new Date(instant), timeZone);
  return new Date(instant);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** `YYYY-MM` of an instant in the zone. */
export function localMonth(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${w.year}-${String(w.month).padStart(2, "0")}`;
}

/** `YYYY-MM-DD` of an instant in the zone. */
export function localDay(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${w.year}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
}

/** Every month from `first` to `last` inclusive (`YYYY-MM`), at most `limit` of them. */
export function monthRange(first: string, last: string, limit = 240): string[] {
  const months: string[] = [];
  let [y, m] = first.split("-").map(Number) as [number, number];
  const [ly, lm] = last.split("-").map(Number) as [number, number];
  while ((y < ly || (y === ly && m <= lm)) && months.length < limit) {
    months.push(`${y}-${String(m).padStart(2, "0")}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

/** The instant a local month begins in the zone. */
export function startOfLocalMonth(month: string, timeZone: string): Date {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return startOfLocalDay({ year, month: m, day: 1 }, timeZone);
}

export function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/** `YYYY-MM-DD HH:MM` of an instant in the zone (exports; the zone is named beside them). */
export function localDateTime(iso: string | null, timeZone: string): string | null {
  if (!iso) return null;
  const w = wallClock(new Date(iso), timeZone);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${w.year}-${p(w.month)}-${p(w.day)} ${p(w.hour)}:${p(w.minute)}`;
}

/** A duration to the second: "1 сағ 2 мин 5 с", "0 мин 30 с" (units from the dictionary). */
export function formatDuration(
  ms: number | null,
  units: { hours: string; minutes: string; seconds: string },
): string | null {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return null;
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h > 0 ? `${h} ${units.hours} ` : ""}${m} ${units.minutes} ${s} ${units.seconds}`;
}
