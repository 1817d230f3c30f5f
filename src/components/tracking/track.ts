// Recording learning events from the browser: statements are built with the signed-in
// learner as actor and go to the outbox first; the outbox sends them when it can.
import type { LearnerActor } from "../../lib/xapi/activities.ts";
import { cachedMe, fetchMe } from "../account/api.ts";
import { lrsEndpoint, usesOwnLrs } from "./config.ts";
import { enqueue, oldest } from "./outbox.ts";

/** The learner to attribute statements to, or null when nobody is signed in on this device. */
export function currentLearner(): LearnerActor | null {
  return (cachedMe()?.actor as LearnerActor | undefined) ?? null;
}

/** Refreshes who is signed in (when online) and returns them. */
export async function refreshLearner(): Promise<LearnerActor | null> {
  if (!usesOwnLrs) return currentLearner();
  return ((await fetchMe())?.actor as LearnerActor | undefined) ?? null;
}

export async function record(
  ...statements: ({ id: string } & Record<string, unknown>)[]
): Promise<void> {
  await enqueue(statements);
}

/** Statements still waiting on this device (they count for progress shown offline). */
export async function pendingStatements(): Promise<Record<string, unknown>[]> {
  return (await oldest(5000)).map((q) => q.statement);
}

/** Writes an xAPI State document of the learner (resume point); silently skipped offline. */
export async function saveState(
  activityId: string,
  stateId: string,
  value: unknown,
  actor: LearnerActor,
): Promise<void> {
  const query = new URLSearchParams({
    activityId,
    agent: JSON.stringify({ account: actor.account }),
    stateId,
  });
  await fetch(`${lrsEndpoint}activities/state?${query}`, {
    method: "PUT",
    headers: { "Content-Type": "application/json", "X-Experience-API-Version": "1.0.3" },
    body: JSON.stringify(value),
  }).catch(() => undefined);
}

export async function loadState<T>(
  activityId: string,
  stateId: string,
  actor: LearnerActor,
): Promise<T | null> {
  const query = new URLSearchParams({
    activityId,
    agent: JSON.stringify({ account: actor.account }),
    stateId,
  });
  const response = await fetch(`${lrsEndpoint}activities/state?${query}`, {
    headers: { "X-Experience-API-Version": "1.0.3" },
  }).catch(() => null);
  return response?.ok ? ((await response.json()) as T) : null;
}
