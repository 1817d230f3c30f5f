import { describe, expect, it } from "vitest";
import { newerRemote } from "../../../src/lib/tracking/state-order.ts";

describe("newerRemote", () => {
  const saved = Date.parse("2026-03-01T10:00:00.400Z");

  it("lets a version stored later on the LRS win", () => {
    expect(newerRemote(Date.parse("2026-03-01T10:00:01Z"), saved)).toBe(true);
  });

  it("keeps this device's value against an older or same-second version", () => {
    expect(newerRemote(Date.parse("2026-03-01T09:59:59Z"), saved)).toBe(false);
    expect(newerRemote(Date.parse("2026-03-01T10:00:00Z"), saved)).toBe(false);
    expect(newerRemote(undefined, saved)).toBe(false);
  });
});
