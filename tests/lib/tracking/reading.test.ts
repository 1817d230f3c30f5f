import { describe, expect, it } from "vitest";
import {
  MIN_READING_MS,
  READING_SHARE,
  requiredReadingMs,
  VisibleTime,
} from "../../../src/lib/tracking/reading.ts";

describe("requiredReadingMs", () => {
  it("is a share of the estimated reading time, never below the minimum", () => {
    expect(requiredReadingMs(12)).toBe(12 * 60_000 * READING_SHARE);
    expect(requiredReadingMs(12)).toBe(180_000);
    expect(requiredReadingMs(1)).toBe(MIN_READING_MS);
    expect(requiredReadingMs(Number.NaN)).toBe(MIN_READING_MS);
  });
});

describe("VisibleTime", () => {
  it("counts only the time the page is visible", () => {
    const t = new VisibleTime(0, true);
    expect(t.elapsed(10_000)).toBe(10_000);
    t.hide(10_000);
    expect(t.elapsed(600_000)).toBe(10_000); // ten minutes in another tab count for nothing
    t.show(600_000);
    expect(t.elapsed(620_000)).toBe(30_000);
    expect(t.remaining(620_000, 180_000)).toBe(150_000);
  });

  it("starts paused when the page opens in the background, and ignores repeated events", () => {
    const t = new VisibleTime(0, false);
    t.hide(5_000);
    expect(t.elapsed(50_000)).toBe(0);
    t.show(50_000);
    t.show(60_000);
    expect(t.elapsed(70_000)).toBe(20_000);
    expect(t.remaining(400_000, 180_000)).toBe(0);
  });
});
