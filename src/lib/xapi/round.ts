// The statements of one event of a practice round, pure: an answer to a choice question, one
// decision of a scenario, or a scenario's outcome, followed by the round's `completed` when the
// event was the last one. The player (src/components/quiz/record.ts) adds who and when and
// queues them.
import type { BranchDecision } from "../quiz/play.ts";
import type { BranchingItem, BranchStep, QuizItem } from "../quiz/schema.ts";
import type { LearnerActor } from "./activities.ts";
import {
  answeredStatement,
  decisionStatement,
  quizCompletedStatement,
  scenarioStatement,
} from "./quiz.ts";

export type RoundEvent =
  | { kind: "choice"; item: Exclude<QuizItem, BranchingItem>; chosen: string[]; correct: boolean }
  | { kind: "decision"; item: BranchingItem; step: BranchStep; option: number }
  | { kind: "scenario"; item: BranchingItem; decisions: BranchDecision[] };

export interface RoundContext {
  actor: LearnerActor;
  origin: string;
  section: number;
  registration: string;
  startedAt: number;
  now: number;
  newId: () => string;
}

export function roundStatements(
  c: RoundContext,
  event: RoundEvent,
  completed: { correct: number; total: number } | null,
): ({ id: string } & Record<string, unknown>)[] {
  const common = () => ({
    id: c.newId(),
    actor: c.actor,
    origin: c.origin,
    timestamp: new Date(c.now).toISOString(),
    registration: c.registration,
  });
  const first =
    event.kind === "choice"
      ? answeredStatement({
          ...common(),
          item: event.item,
          chosen: event.chosen,
          success: event.correct,
        })
      : event.kind === "decision"
        ? decisionStatement({
            ...common(),
            item: event.item,
            step: event.step,
            option: event.option,
          })
        : scenarioStatement({ ...common(), item: event.item, decisions: event.decisions });
  if (!completed) return [first];
  return [
    first,
    quizCompletedStatement({
      ...common(),
      section: c.section,
      ...completed,
      durationMs: c.now - c.startedAt,
    }),
  ];
}
