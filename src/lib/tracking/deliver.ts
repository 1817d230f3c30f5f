// Delivering queued statements to an LRS: batches packed under the LRS's size limit, and what
// to do with each answer. One bad statement never blocks or loses the others: a refused batch is
// halved until the statement at fault stands alone; that one is set aside (and shown to the
// learner), the rest are stored. The transport is injected, so the same logic runs in the
// browser (fetch to the LRS) and in tests (a real LRS in process).
import { outcomeFor, PASSWORD_CHANGE_CODE } from "./backoff.ts";
import { LRS_JSON_LIMIT_BYTES, MAX_BATCH_STATEMENTS, packBatches } from "./limits.ts";

export interface Deliverable {
  id: string;
  statement: object;
  /** Size of the statement as JSON, measured when it was queued. */
  bytes: number;
}

export interface LrsAnswer {
  /** HTTP status; 0 when there was no answer (offline, DNS, blocked by CSP or CORS). */
  status: number;
  /** The LRS's explanation (its error message), shown to the learner for refusals. */
  message: string;
}

export type Post = (statements: object[]) => Promise<LrsAnswer>;

/** Why a statement was set aside: it can never be stored as it is. */
export type RejectReason = "too-large" | "refused";

export interface Rejection<T> {
  item: T;
  reason: RejectReason;
  status: number;
  message: string;
}

/** Why delivery stopped before the end: everything not sent stays queued. */
export type Stop =
  | { kind: "retry"; status: number; message: string }
  | { kind: "signin"; status: number; message: string }
  | { kind: "password"; status: number; message: string }
  | { kind: "forbidden"; status: number; message: string };

export interface DeliveryReport<T> {
  sent: string[];
  rejected: Rejection<T>[];
  /** Statements the LRS refused with 403 on their own: kept queued with the LRS's reason. */
  forbidden: { item: T; message: string }[];
  stop: Stop | null;
}

export interface DeliveryOptions {
  maxBytes?: number;
  maxCount?: number;
}

class Stopped extends Error {
  readonly stop: Stop;
  constructor(stop: Stop) {
    super(stop.kind);
    this.stop = stop;
  }
}

export async function deliver<T extends Deliverable>(
  items: readonly T[],
  post: Post,
  options: DeliveryOptions = {},
): Promise<DeliveryReport<T>> {
  const maxBytes = options.maxBytes ?? LRS_JSON_LIMIT_BYTES;
  const report: DeliveryReport<T> = { sent: [], rejected: [], forbidden: [], stop: null };
  const fits: T[] = [];
  for (const item of items) {
    if (item.bytes > maxBytes) {
      report.rejected.push({
        item,
        reason: "too-large",
        status: 413,
        message: `The statement is ${item.bytes} bytes; the LRS accepts at most ${maxBytes}.`,
      });
    } else fits.push(item);
  }

  const send = async (group: T[]): Promise<void> => {
    const answer = await post(group.map((i) => i.statement));
    const outcome = outcomeFor(answer.status);
    if (outcome === "sent") {
      report.sent.push(...group.map((i) => i.id));
      return;
    }
    if (outcome === "retry" || outcome === "signin")
      throw new Stopped({ kind: outcome, ...answer });
    if (outcome === "forbidden" && answer.message.includes(PASSWORD_CHANGE_CODE))
      throw new Stopped({ kind: "password", ...answer });
    if (group.length > 1) {
      const half = Math.ceil(group.length / 2);
      await send(group.slice(0, half));
      await send(group.slice(half));
      return;
    }
    const [item] = group as [T];
    if (outcome === "forbidden") {
      report.forbidden.push({ item, message: answer.message });
      // Nothing stored yet in this round: the refusal is probably about the session or the
      // credential, not this statement; stop and keep everything. The caller sends statements
      // refused before last, so one refused statement cannot stall the others for long.
      if (report.sent.length === 0) throw new Stopped({ kind: "forbidden", ...answer });
      return;
    }
    report.rejected.push({ item, reason: outcome, ...answer });
  };

  try {
    for (const batch of packBatches(fits, maxBytes, options.maxCount ?? MAX_BATCH_STATEMENTS))
      await send(batch);
  } catch (error) {
    if (!(error instanceof Stopped)) throw error;
    report.stop = error.stop;
  }
  return report;
}
