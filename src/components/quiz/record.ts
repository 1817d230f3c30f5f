// What the player sends: statements for each answer and decision, and the round's progress in
// the learner's xAPI State, so that it can be resumed here or on another device.
import type { BranchDecision } from "../../lib/quiz/play.ts";
import { FINISHED, PROGRESS_STATE_ID, type QuizProgress } from "../../lib/quiz/resume.ts";
import type { BranchingItem, BranchStep, QuizItem } from "../../lib/quiz/schema.ts";
import { activityIds, type LearnerActor } from "../../lib/xapi/activities.ts";
import {
  answeredStatement,
  decisionStatement,
  quizCompletedStatement,
  scenarioStatement,
} from "../../lib/xapi/quiz.ts";
import {
  activityOrigin,
  currentLearner,
  loadState,
  record,
  refreshLearner,
  saveState,
} from "../tracking/track.ts";

type Statement = { id: string } & Record<string, unknown>;

export interface RunInfo {
  section: number;
  registration: string;
  startedAt: number;
}

function common(actor: LearnerActor, run: RunInfo) {
  return {
    id: crypto.randomUUID(),
    actor,
    origin: activityOrigin(actor),
    timestamp: new Date().toISOString(),
    registration: run.registration,
  };
}

/** Statements of one event of the round; nothing when nobody is signed in on this device. */
export function recordEvent(
  run: RunInfo,
  event:
    | { kind: "choice"; item: Exclude<QuizItem, BranchingItem>; chosen: string[]; correct: boolean }
    | { kind: "decision"; item: BranchingItem; step: BranchStep; option: number }
    | { kind: "scenario"; item: BranchingItem; decisions: BranchDecision[] },
  completed: { correct: number; total: number } | null,
): void {
  const actor = currentLearner();
  if (!actor) return;
  const statements: Statement[] = [];
  if (event.kind === "choice")
    statements.push(
      answeredStatement({
        ...common(actor, run),
        item: event.item,
        chosen: event.chosen,
        success: event.correct,
      }),
    );
  else if (event.kind === "decision")
    statements.push(
      decisionStatement({
        ...common(actor, run),
        item: event.item,
        step: event.step,
        option: event.option,
      }),
    );
  else
    statements.push(
      scenarioStatement({ ...common(actor, run), item: event.item, decisions: event.decisions }),
    );
  if (completed)
    statements.push(
      quizCompletedStatement({
        ...common(actor, run),
        section: run.section,
        ...completed,
        durationMs: Date.now() - run.startedAt,
      }),
    );
  void record(...statements);
}

/** Saves the round in progress (or that it is over) for the signed-in learner. */
export function saveProgress(section: number, progress: QuizProgress | null): void {
  const actor = currentLearner();
  if (!actor) return;
  void saveState(
    activityIds.practiceQuiz(activityOrigin(actor), section),
    PROGRESS_STATE_ID,
    progress ?? FINISHED,
    actor,
  );
}

/** The learner's saved round of this quiz, unchecked (see restoreProgress). */
export async function loadProgress(section: number): Promise<unknown> {
  // Right after signing in, the page may not have cached who is signed in yet.
  const actor = currentLearner() ?? (await refreshLearner());
  if (!actor) return null;
  return loadState<unknown>(
    activityIds.practiceQuiz(activityOrigin(actor), section),
    PROGRESS_STATE_ID,
    actor,
  );
}
