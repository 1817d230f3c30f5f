// Recording learning events from the browser: statements are built with the learner as actor
// and go to the outbox first, keyed by their owner; the outbox sends them when it can.
// Who the learner is, in this order: the xAPI launch of this tab, the signed-in account
// (Adal's own LRS), or, for another LRS without a launch, the name and personnel number the
// learner gave on this device (unverified).
import { type AgentLike, actorKey } from "../../lib/tracking/actor.ts";
import { admit, type Owner } from "../../lib/tracking/queue.ts";
import type { LearnerActor } from "../../lib/xapi/activities.ts";
import { cachedMe, fetchMe } from "../account/api.ts";
import { declaredActor, declaredIdentity } from "../account/identity.ts";
import { launchActor, lrsEndpoint, usesOwnLrs } from "./config.ts";
import { enqueue, pending, type RejectedStatement } from "./outbox.ts";
import { loadStateDocument, saveStateDocument } from "./state.ts";

function asLearner(agent: AgentLike): LearnerActor {
  if (agent.account) return agent as LearnerActor;
  // A launch by e-mail (mbox) has no account, but the trackers take the activities' origin
  // from actor.account.homePage: give them this site's origin without adding a second
  // identifier to the statements (not enumerable, so JSON and IndexedDB leave it out).
  const actor = { ...agent };
  Object.defineProperty(actor, "account", {
    value: { homePage: location.origin, name: "" },
    enumerable: false,
  });
  return actor as LearnerActor;
}

/** How the current learner is known: launched, signed in, declared by themselves, or not. */
export function identitySource(): "launch" | "session" | "declared" | null {
  if (launchActor) return "launch";
  if (cachedMe()) return "session";
  if (!usesOwnLrs && declaredIdentity()) return "declared";
  return null;
}

/** The learner to attribute statements to, or null when nobody is known on this device. */
export function currentLearner(): LearnerActor | null {
  if (launchActor) return asLearner(launchActor);
  const me = cachedMe()?.actor as LearnerActor | undefined;
  if (me) return me;
  const declared = usesOwnLrs ? null : declaredIdentity();
  return declared ? declaredActor(declared) : null;
}

/**
 * The origin of the activity ids this site records: the platform's configured origin (the
 * learner's account homePage) on Adal's own LRS, else this site's origin, so a launch by an
 * LMS does not put the LMS's address into the site's activity ids.
 */
export function activityOrigin(actor: LearnerActor): string {
  return launchActor || !usesOwnLrs ? location.origin : actor.account.homePage;
}

/** Refreshes who is signed in (when online, Adal's own LRS only) and returns them. */
export async function refreshLearner(): Promise<LearnerActor | null> {
  if (launchActor || !usesOwnLrs) return currentLearner();
  await fetchMe();
  return currentLearner();
}

/** The owner of what this tab records and may send: this LRS and the current learner. */
export function currentOwner(): Owner | null {
  const key = actorKey(currentLearner());
  return key ? { endpoint: lrsEndpoint, actorKey: key } : null;
}

export interface RecordResult {
  queued: number;
  /** Statements refused because they exceed the LRS's limit: kept aside and shown, not sent. */
  tooLarge: { id: string; bytes: number }[];
}

/** Queues statements for the LRS; one too large to ever be stored is refused (and kept). */
export async function record(
  ...statements: ({ id: string } & Record<string, unknown>)[]
): Promise<RecordResult> {
  const now = Date.now();
  const { queued, refused } = admit(statements, lrsEndpoint, now);
  const aside: RejectedStatement[] = refused.map((r) => ({
    ...r,
    reason: "too-large",
    status: 0,
    rejectedAt: now,
  }));
  await enqueue(queued, aside);
  return { queued: queued.length, tooLarge: refused.map((r) => ({ id: r.id, bytes: r.bytes })) };
}

/** Statements of the current learner still waiting on this device (they count for progress). */
export async function pendingStatements(): Promise<Record<string, unknown>[]> {
  const owner = currentOwner();
  if (!owner) return [];
  return (await pending())
    .filter((q) => q.endpoint === owner.endpoint && q.actorKey === owner.actorKey)
    .map((q) => q.statement);
}

/**
 * Writes an xAPI State document of the learner (resume point). It is kept on the device first
 * and sent when the LRS can be reached, the latest value per document winning.
 */
export async function saveState(
  activityId: string,
  stateId: string,
  value: unknown,
  actor: LearnerActor,
): Promise<void> {
  await saveStateDocument(activityId, stateId, value, actor).catch(() => undefined);
}

/** Reads a State document: this device's unsent value if any, else the LRS's (or its copy). */
export async function loadState<T>(
  activityId: string,
  stateId: string,
  actor: LearnerActor,
): Promise<T | null> {
  return (await loadStateDocument(activityId, stateId, actor).catch(() => null)) as T | null;
}
