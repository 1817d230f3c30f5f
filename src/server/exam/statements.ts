// The exam's xAPI record, written by the server under its own authority (cmi5-style): one
// registration per attempt; `answered` statements carry the response and success only, never
// the choices or the key, so a learner's readable statements cannot leak the pool.
import { randomUUID } from "node:crypto";
import { isoDuration } from "../../lib/xapi/duration.ts";
import type { Attempt, AttemptResult } from "./attempt.ts";

const VERB = (name: string, kk: string) => ({
  id: `http://adlnet.gov/expapi/verbs/${name}`,
  display: { "en-US": name, "kk-KZ": kk },
});

export const EXAM_VERBS = {
  initialized: VERB("initialized", "бастады"),
  answered: VERB("answered", "жауап берді"),
  passed: VERB("passed", "тапсырды"),
  failed: VERB("failed", "тапсыра алмады"),
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

function base(ctx: Context, verb: { id: string }, at: number, object: object, extra: object = {}) {
  return {
    id: randomUUID(),
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
  return base(ctx, EXAM_VERBS.initialized, ctx.attempt.startedAt, examObject(ctx.origin));
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
  const completed = base(ctx, EXAM_VERBS.completed, closedAt, examObject(ctx.origin), {
    result: { completion: true, duration },
  });
  const terminated = base(ctx, EXAM_VERBS.terminated, closedAt, examObject(ctx.origin), {
    result: { duration },
  });
  return [...answered, verdict, completed, terminated];
}
