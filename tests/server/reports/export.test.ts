// Exports: formula-looking text is neutralised in CSV and XLSX (numbers stay numbers), the
// workbook's zip entries carry the real date, and the filters go on an "about" sheet.
import { inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { dosDateTime, neutralise, toCsv, toXlsx } from "../../../src/server/reports/export.ts";

/** The entries of a zip: name, DOS date and time, and inflated content. */
function unzip(zip: Buffer) {
  const entries: { name: string; date: number; time: number; text: string }[] = [];
  let at = 0;
  while (zip.readUInt32LE(at) === 0x04034b50) {
    const size = zip.readUInt32LE(at + 18);
    const nameLength = zip.readUInt16LE(at + 26);
    const extra = zip.readUInt16LE(at + 28);
    const name = zip.subarray(at + 30, at + 30 + nameLength).toString();
    const data = zip.subarray(at + 30 + nameLength + extra, at + 30 + nameLength + extra + size);
    entries.push({
      name,
      time: zip.readUInt16LE(at + 10),
      date: zip.readUInt16LE(at + 12),
      text: inflateRawSync(data).toString("utf8"),
    });
    at += 30 + nameLength + extra + size;
  }
  return entries;
}

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
    expect(lines[1]).toBe('"\'=HYPERLINK(""http://evil"")",-5');
    expect(lines[2]).toBe("'+7 701 000,3");
    expect(lines[3]).toBe("'-1+1,");
    expect(lines[4]).toBe("'@SUM(A1),1");
    expect(lines[5]).toBe("'\tTab,1");
    expect(lines[6]).toBe('"\'\rCR",1');
    expect(lines[7]).toBe("Сейітов Ерлан,0.5");
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
});
