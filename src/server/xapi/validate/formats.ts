/**
 * Syntax checks for the string formats the xAPI Data section names (IRI, UUID, RFC 5646 tags,
 * ISO 8601 / RFC 3339 timestamps, ISO 8601 durations, media types, SHA-2 hex).
 * Exported because the HTTP layer validates query parameters with the same rules.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * Longest identifiers, in UTF-8 bytes. They become index keys (a statement's agents,
 * activities and verb; the Agents and Activities resources; State and profile documents), and a
 * PostgreSQL B-tree entry holds at most 2,704 bytes: an agent key is "account:" + homePage +
 * "|" + name, so 2,048 + 512 still fits with its row's other columns. Longer values are a 400
 * naming the limit on both databases, not a 500 on one of them.
 */
export const KEY_LIMITS = {
  /** Activity ids, verb ids, openid, account.homePage, and the parameters holding them. */
  iri: 2048,
  /** mbox (an email address is at most 254 characters). */
  mbox: 512,
  account: 512,
  /** stateId, profileId. */
  documentId: 2048,
} as const;

export const utf8Bytes = (value: string): number => Buffer.byteLength(value, "utf8");

/** Whether a string holds a control character (C0, DEL, C1): never part of an identifier. */
export function hasControl(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

// An absolute IRI: a scheme, a colon, and no characters RFC 3987 excludes (space, <>"{}|\^`).
const IRI = /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i;

export function isIri(value: string): boolean {
  // Control characters are never allowed in an IRI; \s misses some of them.
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f) return false;
  }
  return IRI.test(value);
}

/** An IRL is an IRI meant to be dereferenced, so it must use a scheme a client can fetch. */
export function isIrl(value: string): boolean {
  return isIri(value) && /^https?:\/\/[^/?#\s]+/i.test(value);
}

const MBOX = /^mailto:[^\s@:/?#]+@[^\s@/?#]+$/i;

export function isMbox(value: string): boolean {
  return MBOX.test(value) && value.startsWith("mailto:") && !hasControl(value);
}

export function isSha1Hex(value: string): boolean {
  return /^[0-9a-f]{40}$/i.test(value);
}

/** SHA-224/256/384/512 digests, hex encoded. */
export function isSha2Hex(value: string): boolean {
  return /^[0-9a-f]+$/i.test(value) && [56, 64, 96, 128].includes(value.length);
}

const TOKEN = "[A-Za-z0-9!#$&^_.+-]+";
const MEDIA_TYPE = new RegExp(`^${TOKEN}/${TOKEN}(\\s*;\\s*${TOKEN}=("[^"]*"|${TOKEN}))*$`);

export function isMediaType(value: string): boolean {
  return MEDIA_TYPE.test(value);
}

const GRANDFATHERED = new Set(
  [
    "en-GB-oed",
    "i-ami",
    "i-bnn",
    "i-default",
    "i-enochian",
    "i-hak",
    "i-klingon",
    "i-lux",
    "i-mingo",
    "i-navajo",
    "i-pwn",
    "i-tao",
    "i-tay",
    "i-tsu",
    "sgn-BE-FR",
    "sgn-BE-NL",
    "sgn-CH-DE",
    "art-lojban",
    "cel-gaulish",
    "no-bok",
    "no-nyn",
    "zh-guoyu",
    "zh-hakka",
    "zh-min",
    "zh-min-nan",
    "zh-xiang",
  ].map((t) => t.toLowerCase()),
);

// RFC 5646 section 2.1 "langtag" and "privateuse" productions.
const LANGTAG = new RegExp(
  "^(?:" +
    "(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})" + // language (+ extlang)
    "(?:-[a-z]{4})?" + // script
    "(?:-(?:[a-z]{2}|[0-9]{3}))?" + // region
    "(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*" + // variants
    "(?:-[0-9a-wyz](?:-[a-z0-9]{2,8})+)*" + // extensions
    "(?:-x(?:-[a-z0-9]{1,8})+)?" + // private use
    "|x(?:-[a-z0-9]{1,8})+" +
    ")$",
  "i",
);

const VARIANT = /^(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3})$/iu;

/**
 * RFC 5646 section 2.2.5 and 2.2.6: "a variant subtag MUST NOT be repeated" within a tag
 * (sl-rozaj-rozaj), and "each singleton subtag MUST appear at most one time" (zh-z-aaa-z-bbb);
 * the private-use part after "x" is free. The grammar alone cannot say either.
 */
function repeatsSubtags(tag: string): boolean {
  const variants = new Set<string>();
  const singletons = new Set<string>();
  const [language, ...rest] = tag.toLowerCase().split("-");
  if (language === "x") return false;
  for (const subtag of rest) {
    if (subtag === "x") return false;
    if (subtag.length === 1) {
      if (singletons.has(subtag)) return true;
      singletons.add(subtag);
    } else if (singletons.size === 0 && VARIANT.test(subtag)) {
      if (variants.has(subtag)) return true;
      variants.add(subtag);
    }
  }
  return false;
}

export function isLanguageTag(value: string): boolean {
  if (GRANDFATHERED.has(value.toLowerCase())) return true;
  return LANGTAG.test(value) && !repeatsSubtags(value);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// Groups of the three forms below: 1-5 date, hour, minute; 6 second; 7 fraction; 8 zone
// (Z or the whole offset); 9 offset hours; 10 offset minutes.
// ISO 8601 extended date-time; seconds, fraction and offset optional (xAPI 1.0.3).
const ISO_TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})([.,]\d+)?)?(Z|[+-](\d{2})(?::?(\d{2}))?)?$/;
// ISO 8601 basic date-time, e.g. 20080915T155300Z: XAPI-00123 accepts "ISO 8601 Extended or
// ISO 8601 Basic" under 1.0.3.
const ISO_BASIC_TIMESTAMP =
  /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(?:(\d{2})([.,]\d+)?)?(Z|[+-](\d{2})(\d{2})?)?$/;
// RFC 3339 date-time: seconds and offset required (xAPI 2.0 / IEEE 9274.1.1). RFC 3339 5.6
// lets a space stand for the "T" ("for the sake of readability"); the ADL 2.0 suite sends
// "2008-09-15 15:53:00.601+00:00" and expects it stored.
const RFC3339_TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/;

/**
 * Returns a reason the timestamp is invalid, or null if it is valid.
 * `strict` selects RFC 3339 (xAPI 2.0); otherwise ISO 8601, extended or basic format (1.0.3).
 * Both reject the "-00:00" offset, which RFC 3339 reserves for "offset unknown".
 */
export function timestampProblem(value: string, strict: boolean): string | null {
  const m = strict
    ? RFC3339_TIMESTAMP.exec(value)
    : (ISO_TIMESTAMP.exec(value) ?? ISO_BASIC_TIMESTAMP.exec(value));
  if (!m) {
    return strict
      ? "must be an RFC 3339 timestamp with seconds and a timezone (e.g. 2024-05-01T10:00:00.000Z)"
      : "must be an ISO 8601 timestamp (e.g. 2024-05-01T10:00:00.000Z)";
  }
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (month < 1 || month > 12) return "has a month outside 01-12";
  if (day < 1 || day > daysInMonth(year, month)) return "has a day that does not exist";
  if (hour > 23 || minute > 59 || second > 60) return "has a time of day out of range";
  const offsetHours = m[9] === undefined ? 0 : Number(m[9]);
  const offsetMinutes = m[10] === undefined ? 0 : Number(m[10]);
  if (offsetHours > 23 || offsetMinutes > 59) return "has a timezone offset out of range";
  if (m[8]?.startsWith("-") && offsetHours === 0 && offsetMinutes === 0) {
    return 'must not use the "-00:00" offset';
  }
  return null;
}

/**
 * A valid timestamp spelled the one way Date.parse and readers expect, the same instant with
 * the same offset and digits: YYYY-MM-DDThh:mm:ss[.fff](Z|±hh:mm). The basic form gets its
 * separators, a space or "t" separator becomes "T", missing seconds become ":00", a comma
 * fraction a point, ±hhmm and ±hh offsets ±hh:mm. (The LRS may re-express a timestamp,
 * Data 2.4.7; this one changes only the spelling.) Anything else is returned unchanged.
 */
export function extendedTimestamp(value: string): string {
  const m =
    ISO_TIMESTAMP.exec(value) ?? ISO_BASIC_TIMESTAMP.exec(value) ?? RFC3339_TIMESTAMP.exec(value);
  if (!m) return value;
  const [, year, month, day, hour, minute, second = "00", fraction = "", zone = ""] = m;
  const offset =
    m[9] === undefined ? zone.toUpperCase() : `${zone.slice(0, 1)}${m[9]}:${m[10] ?? "00"}`;
  return `${year}-${month}-${day}T${hour}:${minute}:${second}${fraction.replace(",", ".")}${offset}`;
}

const NUM = "\\d+(?:[.,]\\d+)?";
const DURATION = new RegExp(
  `^P(?:(?:${NUM}Y)?(?:${NUM}M)?(?:${NUM}D)?(?:T(?:${NUM}H)?(?:${NUM}M)?(?:${NUM}S)?)?|${NUM}W)$`,
);

/** ISO 8601 duration in the PnYnMnDTnHnMnS or PnW form. */
export function isDuration(value: string): boolean {
  if (!DURATION.test(value)) return false;
  // "P" and "PT" alone, or a "T" with nothing after it, designate no duration at all.
  if (value === "P" || value.endsWith("T")) return false;
  // ISO 8601 4.4.3.2: only "the lowest order component" may have a decimal fraction
  // (PT1H30.5M, not PT1.5H30M).
  const numbers = value.match(/\d+(?:[.,]\d+)?/gu) ?? [];
  return numbers.slice(0, -1).every((n) => /^\d+$/u.test(n));
}
