// What the dashboard says when a report cannot be loaded, in the interface language. The API
// answers a code and an English message (for logs and scripts); the officer reads the code's
// entry of the dictionary, never the English text.
import { ApiFailure } from "../account/api.ts";
import { fill, type Strings } from "./format.ts";

/** The API's error codes of the report routes → the dictionary's keys (without `reports.`). */
export const ERROR_KEYS: Record<string, string> = {
  "bad-date": "error.bad-date",
  "bad-range": "error.bad-range",
  "out-of-scope": "error.out-of-scope",
  "not-found": "error.not-found",
  forbidden: "forbidden",
  internal: "error.server",
  // Malformed requests the dashboard itself never sends (a hand-edited address).
  "bad-role": "error.bad-request",
  "bad-format": "error.bad-request",
  "bad-lang": "error.bad-request",
  "bad-limit": "error.bad-request",
  "bad-offset": "error.bad-request",
  "bad-attempts": "error.bad-request",
  "bad-source": "error.bad-request",
  "bad-clause": "error.bad-request",
};

export function errorText(error: Error, s: Strings): string {
  if (!(error instanceof ApiFailure)) return s["error.network"] ?? "";
  const key = ERROR_KEYS[error.code];
  if (key && s[key]) return s[key] ?? "";
  if (error.status === 403) return s.forbidden ?? "";
  if (error.status >= 500) return s["error.server"] ?? "";
  return fill(s["error.other"], { status: error.status });
}
