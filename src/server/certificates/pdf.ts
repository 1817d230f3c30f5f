// The certificate as a PDF document (A4 landscape), made on the server: the same wording as
// the printable page, in Kazakh or Russian, with DejaVu Sans embedded (subset) so every Kazakh
// letter prints on any reader. The browser downloads it; nothing is added to the site's pages.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, type PDFFont, type PDFPage, rgb } from "pdf-lib";
import { type Locale, translator } from "../../i18n/index.ts";
import { longDate } from "../../lib/format/long-date.ts";

export interface CertificateDocument {
  code: string;
  kind: "exam" | "course";
  fullName: string;
  issuedAt: string;
  validUntil: string | null;
  /** Where anyone checks it: `<origin>/verify/<code>`. */
  verifyUrl: string;
}

const require = createRequire(import.meta.url);
let fonts: { regular: Uint8Array; bold: Uint8Array } | null = null;
function fontFiles() {
  fonts ??= {
    regular: readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf")),
    bold: readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf")),
  };
  return fonts;
}

/** The calendar day of an instant in `timeZone`, as a local Date for the date formatters. */
function dayIn(iso: string, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(new Date(iso));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return new Date(part("year"), part("month") - 1, part("day"));
}

/** Lines of `text` no wider than `width` at `size`. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/u)) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

const INK = rgb(0.1, 0.12, 0.16);

function centred(
  page: PDFPage,
  text: string,
  y: number,
  font: PDFFont,
  size: number,
  color = INK,
): void {
  const { width } = page.getSize();
  page.drawText(text, {
    x: (width - font.widthOfTextAtSize(text, size)) / 2,
    y,
    size,
    font,
    color,
  });
}

export async function certificatePdf(
  c: CertificateDocument,
  lang: Locale,
  timeZone: string,
): Promise<Uint8Array> {
  const t = translator(lang);
  const title = t(c.kind === "exam" ? "certificate.examTitle" : "certificate.courseTitle");
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const files = fontFiles();
  const regular = await doc.embedFont(files.regular, { subset: true });
  const bold = await doc.embedFont(files.bold, { subset: true });
  // Searchable and shown by readers: who, what and the code.
  doc.setTitle(`${title}: ${c.fullName} (${c.code})`);
  doc.setSubject(c.verifyUrl);
  doc.setProducer("Adal");
  doc.setLanguage(lang === "ru" ? "ru-RU" : "kk-KZ");
  doc.setCreationDate(new Date(c.issuedAt));

  const page = doc.addPage([841.89, 595.28]); // A4 landscape, in points
  const { width, height } = page.getSize();
  const accent = rgb(0, 0.36, 0.6);
  page.drawRectangle({
    x: 24,
    y: 24,
    width: width - 48,
    height: height - 48,
    borderColor: accent,
    borderWidth: 2,
  });
  centred(page, t("site.name"), height - 72, bold, 16, accent);
  let y = height - 120;
  for (const line of wrap(title, bold, 24, width - 160)) {
    centred(page, line, y, bold, 24);
    y -= 32;
  }
  y -= 20;
  centred(page, t("certificate.awardedTo"), y, regular, 14);
  y -= 44;
  centred(page, c.fullName, y, bold, 28);
  y -= 44;
  const what = t(c.kind === "exam" ? "certificate.examWhat" : "certificate.courseWhat");
  for (const line of wrap(what, regular, 13, width - 200)) {
    centred(page, line, y, regular, 13);
    y -= 19;
  }
  y -= 24;
  const day = (iso: string) => longDate(dayIn(iso, timeZone), lang);
  const facts = [
    `${t("certificate.issued")}: ${day(c.issuedAt)}`,
    ...(c.validUntil ? [`${t("certificate.validUntil")}: ${day(c.validUntil)}`] : []),
    `${t("certificate.code")}: ${c.code}`,
  ];
  for (const fact of facts) {
    centred(page, fact, y, regular, 13);
    y -= 20;
  }
  const evidence = t(c.kind === "exam" ? "certificate.examEvidence" : "certificate.courseEvidence");
  let bottom = 96;
  for (const line of wrap(evidence, regular, 9, width - 160).reverse()) {
    centred(page, line, bottom, regular, 9);
    bottom += 12;
  }
  centred(page, `${t("certificate.verifyAt")} ${c.verifyUrl}`, 64, regular, 11);
  return doc.save();
}
