import { describe, expect, it } from "vitest";
import { localePath, translator } from "../../src/i18n/index.ts";
import { kk } from "../../src/i18n/kk.ts";
import { ru } from "../../src/i18n/ru.ts";

describe("UI dictionaries", () => {
  it("have exactly the same keys in kk and ru", () => {
    expect(Object.keys(ru).sort()).toEqual(Object.keys(kk).sort());
  });

  it("have no empty strings and the same placeholders in both languages", () => {
    for (const key of Object.keys(kk) as (keyof typeof kk)[]) {
      expect(kk[key].trim(), key).not.toBe("");
      expect(ru[key].trim(), key).not.toBe("");
      const params = (s: string) => [...s.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]).sort();
      expect(params(ru[key]), key).toEqual(params(kk[key]));
    }
  });

  it("fills placeholders and prefixes Russian paths", () => {
    expect(translator("ru")("home.lessonNumber", { n: 3 })).toBe("Урок 3");
    expect(localePath("ru", "/lessons/2/")).toBe("/ru/lessons/2/");
    expect(localePath("kk", "/lessons/2/")).toBe("/lessons/2/");
  });
});
