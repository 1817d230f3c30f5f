// xAPI State documents (resume points) that survive being offline. The latest value per
// (LRS, learner, activity, stateId) is kept in IndexedDB and sent when the LRS can be reached.
// Last writer wins, decided with the LRS's ETags where it has them: a value is written with
// If-Match on the version it replaces; when another device wrote in between (412), the LRS's
// version is kept if it is newer than ours (Last-Modified), else ours replaces it.
import { type AgentLike, actorKey, agentIdentifier } from "../../lib/tracking/actor.ts";
import { newerRemote } from "../../lib/tracking/state-order.ts";
import { lrsEndpoint, lrsFetch } from "./config.ts";
import { putState, type StateEntry, stateEntries, stateEntry } from "./outbox.ts";

const keyOf = (endpoint: string, actor: string, activityId: string, stateId: string) =>
  JSON.stringify([endpoint, actor, activityId, stateId]);

function stateUrl(entry: Pick<StateEntry, "activityId" | "stateId">, agent: AgentLike): string {
  const query = new URLSearchParams({
    activityId: entry.activityId,
    agent: JSON.stringify(agentIdentifier(agent)),
    stateId: entry.stateId,
  });
  return `activities/state?${query}`;
}

/** The ETag an LRS that follows the xAPI recommendation (SHA-1 of the content) will give. */
async function expectedEtag(body: string): Promise<string | undefined> {
  if (!globalThis.crypto?.subtle) return undefined; // not a secure context
  const digest = await crypto.subtle.digest("SHA-1", new TextEncoder().encode(body));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `"${hex}"`;
}

interface Remote {
  status: number;
  value?: unknown;
  etag?: string | undefined;
  modified?: number | undefined;
}

async function readRemote(entry: StateEntry, agent: AgentLike): Promise<Remote> {
  const response = await lrsFetch(stateUrl(entry, agent)).catch(() => null);
  if (!response) return { status: 0 };
  if (!response.ok) return { status: response.status };
  const text = await response.text();
  let value: unknown = text;
  try {
    value = JSON.parse(text);
  } catch {}
  const modified = Date.parse(response.headers.get("last-modified") ?? "");
  return {
    status: 200,
    value,
    etag: response.headers.get("etag") ?? undefined,
    modified: Number.isNaN(modified) ? undefined : modified,
  };
}

/** Sends one dirty entry; true when the LRS now holds it (or a newer value). */
async function push(entry: StateEntry, agent: AgentLike): Promise<boolean> {
  const body = JSON.stringify(entry.value);
  let etag = entry.etag;
  for (let round = 0; round < 2; round++) {
    if (etag === undefined) {
      const remote = await readRemote(entry, agent);
      if (remote.status === 200) {
        if (newerRemote(remote.modified, entry.savedAt)) {
          // Another device saved later: its value is the latest; keep a copy of it here.
          await putState(
            {
              ...entry,
              value: remote.value,
              etag: remote.etag,
              savedAt: entry.savedAt,
              dirty: false,
            },
            entry.savedAt,
          );
          return true;
        }
        etag = remote.etag ?? "";
      } else if (remote.status === 404) etag = "";
      else return false;
    }
    const conditions: Record<string, string> =
      etag === "" ? { "If-None-Match": "*" } : { "If-Match": etag };
    const response = await lrsFetch(stateUrl(entry, agent), {
      method: "PUT",
      headers: { "Content-Type": "application/json", ...conditions },
      body,
    }).catch(() => null);
    if (response?.ok) {
      const sent = await expectedEtag(body);
      if (!(await putState({ ...entry, etag: sent, dirty: false }, entry.savedAt))) {
        // Saved again while this was on its way: the newer value replaces what was just sent.
        const newer = await stateEntry(entry.key);
        if (newer) await putState({ ...newer, etag: sent }, newer.savedAt);
      }
      return true;
    }
    if (response?.status !== 412) return false;
    etag = undefined; // changed meanwhile: look again, once
  }
  return false;
}

let syncing: Promise<void> | null = null;
let again = false;

/** Sends every unsent State document of this learner to this LRS, one sync at a time. */
export async function syncStates(agent: AgentLike): Promise<void> {
  if (syncing) {
    again = true;
    return syncing;
  }
  const key = actorKey(agent);
  syncing = (async () => {
    do {
      again = false;
      for (const entry of await stateEntries()) {
        if (!entry.dirty || entry.endpoint !== lrsEndpoint || entry.actorKey !== key) continue;
        if (!(await push(entry, agent))) return; // offline or refused: try again later
      }
    } while (again);
  })().finally(() => {
    syncing = null;
  });
  return syncing;
}

export async function saveStateDocument(
  activityId: string,
  stateId: string,
  value: unknown,
  agent: AgentLike,
): Promise<void> {
  const owner = actorKey(agent);
  if (!owner) return;
  const key = keyOf(lrsEndpoint, owner, activityId, stateId);
  const previous = await stateEntry(key);
  await putState({
    key,
    endpoint: lrsEndpoint,
    actorKey: owner,
    activityId,
    stateId,
    value,
    savedAt: Math.max(Date.now(), (previous?.savedAt ?? 0) + 1),
    etag: previous?.etag,
    dirty: true,
  });
  await syncStates(agent);
}

export async function loadStateDocument(
  activityId: string,
  stateId: string,
  agent: AgentLike,
): Promise<unknown> {
  const owner = actorKey(agent);
  if (!owner) return null;
  const key = keyOf(lrsEndpoint, owner, activityId, stateId);
  const local = await stateEntry(key);
  if (local?.dirty) {
    void syncStates(agent);
    return local.value;
  }
  const probe = { key, endpoint: lrsEndpoint, actorKey: owner, activityId, stateId } as StateEntry;
  const remote = await readRemote(probe, agent);
  if (remote.status === 200) {
    await putState(
      {
        ...probe,
        value: remote.value,
        savedAt: remote.modified ?? Date.now(),
        etag: remote.etag,
        dirty: false,
      },
      local?.savedAt,
    );
    return remote.value;
  }
  if (remote.status === 404) return null;
  return local ? local.value : null; // offline: the last value seen on this device
}
