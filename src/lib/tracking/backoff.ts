// Retry schedule for sending queued statements: exponential back-off with full jitter, capped,
// so that thousands of phones coming back online do not hit the LRS in the same second.

export const BASE_DELAY_MS = 2_000;
export const MAX_DELAY_MS = 5 * 60_000;

/** Delay before retry number `attempt` (1 = first retry); `random` in [0, 1). */
export function retryDelay(attempt: number, random: number = Math.random()): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

export type SendOutcome = "sent" | "retry" | "rejected";

/**
 * What to do with a batch after the LRS answered `status` (0 = no answer: offline, DNS, CORS).
 * 2xx: sent. 409 cannot happen for an unchanged resend (same id, same content is accepted), so
 * it means the statement can never be stored: rejected like any other 4xx except 401/408/429,
 * which are temporary (signed out, timeout, rate limit). 5xx and no answer: retry.
 */
export function outcomeFor(status: number): SendOutcome {
  if (status >= 200 && status < 300) return "sent";
  if (status === 0 || status === 401 || status === 408 || status === 429 || status >= 500)
    return "retry";
  return "rejected";
}
