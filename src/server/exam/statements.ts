// The exam's xAPI record, written by the server under its own authority (cmi5-style): one
// registration per attempt. `answered` statements carry the response (in the attempt's own
// random option ids) and success only: no choices, no correct-response pattern, no text. They
// still give keys to whoever kept the attempt's option texts: the right option of every item
// answered right, and of every two-option item either way. So the learner never reads them:
// the LRS withholds them from the person's own session (platform/lrs-access.ts), and the
// attempt's view shows only the result once it is handed in. Officers, admins and the reports
// read them.
// Statement ids derive from the attempt, so recording an attempt twice stores it once.
import { createHash } from "node:crypto";
import { isoDuration } from "../../lib/xapi/duration.ts";
import type { Attempt, AttemptResult } from "./attempt.ts";

const VERB = (name: string, kk: string) => ({
  id: `http://adlnet.gov/expapi/verbs/${name}`,
  display: { "en-US": name, "kk-KZ": kk },
});

export const EXAM_VERBS = {
  initialized: VERB("initialized", "бастады"),
  answered: VERB("answered", "жауап берді"),
  passed: VERB("passed", "өтті"),
  failed: VERB("failed", "өте алмады"),
  completed: VERB("completed", "аяқтады"),
  terminated: VERB("terminated", "жабылды"),
};

export function examActivityId(origin: string): string {
  return `${origin}/xapi/activities/exam/annual-refresher`;
}

export function examItemActivityId(origin: string, itemId: string): string {
  return `${origin}/xapi/activities/exam/item/${itemId}`;
}

interface Context {
  origin: string;
  actor: object;
  attempt: Attempt;
}

/** A UUID (version 8, RFC 9562) derived from the attempt and the statement's role in it. */
export function examStatementId(attemptId: string, role: string): string {
  const h = createHash("sha256").update(`adal-exam/${attemptId}/${role}`).digest("hex");
  const variant = ((Number.parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function base(
  ctx: Context,
  role: string,
  verb: { id: string },
  at: number,
  object: object,
  extra: object = {},
) {
  return {
    id: examStatementId(ctx.attempt.id, role),
    actor: ctx.actor,
    verb,
    object,
    context: {
      registration: ctx.attempt.id,
      contextActivities: {
        grouping: [
          {
            id: `${ctx.origin}/xapi/activities/course/anticorruption-standards`,
            objectType: "Activity",
          },
        ],
      },
      language: "kk-KZ",
    },
    timestamp: new Date(at).toISOString(),
    ...extra,
  };
}

function examObject(origin: string) {
  return {
    objectType: "Activity",
    id: examActivityId(origin),
    definition: {
      type: "http://adlnet.gov/expapi/activities/assessment",
      name: { "kk-KZ": "Жыл сайынғы аттестаттау емтиханы", "ru-RU": "Ежегодный экзамен" },
    },
  };
}

export function initializedStatement(ctx: Context) {
  return base(
    ctx,
    "initialized",
    EXAM_VERBS.initialized,
    ctx.attempt.startedAt,
    examObject(ctx.origin),
  );
}

/** Statements written when an attempt is graded: answered × n, passed|failed, completed, terminated. */
export function resultStatements(
  ctx: Context,
  result: AttemptResult,
  closedAt: number,
  passMark: number,
) {
  const duration = isoDuration(closedAt - ctx.attempt.startedAt);
  const parent = {
    contextActivities: { parent: [{ id: examActivityId(ctx.origin), objectType: "Activity" }] },
  };
  const answered = result.items.map((item, i) => {
    const statement = base(
      ctx,
      `answered/${item.itemId}`,
      EXAM_VERBS.answered,
      closedAt,
      {
        objectType: "Activity",
        id: examItemActivityId(ctx.origin, item.itemId),
        definition: {
          type: "http://adlnet.gov/expapi/activities/cmi.interaction",
          interactionType: "choice",
        },
      },
      { result: { response: item.response.join("[,]"), success: item.success } },
    );
    statement.context = {
      ...statement.context,
      contextActivities: { ...statement.context.contextActivities, ...parent.contextActivities },
      extensions: {
        "https://adal.kz/xapi/extensions/clauses": item.clauses,
        "https://adal.kz/xapi/extensions/position": i + 1,
      },
    } as typeof statement.context;
    return statement;
  });
  const score = { scaled: result.scaled, raw: result.correct, min: 0, max: result.total };
  const verdict = base(
    ctx,
    "verdict",
    result.passed ? EXAM_VERBS.passed : EXAM_VERBS.failed,
    closedAt,
    examObject(ctx.origin),
    {
      result: { score, success: result.passed, completion: true, duration },
    },
  );
  verdict.context = {
    ...verdict.context,
    extensions: {
      "https://w3id.org/xapi/cmi5/context/extensions/masteryscore": passMark,
      "https://adal.kz/xapi/extensions/clauses-to-review": result.clausesToReview,
    },
  } as typeof verdict.context;
  const completed = base(ctx, "completed", EXAM_VERBS.completed, closedAt, examObject(ctx.origin), {
    result: { completion: true, duration },
  });
  const terminated = base(
    ctx,
    "terminated",
    EXAM_VERBS.terminated,
    closedAt,
    examObject(ctx.origin),
    {
      result: { duration },
    },
  );
  return [...answered, verdict, completed, terminated];
}
