// Statements about reading a lesson: `experienced` when it is opened, `completed` when the
// learner reaches its end (with the time spent).
import { ACTIVITY_TYPES, activityIds, type LearnerActor, VERBS } from "./activities.ts";
import { isoDuration } from "./duration.ts";

export interface LessonEvent {
  id: string;
  actor: LearnerActor;
  origin: string;
  section: number;
  title: string;
  verb: "experienced" | "completed";
  timestamp: string;
  /** Time on the page before the end was reached (completed only). */
  durationMs?: number;
}

export function lessonStatement(e: LessonEvent) {
  return {
    id: e.id,
    actor: e.actor,
    verb: VERBS[e.verb],
    object: {
      objectType: "Activity" as const,
      id: activityIds.lesson(e.origin, e.section),
      definition: { type: ACTIVITY_TYPES.lesson, name: { "kk-KZ": e.title } },
    },
    context: {
      contextActivities: {
        parent: [{ objectType: "Activity" as const, id: activityIds.course(e.origin) }],
      },
      language: "kk-KZ",
    },
    timestamp: e.timestamp,
    ...(e.verb === "completed"
      ? {
          result: {
            completion: true,
            ...(e.durationMs !== undefined ? { duration: isoDuration(e.durationMs) } : {}),
          },
        }
      : {}),
  };
}
