// Table exports: CSV and XLSX (a minimal Office Open XML workbook, zipped with node:zlib; no
// dependency). The CSV is made for Excel with Kazakh or Russian regional settings, which is
// what officers have: UTF-8 with a BOM (or Kazakh letters come out garbled), `;` between
// fields and a decimal comma (the list separator and decimal mark of those settings; with `,`
// a double-click puts every row into one column). Text that a spreadsheet would take for a
// formula (= + - @, tab, carriage return first) gets a leading apostrophe: names and e-mails
// come from rosters and statements, and a cell like =HYPERLINK(…) must stay text (OWASP "CSV
// injection").
import { crc32, deflateRawSync } from "node:zlib";

/** `{ text }`: an identifier that must stay text (a personnel number's leading zeros). */
export type Cell = string | number | boolean | null | { text: string };
export interface Table {
  columns: string[];
  rows: Cell[][];
  /**
   * The filters in effect, the view's options and when it was made: the CSV's first lines
   * (then an empty line), the workbook's second sheet.
   */
  about?: [string, string][];
}

export const CSV_SEPARATOR = ";";

/** Text cells that would start a formula are prefixed with ' (numbers stay numbers). */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/u.test(text) ? `'${text}` : text;
}

/**
 * Characters XML 1.0 does not allow (C0 controls but tab, line feed and carriage return; lone
 * surrogates; U+FFFE, U+FFFF): one of them, say in a name from a roster, makes Excel refuse
 * the whole workbook. They carry no meaning in a report, so they are left out of every cell,
 * in CSV as well, and before the formula check, so that "\u0001=…" cannot hide a formula.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
export const xmlSafe = (text: string) => text.replace(NOT_XML_CHAR, "");
const cellText = (text: string) => neutralise(xmlSafe(text));

/** An identifier Excel could turn into a number or a date ("00123", "12-05"): a text formula. */
const IDENTIFIER = /^[A-Za-z0-9-]{1,40}$/u;

function csvCell(v: Cell): string {
  let s: string;
  if (v === null) s = "";
  else if (typeof v === "number") s = String(v).replace(".", ",");
  else if (typeof v === "object") s = IDENTIFIER.test(v.text) ? `="${v.text}"` : cellText(v.text);
  else s = typeof v === "string" ? cellText(v) : String(v);
  // Quoted when it holds the separator, a quote or a line break (a decimal comma is no separator).
  return /[";\n\r]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
}

export function toCsv(table: Table): string {
  const line = (row: readonly Cell[]) => row.map(csvCell).join(CSV_SEPARATOR);
  const about = table.about ?? [];
  const lines = [
    ...about.map(line),
    ...(about.length > 0 ? [""] : []),
    ...[table.columns, ...table.rows].map(line),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

const xml = (s: string) =>
  xmlSafe(s)
    .replace(/&/gu, "&amp;")
    .replace(/</gu, "&lt;")
    .replace(/>/gu, "&gt;")
    .replace(/"/gu, "&quot;");

function column(n: number): string {
  let s = "";
  for (let i = n + 1; i > 0; i = Math.floor((i - 1) / 26))
    s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

function sheet(table: Table): string {
  const rows = [table.columns, ...table.rows].map((row, r) => {
    const cells = row.map((v, c) => {
      const ref = `${column(c)}${r + 1}`;
      if (typeof v === "number" && Number.isFinite(v)) return `<c r="${ref}"><v>${v}</v></c>`;
      if (v === null || v === "") return "";
      // Inline strings are text to every reader: identifiers need nothing more here.
      const text =
        typeof v === "object" ? cellText(v.text) : typeof v === "string" ? cellText(v) : String(v);
      return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xml(text)}</t></is></c>`;
    });
    return `<row r="${r + 1}">${cells.join("")}</row>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join("")}</sheetData></worksheet>`;
}

/** MS-DOS date and time of a moment's wall clock (what zip tools show as the file's date). */
export function dosDateTime(wall: {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}): { date: number; time: number } {
  const year = Math.min(2107, Math.max(1980, wall.year));
  return {
    date: ((year - 1980) << 9) | (wall.month << 5) | wall.day,
    time: (wall.hour << 11) | (wall.minute << 5) | Math.floor(wall.second / 2),
  };
}

function zip(
  files: { name: string; data: Buffer }[],
  stamp: { date: number; time: number },
): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name);
    const compressed = deflateRawSync(file.data);
    const crc = crc32(file.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(stamp.time, 10);
    local.writeUInt16LE(stamp.date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(file.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(stamp.time, 12);
    central.writeUInt16LE(stamp.date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(file.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const SHEET_NAME = /[\\/?*[\]:]/gu;

export function toXlsx(
  table: Table,
  sheetName = "Report",
  stamp = dosDateTime({ year: 1980, month: 1, day: 1, hour: 0, minute: 0, second: 0 }),
): Buffer {
  const name = xml(sheetName.replace(SHEET_NAME, "-").slice(0, 31));
  const about = table.about ?? [];
  const second = about.length > 0;
  const NS = "http://schemas.openxmlformats.org";
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
  const sheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
  const overrides = [1, ...(second ? [2] : [])]
    .map((n) => `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="${sheetType}"/>`)
    .join("");
  const sheets = [
    `<sheet name="${name}" sheetId="1" r:id="rId1"/>`,
    ...(second ? ['<sheet name="about" sheetId="2" r:id="rId2"/>'] : []),
  ].join("");
  const rels = [1, ...(second ? [2] : [])]
    .map(
      (n) =>
        `<Relationship Id="rId${n}" Type="${NS}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${n}.xml"/>`,
    )
    .join("");
  const files: Record<string, string> = {
    "[Content_Types].xml": `${head}<Types xmlns="${NS}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}</Types>`,
    "_rels/.rels": `${head}<Relationships xmlns="${NS}/package/2006/relationships"><Relationship Id="rId1" Type="${NS}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `${head}<workbook xmlns="${NS}/spreadsheetml/2006/main" xmlns:r="${NS}/officeDocument/2006/relationships"><sheets>${sheets}</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `${head}<Relationships xmlns="${NS}/package/2006/relationships">${rels}</Relationships>`,
    "xl/worksheets/sheet1.xml": sheet(table),
  };
  if (second)
    files["xl/worksheets/sheet2.xml"] = sheet({ columns: about[0] ?? [], rows: about.slice(1) });
  return zip(
    Object.entries(files).map(([n, d]) => ({ name: n, data: Buffer.from(d, "utf8") })),
    stamp,
  );
}
