// What the player sends: statements for each answer and decision, and the round's progress in
// the learner's xAPI State, so that it can be resumed here or on another device.
import { FINISHED, PROGRESS_STATE_ID, type QuizProgress } from "../../lib/quiz/resume.ts";
import { activityIds } from "../../lib/xapi/activities.ts";
import { type RoundEvent, roundStatements } from "../../lib/xapi/round.ts";
import {
  activityOrigin,
  currentLearner,
  loadState,
  record,
  refreshLearner,
  saveState,
} from "../tracking/track.ts";

export interface RunInfo {
  section: number;
  registration: string;
  startedAt: number;
}

/** Queues the statements of one event of the round; nothing when nobody is signed in here. */
export function recordEvent(
  run: RunInfo,
  event: RoundEvent,
  completed: { correct: number; total: number } | null,
): void {
  const actor = currentLearner();
  if (!actor) return;
  const context = {
    ...run,
    actor,
    origin: activityOrigin(actor),
    now: Date.now(),
    newId: () => crypto.randomUUID(),
  };
  void record(...roundStatements(context, event, completed));
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
