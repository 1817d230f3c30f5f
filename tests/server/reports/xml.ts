// Strict XML checks for the workbook's parts: a real parser (sax, strict mode; it is in
// node_modules through svgo) for structure, entities and attributes, plus the XML 1.0 Char
// production, which sax does not check and Excel does ("not well-formed (invalid token)").
import { createRequire } from "node:module";
import { inflateRawSync } from "node:zlib";

interface SaxParser {
  onerror: (error: Error) => void;
  write(text: string): SaxParser;
  close(): SaxParser;
  resume(): SaxParser;
  error: Error | null;
}
const sax = createRequire(import.meta.url)("sax") as {
  parser(strict: boolean): SaxParser;
};

/** Characters outside XML 1.0's Char production (also lone surrogates). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Every reason the text is not a well-formed XML 1.0 document (none: an empty list). */
export function xmlProblems(text: string): string[] {
  const problems: string[] = [];
  const bad = NOT_XML_CHAR.exec(text);
  if (bad)
    problems.push(
      `character U+${(bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")} at ${bad.index}`,
    );
  const parser = sax.parser(true);
  parser.onerror = (error) => {
    problems.push(error.message.split("\n")[0] ?? "");
    parser.error = null;
    parser.resume();
  };
  parser.write(text).close();
  return problems;
}

/** The entries of a zip (stored by toXlsx: local headers, deflated), name and text. */
export function unzip(zip: Buffer) {
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
