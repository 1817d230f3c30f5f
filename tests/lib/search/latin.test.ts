import { describe, expect, it } from "vitest";
import { fold } from "../../../src/lib/search/fold.ts";
import { isLatin, latinToCyrillic } from "../../../src/lib/search/latin.ts";

const same = (latin: string, cyrillic: string) =>
  expect(fold(latinToCyrillic(latin))).toBe(fold(cyrillic));

describe("latinToCyrillic (2021 alphabet)", () => {
  it("transliterates words of the standards", () => {
    same("syilyq", "сыйлық");
    same("qyzmetker", "қызметкер");
    same("kuälıgın", "куәлігін");
    same("mūddeler", "мүдделер");
    same("janjaly", "жанжалы");
    same("şeşım", "шешім");
    same("bostandyğy", "бостандығы");
    same("Qazaqstan", "Қазақстан");
  });

  it("reads i after a vowel as й", () => {
    same("üi", "үй");
    same("oiyndar", "ойындар");
    same("jağdai", "жағдай");
  });

  it("reads ia/iu after a consonant as ия/ию, and word-initially as я/ю", () => {
    same("meritokratia", "меритократия");
    same("lisenzialar", "лисензиялар");
    same("polisia", "полисия");
    same("iağni", "яғни");
    same("iurist", "юрист");
    expect(latinToCyrillic("syiaqy")).toBe("сыйақы");
  });

  it("takes the capital İ for i before lower-casing (no stray combining dot)", () => {
    expect(latinToCyrillic("İS")).toBe("ис");
    expect(latinToCyrillic("İSKE")).toBe(latinToCyrillic("iske"));
    expect(latinToCyrillic("QAZAQSTAN")).toBe("қазақстан");
  });

  it("accepts plain ASCII and the sh/zh/ch digraphs", () => {
    same("turgyn ui", "тұрғын үй");
    same("kualik", "куәлік");
    same("zhemqorlyq", "жемқорлық");
    same("sheshim", "шешім");
  });

  it("tells Latin words from Cyrillic ones", () => {
    expect(isLatin("syilyq")).toBe(true);
    expect(isLatin("kuälık")).toBe(true);
    expect(isLatin("сыйлық")).toBe(false);
    expect(isLatin("140")).toBe(false);
  });
});
