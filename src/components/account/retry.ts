// "Try again at 10:45 (in about 15 minutes)" for a locked account or too many attempts. The
// time comes from Retry-After (seconds) when the server sends it, else from the ISO time in
// its message ("try again after 2026-05-01T10:45:00.000Z").
import type { ApiFailure } from "./api.ts";

interface Strings {
  locked: string;
  lockedUntil: string;
  tooMany: string;
  tooManyWait: string;
}

export function retryAt(failure: ApiFailure, now: Date): Date | null {
  if (failure.retryAfter !== null) return new Date(now.getTime() + failure.retryAfter * 1000);
  const iso = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/u.exec(
    failure.message,
  );
  const time = iso ? Date.parse(iso[0]) : Number.NaN;
  return Number.isNaN(time) ? null : new Date(time);
}

export function retryMessage(failure: ApiFailure, now: Date, locale: string, s: Strings): string {
  const at = retryAt(failure, now);
  const seconds = at ? Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 1000)) : null;
  if (failure.code === "rate-limited")
    return seconds === null ? s.tooMany : s.tooManyWait.replace("{n}", String(seconds));
  if (!at || seconds === null) return s.locked;
  const time = at.toLocaleTimeString(locale, {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  return s.lockedUntil
    .replace("{time}", time)
    .replace("{n}", String(Math.max(1, Math.ceil(seconds / 60))));
}
