// Which of Adal's own activities an activity IRI names, decided once for everyone (the report
// projection, the learner write rules). An IRI counts only in its canonical form: the exact
// platform origin, one of the known paths, no query, no fragment, nothing a URL parser would
// rewrite. Anything else ("…/lesson/1?/xapi/activities/exam/…", "…/quiz/x#/exam/item/…",
// "…/lesson/../exam/…") is not ours, so text tricks cannot make a lesson look like the exam.

export type ActivityKind = "lesson" | "quiz" | "quiz-item" | "exam" | "exam-item" | "course";

export interface AdalActivity {
  kind: ActivityKind;
  /** Section of the standards (lesson, practice quiz, items), else null. */
  section: number | null;
  /** Practice or exam item id (`p02-gift`, `x05-bail`), else null. */
  itemId: string | null;
}

/** The exam service's account name: exam results count only under this authority. */
export const EXAM_SERVICE_ACCOUNT = "adal-exam-service";

const PATHS: [RegExp, ActivityKind][] = [
  [/^lesson\/([1-9]|1[01])$/u, "lesson"],
  [/^quiz\/practice\/([1-9]|1[01])$/u, "quiz"],
  [/^quiz-item\/([px](\d{2})-[a-z0-9-]+)$/u, "quiz-item"],
  [/^exam\/item\/(x(\d{2})-[a-z0-9-]+)$/u, "exam-item"],
  [/^exam\/[a-z0-9-]+$/u, "exam"],
  [/^course\/[a-z0-9-]+$/u, "course"],
];

function originOf(origin: string): string | null {
  try {
    return new URL(origin).origin;
  } catch {
    return null;
  }
}

/** The Adal activity this IRI names, or null when it is not one of ours in canonical form. */
export function classifyActivity(id: unknown, origin: string): AdalActivity | null {
  if (typeof id !== "string") return null;
  const base = originOf(origin);
  if (!base) return null;
  const prefix = `${base}/xapi/activities/`;
  if (!id.startsWith(prefix)) return null;
  let url: URL;
  try {
    url = new URL(id);
  } catch {
    return null;
  }
  // The parsed form must be the text itself: no query, fragment, credentials, dot segments,
  // percent-escapes or default-port spellings that a parser would normalise away.
  if (url.href !== id || url.origin !== base || url.search !== "" || url.hash !== "") return null;
  const path = id.slice(prefix.length);
  for (const [pattern, kind] of PATHS) {
    const m = pattern.exec(path);
    if (!m) continue;
    if (kind === "lesson" || kind === "quiz") return { kind, section: Number(m[1]), itemId: null };
    if (kind === "quiz-item" || kind === "exam-item") {
      const section = Number(m[2]);
      if (section < 1 || section > 11) return null;
      return { kind, section, itemId: m[1] ?? null };
    }
    return { kind, section: null, itemId: null };
  }
  return null;
}

const EXAM_TEXT = /\/xapi\/activities\/exam(?:[/?#]|$)/u;

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * True when an IRI is, or could be read as, one of the exam's activities on any host: its
 * canonical kind is exam or exam-item, or its text (also percent-decoded, also as a URL parser
 * normalises it) mentions the exam's path anywhere, query and fragment included.
 */
export function mentionsExam(id: unknown, origin: string): boolean {
  if (typeof id !== "string") return false;
  const kind = classifyActivity(id, origin)?.kind;
  if (kind === "exam" || kind === "exam-item") return true;
  if (EXAM_TEXT.test(id) || EXAM_TEXT.test(decoded(id))) return true;
  try {
    const url = new URL(id);
    return EXAM_TEXT.test(url.pathname) || EXAM_TEXT.test(decoded(url.href));
  } catch {
    return false;
  }
}

/** Is this statement authority the exam service of this platform (and nothing else)? */
export function isExamServiceAuthority(authority: unknown, origin: string): boolean {
  const a = authority as Record<string, unknown> | null | undefined;
  if (!a || typeof a !== "object") return false;
  if (a.objectType !== undefined && a.objectType !== "Agent") return false;
  if (a.mbox !== undefined || a.mbox_sha1sum !== undefined || a.openid !== undefined) return false;
  const account = a.account as Record<string, unknown> | undefined;
  const base = originOf(origin);
  return (
    !!account &&
    base !== null &&
    typeof account.homePage === "string" &&
    originOf(account.homePage) === base &&
    account.homePage.replace(/\/$/u, "") === base &&
    account.name === EXAM_SERVICE_ACCOUNT
  );
}
