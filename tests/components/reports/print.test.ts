// Printing a list prints all of it: every row is loaded a page of 1,000 at a time, up to 5,000,
// and the printout says what it holds (all rows; the first 5,000 of more; only the page on
// screen when printed without the Print button).
import { describe, expect, it } from "vitest";
import { loadAll, PRINT_MAX, printNoteText } from "../../../src/components/reports/print.tsx";
import { kk } from "../../../src/i18n/kk.ts";
import type { Paged } from "../../../src/lib/reports/types.ts";

/** A list of `total` numbered rows behind a fake API, and the requests it got. */
function fakeList(total: number) {
  const asked: string[] = [];
  const get = async (path: string): Promise<Paged<number>> => {
    asked.push(path);
    const query = new URLSearchParams(path.split("?")[1]);
    const offset = Number(query.get("offset"));
    const limit = Number(query.get("limit"));
    const rows = Array.from(
      { length: Math.max(0, Math.min(limit, total - offset)) },
      (_, i) => offset + i,
    );
    return { rows, total, offset, limit };
  };
  return { asked, get };
}

const f = {
  locale: "kk-KZ",
  timeZone: "Asia/Almaty",
  unitName: (c: string) => c,
  s: Object.fromEntries(
    Object.entries(kk)
      .filter(([k]) => k.startsWith("reports."))
      .map(([k, v]) => [k.slice("reports.".length), v]),
  ),
};

describe("printing a list", () => {
  it("loads every row, a page of 1,000 at a time", async () => {
    const list = fakeList(2_500);
    const rows = await loadAll("/reports/due?unit=DP", 2_500, list.get);
    expect(rows).toHaveLength(2_500);
    expect(rows[2_499]).toBe(2_499);
    expect(list.asked).toEqual([
      "/reports/due?unit=DP&offset=0&limit=1000",
      "/reports/due?unit=DP&offset=1000&limit=1000",
      "/reports/due?unit=DP&offset=2000&limit=500",
    ]);
  });

  it("stops at 5,000 rows, and when the list got shorter meanwhile", async () => {
    const long = fakeList(7_532);
    expect(await loadAll("/reports/due", 7_532, long.get)).toHaveLength(PRINT_MAX);
    expect(long.asked).toHaveLength(5);
    expect(long.asked[0]).toBe("/reports/due?offset=0&limit=1000");
    const shrunk = fakeList(150);
    expect(await loadAll("/reports/stuck", 300, shrunk.get)).toHaveLength(150);
    expect(await loadAll("/reports/stuck", 0, shrunk.get)).toEqual([]);
  });

  it("says on paper what the printout holds", () => {
    const n = (x: number) => new Intl.NumberFormat("kk-KZ").format(x);
    expect(printNoteText(f, 532, 532, 0)).toBe(`Барлығы: ${n(532)}.`);
    expect(printNoteText(f, 5_000, 7_532, 0)).toBe(
      `${n(7_532)} жазбаның алғашқы ${n(5_000)} жазбасы ғана басып шығарылды. Барлығын алу үшін CSV немесе XLSX форматында жүктеп алыңыз.`,
    );
    expect(printNoteText(f, 100, 532, 100)).toMatch(
      new RegExp(`^${n(532)} жазбаның 101–200 аралығы ғана басып шығарылды`, "u"),
    );
  });
});
