import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../src/server/accounts/csv.ts";
import { parseRoster } from "../../../src/server/accounts/roster.ts";

const units = new Set(["DP-ALM", "DP-ALM-1"]);

describe("parseCsv", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks", () => {
    const rows = parseCsv('a,b\r\n"Сейітов, Ерлан","say ""hi""\nthere"\n');
    expect(rows).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["Сейітов, Ерлан", 'say "hi"\nthere'] },
    ]);
  });

  it("detects semicolon-separated files and skips blank lines", () => {
    expect(parseCsv("\uFEFFa;b\n\n1;2")).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 3, fields: ["1", "2"] },
    ]);
  });

  it("refuses an unclosed quote", () => {
    expect(() => parseCsv('a\n"open')).toThrow(/line 2/u);
  });
});

describe("parseRoster", () => {
  const header = "personnel_number,full_name,unit,role,email";

  it("accepts a valid roster", () => {
    const result = parseRoster(
      `${header}\n100234,Ерлан Сейітов,DP-ALM-1,learner,\n100235,Айгүл Нұрланқызы,DP-ALM,officer,aigul@police.kz`,
      units,
    );
    expect(result.errors).toEqual([]);
    expect(result.entries.map((e) => [e.personnelNumber, e.role, e.email])).toEqual([
      ["100234", "learner", null],
      ["100235", "officer", "aigul@police.kz"],
    ]);
  });

  it("reports every bad line with its number and reason", () => {
    const result = parseRoster(
      [
        header,
        "1,Ерлан Сейітов,DP-ALM,learner,",
        "100236,,NOPE,chief,bad@",
        "100237,Дәурен Ахметов,DP-ALM,learner,",
        "100237,Дәурен Қайта,DP-ALM,learner,",
      ].join("\n"),
      units,
    );
    expect(result.errors).toEqual([
      'line 2: personnel number "1" must be 3–20 letters, digits or dashes',
      'line 3: full name is missing; unit "NOPE" does not exist (create it first with `adal units add`); role "chief" must be one of learner, officer, admin; e-mail "bad@" is not valid',
      "line 5: personnel number 100237 already appears on line 4",
    ]);
  });

  it("requires the header columns", () => {
    expect(parseRoster("number,name\n1,2", units).errors[0]).toMatch(
      /^line 1: the header must name/u,
    );
  });
});
