import { describe, expect, it } from "vitest";
import {
  DateInputError,
  formatDuration,
  localDateTime,
  localMonth,
  monthRange,
  parseInstant,
  parseLocalDate,
  startOfLocalDay,
  startOfLocalMonth,
} from "../../../src/lib/reports/time.ts";

describe("strict dates", () => {
  it("accepts real calendar dates and instants", () => {
    expect(parseLocalDate("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseInstant("2026-01-31T09:30:00+05:00").toISOString()).toBe(
      "2026-01-31T04:30:00.000Z",
    );
    expect(parseInstant("2026-01-31T23:59Z").toISOString()).toBe("2026-01-31T23:59:00.000Z");
  });

  it("refuses dates that do not exist instead of rolling over", () => {
    for (const bad of [
      "2026-13-45",
      "2026-02-30",
      "2025-02-29",
      "2026-00-10",
      "2026-1-5",
      "26-01-05",
      "x",
    ])
      expect(() => parseLocalDate(bad, "from"), bad).toThrow(DateInputError);
    expect(() => parseLocalDate("2026-02-30", "from")).toThrow(
      /from=2026-02-30: 2026-02 has no day 30/u,
    );
    for (const bad of [
      "2026-01-01T99:99Z",
      "2026-01-01T24:00Z",
      "2026-01-01T10:00:60Z",
      "2026-01-01T10:00",
      "2026-02-30T10:00Z",
      "2026-01-01T10:00+15:00",
    ])
      expect(() => parseInstant(bad, "to"), bad).toThrow(DateInputError);
  });
});

describe("local days and months in Asia/Almaty", () => {
  const zone = "Asia/Almaty";
  it("starts a local day at the zone's midnight (UTC+5 since March 2024, UTC+6 before)", () => {
    expect(startOfLocalDay({ year: 2026, month: 11, day: 1 }, zone).toISOString()).toBe(
      "2026-10-31T19:00:00.000Z",
    );
    expect(startOfLocalDay({ year: 2023, month: 6, day: 1 }, zone).toISOString()).toBe(
      "2023-05-31T18:00:00.000Z",
    );
    expect(startOfLocalMonth("2026-01", zone).toISOString()).toBe("2025-12-31T19:00:00.000Z");
  });

  it("puts an evening in UTC into the next local month", () => {
    expect(localMonth(new Date("2026-10-31T20:00:00Z"), zone)).toBe("2026-11");
    expect(localMonth(new Date("2026-10-31T20:00:00Z"), "UTC")).toBe("2026-10");
    expect(localDateTime("2026-10-31T20:00:00Z", zone)).toBe("2026-11-01 01:00");
  });

  it("lists every month of a range", () => {
    expect(monthRange("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(monthRange("2026-03", "2026-02")).toEqual([]);
  });
});

describe("durations", () => {
  const units = { hours: "сағ", minutes: "мин", seconds: "с" };
  it("shows seconds, never rounding half a minute away", () => {
    expect(formatDuration(30_000, units)).toBe("0 мин 30 с");
    expect(formatDuration(750_000, units)).toBe("12 мин 30 с");
    expect(formatDuration(3_725_000, units)).toBe("1 сағ 2 мин 5 с");
    expect(formatDuration(null, units)).toBeNull();
  });
});
