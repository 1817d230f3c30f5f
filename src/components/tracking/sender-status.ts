// What the sender last ran into, for the outbox indicator. Kept apart from the sender, which
// (with @xapi/xapi) is loaded only when there is something to send and a connection to send on.
import type { Stop } from "../../lib/tracking/deliver.ts";

export interface SenderStatus {
  /** Why the last attempt stopped ("retry" while offline or the LRS is down). */
  stop: Stop | null;
  /** The security policy of the site blocked the LRS's address. */
  blocked: string | null;
}

export const status: SenderStatus = { stop: null, blocked: null };
