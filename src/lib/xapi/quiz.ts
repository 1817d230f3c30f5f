// Statements of the practice quiz: one `answered` per item (a cmi.interaction with its
// choices and correct response pattern: practice keys are public) and `completed` per quiz.
import { type BranchDecision, branchResponse, correctIds, optionId } from "../quiz/play.ts";
import type { QuizItem } from "../quiz/schema.ts";
import {
  ACTIVITY_TYPES,
  activityIds,
  CLAUSES_EXTENSION,
  type LearnerActor,
  VERBS,
} from "./activities.ts";
import { isoDuration } from "./duration.ts";

interface Common {
  id: string;
  actor: LearnerActor;
  origin: string;
  timestamp: string;
  registration?: string | undefined;
}

function context(c: Common, section: number, clauses: string[]) {
  return {
    ...(c.registration ? { registration: c.registration } : {}),
    contextActivities: {
      parent: [
        { objectType: "Activity" as const, id: activityIds.practiceQuiz(c.origin, section) },
      ],
      grouping: [{ objectType: "Activity" as const, id: activityIds.course(c.origin) }],
    },
    language: "kk-KZ",
    extensions: { [CLAUSES_EXTENSION]: clauses },
  };
}

function interaction(item: QuizItem) {
  if (item.type === "branching") {
    // Each decision of the scenario is a choice; the whole walk is a sequence of them.
    return {
      interactionType: "sequencing" as const,
      choices: item.steps.flatMap((s) =>
        s.options.map((o, i) => ({
          id: `${s.id}.${optionId(i)}`,
          description: { "kk-KZ": o.text },
        })),
      ),
      correctResponsesPattern: [],
    };
  }
  return {
    interactionType: (item.type === "judgement" ? "true-false" : "choice") as
      | "true-false"
      | "choice",
    ...(item.type === "judgement"
      ? { correctResponsesPattern: [item.options[0]?.correct ? "true" : "false"] }
      : {
          choices: item.options.map((o, i) => ({
            id: optionId(i),
            description: { "kk-KZ": o.text },
          })),
          correctResponsesPattern: [correctIds(item).join("[,]")],
        }),
  };
}

export function answeredStatement(
  c: Common & {
    item: QuizItem;
    chosen?: string[];
    decisions?: BranchDecision[];
    success: boolean;
    durationMs?: number;
  },
) {
  const { item } = c;
  const response =
    item.type === "branching"
      ? branchResponse(c.decisions ?? [])
      : item.type === "judgement"
        ? c.chosen?.[0] === "a"
          ? "true"
          : "false"
        : [...(c.chosen ?? [])].sort().join("[,]");
  const { correctResponsesPattern, ...rest } = interaction(item);
  return {
    id: c.id,
    actor: c.actor,
    verb: VERBS.answered,
    object: {
      objectType: "Activity" as const,
      id: activityIds.quizItem(c.origin, item.id),
      definition: {
        type: ACTIVITY_TYPES.interaction,
        name: { "kk-KZ": item.stem.slice(0, 120) },
        ...rest,
        ...(correctResponsesPattern.length > 0 ? { correctResponsesPattern } : {}),
      },
    },
    result: {
      response,
      success: c.success,
      ...(c.durationMs !== undefined ? { duration: isoDuration(c.durationMs) } : {}),
    },
    context: context(c, item.section, item.clauses),
    timestamp: c.timestamp,
  };
}

export function quizCompletedStatement(
  c: Common & {
    section: number;
    correct: number;
    total: number;
    durationMs: number;
    passMark?: number;
  },
) {
  const scaled = c.total === 0 ? 0 : c.correct / c.total;
  return {
    id: c.id,
    actor: c.actor,
    verb: VERBS.completed,
    object: {
      objectType: "Activity" as const,
      id: activityIds.practiceQuiz(c.origin, c.section),
      definition: {
        type: ACTIVITY_TYPES.assessment,
        name: { "kk-KZ": `${c.section}-бөлім бойынша жаттығу тесті` },
      },
    },
    result: {
      score: { scaled, raw: c.correct, min: 0, max: c.total },
      success: scaled >= (c.passMark ?? 0.8),
      completion: true,
      duration: isoDuration(c.durationMs),
    },
    context: {
      ...(c.registration ? { registration: c.registration } : {}),
      contextActivities: {
        parent: [{ objectType: "Activity" as const, id: activityIds.lesson(c.origin, c.section) }],
        grouping: [{ objectType: "Activity" as const, id: activityIds.course(c.origin) }],
      },
      language: "kk-KZ",
    },
    timestamp: c.timestamp,
  };
}
