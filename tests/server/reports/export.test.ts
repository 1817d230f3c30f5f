// Exports: formula-looking text is neutralised in CSV and XLSX (numbers stay numbers), the
// workbook's zip entries carry the real date, and the filters go on an "about" sheet.
import { describe, expect, it } from "vitest";
import { dosDateTime, neutralise, toCsv, toXlsx } from "../../../src/server/reports/export.ts";
import { unzip, xmlProblems } from "./xml.ts";

const table = {
  columns: ["name", "value"],
  rows: [
    ['=HYPERLINK("http://evil")', -5],
    ["+7 701 000", 3],
    ["-1+1", null],
    ["@SUM(A1)", 1],
    ["\tTab", 1],
    ["\rCR", 1],
    ["Сейітов Ерлан", 0.5],
  ],
};

describe("CSV and XLSX exports", () => {
  it("prefix text that a spreadsheet would run as a formula", () => {
    expect(neutralise("=1+1")).toBe("'=1+1");
    expect(neutralise("Ерлан")).toBe("Ерлан");
    const csv = toCsv(table);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe("name;value");
    expect(lines[1]).toBe('"\'=HYPERLINK(""http://evil"")";-5');
    expect(lines[2]).toBe("'+7 701 000;3");
    expect(lines[3]).toBe("'-1+1;");
    expect(lines[4]).toBe("'@SUM(A1);1");
    expect(lines[5]).toBe("'\tTab;1");
    expect(lines[6]).toBe('"\'\rCR";1');
    expect(lines[7]).toBe("Сейітов Ерлан;0,5");
  });

  it("writes CSV for Kazakh and Russian Excel: `;` between fields, decimal comma, about block first", () => {
    const csv = toCsv({
      columns: ["Жеке нөмір", "Аты-жөні", "%"],
      rows: [
        [{ text: "00123" }, "Сейітов; Ерлан", 66.7],
        [{ text: "12-05" }, "Айгүл", 100],
        [{ text: '=1"' }, null, -0.5],
      ],
      about: [
        ["Қолданылған сүзгілер", ""],
        ["Бөлімше", "=ALM"],
      ],
    });
    expect(csv.slice(1).split("\r\n")).toEqual([
      "Қолданылған сүзгілер;",
      "Бөлімше;'=ALM",
      "",
      "Жеке нөмір;Аты-жөні;%",
      // Personnel numbers as a text formula: Excel keeps "00123" (not 123) and "12-05" (not a date).
      '"=""00123""";"Сейітов; Ерлан";66,7',
      '"=""12-05""";Айгүл;100',
      // Anything but a plain identifier is ordinary, neutralised text.
      '"\'=1""";;-0,5',
      "",
    ]);
  });

  it("writes the same protection into XLSX text cells, numbers as numbers", () => {
    const sheet = unzip(toXlsx(table, "due")).find((e) => e.name === "xl/worksheets/sheet1.xml");
    expect(sheet?.text).toContain(
      '<t xml:space="preserve">\'=HYPERLINK(&quot;http://evil&quot;)</t>',
    );
    expect(sheet?.text).toContain('<t xml:space="preserve">\'@SUM(A1)</t>');
    expect(sheet?.text).toContain('<c r="B2"><v>-5</v></c>');
  });

  it("dates the zip entries and adds the filters sheet", () => {
    const stamp = dosDateTime({ year: 2026, month: 11, day: 25, hour: 17, minute: 4, second: 31 });
    const entries = unzip(
      toXlsx(
        {
          ...table,
          about: [
            ["Filters", ""],
            ["Unit", "=ALM"],
          ],
        },
        "overview",
        stamp,
      ),
    );
    for (const e of entries) {
      expect(1980 + (e.date >> 9)).toBe(2026);
      expect((e.date >> 5) & 15).toBe(11);
      expect(e.date & 31).toBe(25);
      expect([e.time >> 11, (e.time >> 5) & 63, (e.time & 31) * 2]).toEqual([17, 4, 30]);
    }
    const names = entries.map((e) => e.name);
    expect(names).toContain("xl/worksheets/sheet2.xml");
    expect(entries.find((e) => e.name === "xl/workbook.xml")?.text).toContain('name="about"');
    expect(entries.find((e) => e.name === "xl/worksheets/sheet2.xml")?.text).toContain("'=ALM");
  });

  it("writes only characters XML allows, so every part of the workbook is well-formed", () => {
    const named = '=HYPERLINK("http://x")\u0001 Ерлан';
    const workbook = toXlsx(
      {
        columns: ["name\u0000", "n"],
        rows: [
          [named, 1],
          ["\u0001=1+1", 2], // a control character must not hide a formula from the prefix
          ["a\u000Bb\u001Fc\uFFFEd\uD800e", 3],
          ["Tab\tand\nline, 😀 kept", 4],
        ],
        about: [["Unit\u0007", "U\u0002"]],
      },
      "due\u0003",
    );
    const entries = unzip(workbook);
    expect(entries.length).toBeGreaterThanOrEqual(6);
    for (const e of entries) expect(xmlProblems(e.text), e.name).toEqual([]);
    const sheet = entries.find((e) => e.name === "xl/worksheets/sheet1.xml")?.text ?? "";
    expect(sheet).toContain(">'=HYPERLINK(&quot;http://x&quot;) Ерлан<");
    expect(sheet).toContain(">'=1+1<");
    expect(sheet).toContain(">abcde<");
    expect(sheet).toContain(">Tab\tand\nline, 😀 kept<");
    // The checker itself refuses what Excel refuses.
    expect(xmlProblems("<a>x\u0001y</a>")).toEqual(["character U+0001 at 4"]);
    expect(xmlProblems("<a><b></a>").length).toBeGreaterThan(0);
  });

  it("leaves the same characters out of CSV cells, before the formula check", () => {
    const lines = toCsv({ columns: ["a"], rows: [["\u0001=1+1"], ["x\u0000y"]] }).split("\r\n");
    expect(lines.slice(1, 3)).toEqual(["'=1+1", "xy"]);
    // A personnel number is text in the workbook as it is: an inline string.
    const sheet = unzip(toXlsx({ columns: ["n"], rows: [[{ text: "00123" }]] })).find(
      (e) => e.name === "xl/worksheets/sheet1.xml",
    );
    expect(sheet?.text).toContain('<c r="A2" t="inlineStr"><is><t xml:space="preserve">00123</t>');
  });
});
