import { describe, expect, it } from "vitest";
import { MAX_DELAY_MS, outcomeFor, retryDelay } from "../../../src/lib/tracking/backoff.ts";

describe("retryDelay", () => {
  it("doubles the ceiling each attempt and keeps at least half of it", () => {
    expect(retryDelay(1, 0)).toBe(1_000);
    expect(retryDelay(1, 0.999_999)).toBe(2_000);
    expect(retryDelay(3, 0)).toBe(4_000);
    expect(retryDelay(3, 0.5)).toBe(6_000);
  });

  it("never exceeds the cap", () => {
    expect(retryDelay(50, 0.999_999)).toBeLessThanOrEqual(MAX_DELAY_MS);
    expect(retryDelay(50, 0)).toBe(MAX_DELAY_MS / 2);
  });
});

describe("outcomeFor", () => {
  it("treats 2xx as sent", () => {
    expect(outcomeFor(200)).toBe("sent");
    expect(outcomeFor(204)).toBe("sent");
  });

  it("retries when offline, timed out, rate-limited or the server fails", () => {
    for (const status of [0, 408, 429, 500, 502, 503]) expect(outcomeFor(status)).toBe("retry");
  });

  it("holds everything on 401 and 403 instead of giving up on it", () => {
    expect(outcomeFor(401)).toBe("signin");
    expect(outcomeFor(403)).toBe("forbidden");
  });

  it("tells a too-large body from other refusals", () => {
    expect(outcomeFor(413)).toBe("too-large");
    for (const status of [400, 404, 409, 422]) expect(outcomeFor(status)).toBe("refused");
  });
});
