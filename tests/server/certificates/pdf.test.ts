// The certificate as a PDF: one A4 landscape page in the reader's language, with the holder,
// the code and where to verify it in its metadata, the font embedded as a subset (every Kazakh
// letter prints), small enough to mail.
import { PDFDocument, PDFName } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { certificatePdf } from "../../../src/server/certificates/pdf.ts";

const certificate = {
  code: "ADAL-AB2C-DE3F-GH4J",
  kind: "exam" as const,
  fullName: "Нұрсұлтанқызы Әйгерім Өмірзаққызы",
  issuedAt: "2026-12-06T19:30:00.000Z", // 7 December in Almaty
  validUntil: "2027-12-06T19:30:00.000Z",
  verifyUrl: "https://adal.police.kz/verify/ADAL-AB2C-DE3F-GH4J",
};

describe("certificatePdf", () => {
  it("makes one A4 landscape page with the holder, the code and the check address", async () => {
    const bytes = await certificatePdf(certificate, "kk", "Asia/Almaty");
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    expect(bytes.length).toBeLessThan(120 * 1024);
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    const { width, height } = pdf.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([842, 595]);
    expect(pdf.getTitle()).toBe(
      `Жыл сайынғы емтиханнан өткені туралы сертификат: ${certificate.fullName} (${certificate.code})`,
    );
    expect(pdf.getSubject()).toBe(certificate.verifyUrl);
    // The fonts travel with the file, cut down to the letters used.
    const fonts = pdf.context
      .enumerateIndirectObjects()
      .map(([, object]) =>
        String((object as { get?: (n: PDFName) => unknown }).get?.(PDFName.of("BaseFont")) ?? ""),
      )
      .filter((name) => name.includes("DejaVu"));
    expect(new Set(fonts).size).toBe(2); // regular and bold (each a Type0 font and its CID font)
    for (const name of fonts) expect(name).toMatch(/^\/DejaVuSans(-Bold)?-/u);
  });

  it("speaks Russian when asked, and a course certificate says what it attests", async () => {
    const pdf = await PDFDocument.load(
      await certificatePdf(
        { ...certificate, kind: "course", validUntil: null },
        "ru",
        "Asia/Almaty",
      ),
    );
    expect(pdf.getTitle()).toMatch(/^Сертификат о прохождении учебного курса: /u);
  });
});
