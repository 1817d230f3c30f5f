// Who a queued item belongs to. The outbox on a shared office PC holds several people's
// records; each is keyed by its actor's identifier (IFI) so only that person's session or
// launch ever sends it.

export interface AgentLike {
  objectType?: string;
  name?: string;
  mbox?: string;
  mbox_sha1sum?: string;
  openid?: string;
  account?: { homePage: string; name: string };
}

/** A stable key of an agent's inverse functional identifier, or null when it has none. */
export function actorKey(agent: unknown): string | null {
  if (!agent || typeof agent !== "object") return null;
  const a = agent as AgentLike;
  if (typeof a.mbox === "string") return `mbox:${a.mbox.toLowerCase()}`;
  if (typeof a.mbox_sha1sum === "string") return `sha1:${a.mbox_sha1sum.toLowerCase()}`;
  if (typeof a.openid === "string") return `openid:${a.openid}`;
  const acc = a.account;
  if (acc && typeof acc.homePage === "string" && typeof acc.name === "string")
    return `account:${acc.homePage.replace(/\/$/u, "")}|${acc.name}`;
  return null;
}

/** Only the identifying part of an agent: what the xAPI `agent` query parameter carries. */
export function agentIdentifier(agent: AgentLike): AgentLike {
  if (agent.mbox) return { objectType: "Agent", mbox: agent.mbox };
  if (agent.mbox_sha1sum) return { objectType: "Agent", mbox_sha1sum: agent.mbox_sha1sum };
  if (agent.openid) return { objectType: "Agent", openid: agent.openid };
  return { objectType: "Agent", ...(agent.account ? { account: agent.account } : {}) };
}

const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);
const text = (value: unknown): string | undefined => {
  const v = first(value);
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
};

/**
 * An agent from the `actor` launch parameter: the xAPI form, or the older Tin Can launch form
 * (`{"name":["…"],"mbox":["mailto:…"]}`, `account: [{accountServiceHomePage, accountName}]`).
 * Returns null when it does not identify anyone.
 */
export function launchAgent(raw: string): AgentLike | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return null;
  const p = parsed as Record<string, unknown>;
  if (p.objectType !== undefined && p.objectType !== "Agent") return null;
  const name = text(p.name);
  const out: AgentLike = { objectType: "Agent", ...(name ? { name } : {}) };
  const mbox = text(p.mbox);
  const sha1 = text(p.mbox_sha1sum);
  const openid = text(p.openid);
  const account = first(p.account) as Record<string, unknown> | undefined;
  if (mbox) {
    if (!/^mailto:[^@\s]+@[^@\s]+$/u.test(mbox)) return null;
    out.mbox = mbox;
  } else if (sha1) {
    if (!/^[0-9a-f]{40}$/iu.test(sha1)) return null;
    out.mbox_sha1sum = sha1;
  } else if (openid) {
    out.openid = openid;
  } else if (account && typeof account === "object") {
    const homePage = text(account.homePage ?? account.accountServiceHomePage);
    const accountName = text(account.name ?? account.accountName);
    if (!homePage || !accountName || !/^https?:\/\//u.test(homePage)) return null;
    out.account = { homePage, name: accountName };
  } else return null;
  return out;
}
