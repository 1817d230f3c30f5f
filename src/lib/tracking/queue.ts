// Which queued items a page may send and how many wait for whom. Items are keyed by owner:
// the LRS endpoint they are meant for and their actor, so one learner's records are only ever
// sent with that learner's own session (or launch) to the LRS they were recorded for.
import { actorKey } from "./actor.ts";
import { jsonBytes, LRS_JSON_LIMIT_BYTES } from "./limits.ts";

export interface Owner {
  endpoint: string;
  actorKey: string;
}

export interface QueueEntry {
  id: string;
  endpoint: string;
  actorKey: string | null;
  queuedAt: number;
  /** Set when the LRS refused this item on its own (403): sent after the others. */
  problem?: { status: number; message: string; at: number } | undefined;
}

export const belongsTo = (entry: Pick<QueueEntry, "endpoint" | "actorKey">, owner: Owner) =>
  entry.endpoint === owner.endpoint && entry.actorKey === owner.actorKey;

/** The owner's items in the order to send them: oldest first, those refused before last. */
export function sendable<T extends QueueEntry>(entries: readonly T[], owner: Owner | null): T[] {
  if (!owner) return [];
  return entries
    .filter((e) => belongsTo(e, owner))
    .sort((a, b) => Number(!!a.problem) - Number(!!b.problem) || a.queuedAt - b.queuedAt);
}

export interface OutboxCounts {
  /** The current learner's items waiting to be sent. */
  mine: number;
  /** Of those, how many the LRS refused on their own (kept, retried). */
  refusedMine: number;
  /** Items of other people (or for another LRS) kept until their owner signs in again. */
  others: number;
  /** Of the others, those of one particular person (the learner whose session expired). */
  of: number;
}

export function countOutbox(
  entries: readonly QueueEntry[],
  owner: Owner | null,
  expired: string | null = null,
): OutboxCounts {
  const counts: OutboxCounts = { mine: 0, refusedMine: 0, others: 0, of: 0 };
  for (const e of entries) {
    if (owner && belongsTo(e, owner)) {
      counts.mine += 1;
      if (e.problem) counts.refusedMine += 1;
    } else {
      counts.others += 1;
      if (expired !== null && e.actorKey === expired) counts.of += 1;
    }
  }
  return counts;
}

export interface Admitted<S> {
  id: string;
  statement: S;
  queuedAt: number;
  endpoint: string;
  actorKey: string | null;
  bytes: number;
}

/**
 * What becomes of statements being recorded: each is measured and keyed by its owner; one
 * larger than the LRS accepts is refused here, before it is ever queued (it could never be
 * stored), and kept aside with the reason so the learner sees it.
 */
export function admit<S extends { id: string; actor?: unknown }>(
  statements: readonly S[],
  endpoint: string,
  now: number,
  limit: number = LRS_JSON_LIMIT_BYTES,
): { queued: Admitted<S>[]; refused: (Admitted<S> & { message: string })[] } {
  const queued: Admitted<S>[] = [];
  const refused: (Admitted<S> & { message: string })[] = [];
  statements.forEach((statement, i) => {
    const item = {
      id: statement.id,
      statement,
      queuedAt: now + i,
      endpoint,
      actorKey: actorKey(statement.actor),
      bytes: jsonBytes(statement),
    };
    if (item.bytes <= limit) queued.push(item);
    else
      refused.push({
        ...item,
        message: `The statement is ${item.bytes} bytes; the LRS accepts at most ${limit}.`,
      });
  });
  return { queued, refused };
}
