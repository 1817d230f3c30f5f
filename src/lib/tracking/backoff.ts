// Retry schedule for sending queued statements: exponential back-off with full jitter, capped,
// so that thousands of phones coming back online do not hit the LRS in the same second.

export const BASE_DELAY_MS = 2_000;
export const MAX_DELAY_MS = 5 * 60_000;

/** Delay before retry number `attempt` (1 = first retry); `random` in [0, 1). */
export function retryDelay(attempt: number, random: number = Math.random()): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

/**
 * What the LRS's answer means for what was sent:
 * - `sent`: stored (2xx);
 * - `retry`: no answer (0: offline, DNS, CORS), timeout, rate limit or server failure: try later;
 * - `signin`: 401, the session or credential is no longer valid: keep everything until the
 *   learner signs in (or is launched) again;
 * - `forbidden`: 403, kept on the device, never dropped (a session-wide refusal such as a password
 *   that must be changed, or one statement the LRS rules refuse);
 * - `too-large`: 413, split the batch; a single statement that big can never be stored;
 * - `refused`: any other 4xx (400 invalid, 409 conflicting id…): split the batch; a single
 *   statement refused is set aside, visible to the learner, never silently discarded.
 */
export type SendOutcome = "sent" | "retry" | "signin" | "forbidden" | "too-large" | "refused";

export function outcomeFor(status: number): SendOutcome {
  if (status >= 200 && status < 300) return "sent";
  if (status === 401) return "signin";
  if (status === 403) return "forbidden";
  if (status === 413) return "too-large";
  if (status === 0 || status === 408 || status === 429 || status >= 500 || status < 200)
    return "retry";
  return "refused";
}

/** The platform's code for "change your password before doing anything else". */
export const PASSWORD_CHANGE_CODE = "password-change-required";
