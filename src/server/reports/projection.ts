// Reports read a projection of the statements that matter for training, kept up to date by
// the LRS as statements arrive (and removed when voided): one row per statement with plain
// columns (who, what kind of activity, section, item, success, score, duration, when) and one
// row per tested clause. Pure: statement in, row out (attempt numbers are added by store.ts,
// which can see the learner's earlier rows). A practice answer counts only on an item of the
// server's own practice banks, with that item's clauses (see practice.ts); an exam answer only
// under the exam service's authority, which writes the pool's clauses itself.
import {
  type ActivityKind,
  classifyActivity,
  isExamServiceAuthority,
} from "../../lib/xapi/activity-kind.ts";
import type { PracticeCatalogue } from "../banks/practice.ts";

export type { ActivityKind };

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
  /** When it happened (UTC ISO): the statement's timestamp, or `stored` if that is in the future. */
  timestamp: string;
  clauses: string[];
}

const CLAUSES_EXTENSION = "https://adal.kz/xapi/extensions/clauses";
/** A device clock this far ahead of the LRS is believed; beyond it the time stored counts. */
export const CLOCK_SKEW_MS = 5 * 60_000;
const CLAUSE = /^(?:1|11|[2-9]\.\d{1,2}|10\.\d{1,2})$/u;

/** Milliseconds of an ISO 8601 duration (PnDTnHnMnS), null if absent or malformed. */
export function durationMs(value: unknown): number | null {
  if (typeof value !== "string") return null;
  const m =
    /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/u.exec(
      value,
    );
  if (!m || value === "P" || value.endsWith("T")) return null;
  const [, d, h, min, s] = m.map((x) => Number(x ?? 0));
  return Math.round((((d ?? 0) * 24 + (h ?? 0)) * 3600 + (min ?? 0) * 60 + (s ?? 0)) * 1000);
}

type Json = Record<string, unknown>;

const parse = (value: unknown) => (typeof value === "string" ? Date.parse(value) : Number.NaN);

/**
 * When the event happened, in UTC so that text comparison orders any offsets. A timestamp
 * further in the future than the stored time (plus a little skew) is a wrong device clock or a
 * forgery, and would put the event in a month that has not come yet: the stored time wins.
 */
export function eventTime(statement: Json): string {
  const stored = parse(statement.stored);
  const timestamp = parse(statement.timestamp);
  let time = Number.isNaN(timestamp) ? stored : timestamp;
  if (!Number.isNaN(stored) && time > stored + CLOCK_SKEW_MS) time = stored;
  return new Date(Number.isNaN(time) ? Date.now() : time).toISOString();
}

/** The projection row of a statement, or null when it is not about a learner of this platform. */
export function projectStatement(
  statement: Json,
  origin: string,
  practice: PracticeCatalogue,
): EventRow | null {
  const actor = statement.actor as Json | undefined;
  const account = actor?.account as Json | undefined;
  if (!account || account.homePage !== origin || typeof account.name !== "string") return null;
  const object = statement.object as Json | undefined;
  if (object?.objectType !== undefined && object.objectType !== "Activity") return null;
  const activity = classifyActivity(object?.id, origin);
  if (!activity) return null;
  // Exam results count only when the exam service recorded them: anyone else's statement about
  // the exam (a learner's session, an external tool's credential) is not a result.
  if (
    (activity.kind === "exam" || activity.kind === "exam-item") &&
    !isExamServiceAuthority(statement.authority, origin)
  )
    return null;
  // An item the banks do not have was never shown to anyone: an invented id is not an answer.
  const known = activity.kind === "quiz-item" ? practice.get(activity.itemId ?? "") : undefined;
  if (activity.kind === "quiz-item" && !known) return null;
  const result = (statement.result ?? {}) as Json;
  const score = (result.score ?? {}) as Json;
  const context = (statement.context ?? {}) as Json;
  const tagged = ((context.extensions as Json | undefined)?.[CLAUSES_EXTENSION] ?? []) as unknown;
  const clauses: unknown = known ? known.clauses : tagged;
  const scaled =
    typeof score.scaled === "number" && Number.isFinite(score.scaled) ? score.scaled : null;
  return {
    statementId: String(statement.id),
    personnelNumber: account.name,
    verb: String((statement.verb as Json | undefined)?.id ?? "").replace(
      "http://adlnet.gov/expapi/verbs/",
      "",
    ),
    kind: activity.kind,
    section: known ? known.section : activity.section,
    itemId: activity.itemId,
    registration:
      typeof context.registration === "string" ? context.registration.toLowerCase() : null,
    success: typeof result.success === "boolean" ? (result.success ? 1 : 0) : null,
    scaled,
    response: typeof result.response === "string" ? result.response.slice(0, 200) : null,
    durationMs: durationMs(result.duration),
    timestamp: eventTime(statement),
    clauses: Array.isArray(clauses)
      ? [
          ...new Set(clauses.filter((c): c is string => typeof c === "string" && CLAUSE.test(c))),
        ].slice(0, 20)
      : [],
  };
}
