import { describe, expect, it } from "vitest";
import { numericDate, numericDateTime } from "../../../src/lib/format/dates.ts";
import { longDate } from "../../../src/lib/format/long-date.ts";

// Local time: the constructor with parts is read in the machine's zone, as the getters are.
const date = new Date(2027, 11, 7, 9, 5);

describe("dates as written in Kazakhstan", () => {
  it("numeric, zero-padded, day first", () => {
    expect(numericDate(date)).toBe("07.12.2027");
    expect(numericDate(new Date(2026, 0, 31))).toBe("31.01.2026");
    expect(numericDateTime(date)).toBe("07.12.2027, 09:05");
  });
  it("long, in each language's own order and case", () => {
    expect(longDate(date, "kk")).toBe("2027 жылғы 7 желтоқсан");
    expect(longDate(new Date(2026, 2, 1), "kk")).toBe("2026 жылғы 1 наурыз");
    expect(longDate(date, "ru")).toBe("7 декабря 2027 г.");
    expect(longDate(new Date(2026, 4, 9), "ru")).toBe("9 мая 2026 г.");
  });
});
