// Reports read a projection of the statements that matter for training, kept up to date by
// the LRS as statements arrive (and removed when voided): one row per statement with plain
// columns (who, what kind of activity, section, item, success, score, duration, when) and one
// row per tested clause. Pure: statement in, rows out.

export type ActivityKind = "lesson" | "quiz" | "quiz-item" | "exam" | "exam-item" | "course";

export interface EventRow {
  statementId: string;
  personnelNumber: string;
  verb: string;
  kind: ActivityKind;
  /** Section of the standards (lessons, quizzes, items), else null. */
  section: number | null;
  /** Quiz or exam item id (`p02-gift`, `x05-bail`), else null. */
  itemId: string | null;
  registration: string | null;
  success: number | null;
  scaled: number | null;
  response: string | null;
  durationMs: number | null;
  timestamp: string;
  clauses: string[];
}

const CLAUSES_EXTENSION = "https://adal.kz/xapi/extensions/clauses";
const PATHS: [RegExp, ActivityKind][] = [
  [/\/xapi\/activities\/lesson\/(\d{1,2})$/u, "lesson"],
  [/\/xapi\/activities\/quiz\/practice\/(\d{1,2})$/u, "quiz"],
  [/\/xapi\/activities\/quiz-item\/([px](\d{2})-[a-z0-9-]+)$/u, "quiz-item"],
  [/\/xapi\/activities\/exam\/item\/(x(\d{2})-[a-z0-9-]+)$/u, "exam-item"],
  [/\/xapi\/activities\/exam\/[a-z0-9-]+$/u, "exam"],
  [/\/xapi\/activities\/course\/[a-z0-9-]+$/u, "course"],
];

/** Milliseconds of an ISO 8601 duration (PnDTnHnMnS), null if absent or malformed. */
export function durationMs(value: unknown): number | null {
  if (typeof value !== "string") return null;
  const m =
    /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/u.exec(
      value,
    );
  if (!m) return null;
  const [, d, h, min, s] = m.map((x) => Number(x ?? 0));
  return Math.round((((d ?? 0) * 24 + (h ?? 0)) * 3600 + (min ?? 0) * 60 + (s ?? 0)) * 1000);
}

type Json = Record<string, unknown>;

// Stored in UTC so that text comparison orders timestamps sent with any offset.
function utc(value: unknown): string {
  const time = typeof value === "string" ? Date.parse(value) : Number.NaN;
  return new Date(Number.isNaN(time) ? Date.now() : time).toISOString();
}

/** The projection row of a statement, or null when it is not about a learner of this platform. */
export function projectStatement(statement: Json, origin: string): EventRow | null {
  const actor = statement.actor as Json | undefined;
  const account = actor?.account as Json | undefined;
  if (!account || account.homePage !== origin || typeof account.name !== "string") return null;
  const object = statement.object as Json | undefined;
  const id = typeof object?.id === "string" ? object.id : "";
  if (!id.startsWith(`${origin}/xapi/activities/`)) return null;
  let kind: ActivityKind | null = null;
  let section: number | null = null;
  let itemId: string | null = null;
  for (const [pattern, k] of PATHS) {
    const m = pattern.exec(id);
    if (!m) continue;
    kind = k;
    if (k === "lesson" || k === "quiz") section = Number(m[1]);
    if (k === "quiz-item" || k === "exam-item") {
      itemId = m[1] ?? null;
      section = Number(m[2]);
    }
    break;
  }
  if (!kind) return null;
  const result = (statement.result ?? {}) as Json;
  const score = (result.score ?? {}) as Json;
  const context = (statement.context ?? {}) as Json;
  const clauses = ((context.extensions as Json | undefined)?.[CLAUSES_EXTENSION] ?? []) as unknown;
  return {
    statementId: String(statement.id),
    personnelNumber: account.name,
    verb: String((statement.verb as Json | undefined)?.id ?? "").replace(
      "http://adlnet.gov/expapi/verbs/",
      "",
    ),
    kind,
    section,
    itemId,
    registration: typeof context.registration === "string" ? context.registration : null,
    success: typeof result.success === "boolean" ? (result.success ? 1 : 0) : null,
    scaled: typeof score.scaled === "number" ? score.scaled : null,
    response: typeof result.response === "string" ? result.response.slice(0, 200) : null,
    durationMs: durationMs(result.duration),
    timestamp: utc(statement.timestamp ?? statement.stored),
    clauses: Array.isArray(clauses)
      ? clauses.filter((c): c is string => typeof c === "string").slice(0, 20)
      : [],
  };
}
