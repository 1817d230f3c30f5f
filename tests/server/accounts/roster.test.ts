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

  it("refuses unexpected columns in the header, naming them", () => {
    const [error] = parseRoster(
      `${header},rank\n100234,Ерлан Сейітов,DP-ALM,learner,,майор`,
      units,
    ).errors;
    expect(error).toMatch(/^line 1: the header must name the columns .* \(unexpected: rank\)$/u);
    expect(parseRoster(`${header},email\n`, units).errors[0]).toMatch(/named twice: email/u);
    // Trailing separators a spreadsheet adds are not columns.
    expect(
      parseRoster(`${header},,\n100234,Ерлан Сейітов,DP-ALM,learner,,,`, units).errors,
    ).toEqual([]);
  });

  it("refuses a line with more fields than the header, and says why it may happen", () => {
    const result = parseRoster(
      `${header}\n100234,Сейітов,Ерлан,DP-ALM,learner,erlan@police.kz\n100235,Айгүл Нұрланқызы,DP-ALM,officer,`,
      units,
    );
    expect(result.errors).toEqual([
      "line 2: 6 fields, but the header has 5 columns (a comma or semicolon inside a name must be in double quotes)",
    ]);
    expect(result.entries.map((e) => e.personnelNumber)).toEqual(["100235"]);
  });

  it("says a two-letter name is too short rather than missing", () => {
    const [error] = parseRoster(`${header}\n100234,Ли,DP-ALM,learner,`, units).errors;
    expect(error).toBe(
      'line 2: full name "Ли" is too short (at least 3 characters: surname and given name)',
    );
  });

  it("refuses a name with an invisible control character, naming it and its position", () => {
    const result = parseRoster(
      `${header}\n100234,Сейітов\u0001 Ерлан,DP-ALM,learner,\n100235,Айгүл\u007F Нұрланқызы,DP-ALM,learner,\n100236,Сейітов Ерлан,DP-ALM,learner,`,
      units,
    );
    expect(result.errors).toEqual([
      "line 2: full name contains an invisible control character (U+0001) at position 8: remove it",
      "line 3: full name contains an invisible control character (U+007F) at position 6: remove it",
    ]);
    expect(result.entries.map((e) => e.personnelNumber)).toEqual(["100236"]);
  });
});
