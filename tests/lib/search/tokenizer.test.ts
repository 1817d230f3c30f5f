import { describe, expect, it } from "vitest";
import { tokenize } from "../../../src/lib/search/tokenizer.ts";

const words = (s: string) => tokenize(s).map((t) => t.text);

describe("tokenize", () => {
  it("keeps every Kazakh letter", () => {
    expect(words("әғқңөұүһі ӘҒҚҢӨҰҮҺІ")).toEqual(["әғқңөұүһі", "ӘҒҚҢӨҰҮҺІ"]);
  });

  it("splits on hyphens, guillemets, brackets and punctuation", () => {
    expect(words("жазасын өтеп жатқан адамдардың туған-туыстарымен;")).toEqual([
      "жазасын",
      "өтеп",
      "жатқан",
      "адамдардың",
      "туған",
      "туыстарымен",
    ]);
    expect(words("«бір терезеден беру» қағидасын")).toEqual([
      "бір",
      "терезеден",
      "беру",
      "қағидасын",
    ]);
    expect(words("(бұдан әрі - қызметкер)")).toEqual(["бұдан", "әрі", "қызметкер"]);
    expect(words("140-бабының 3-тармағында")).toEqual(["140", "бабының", "3", "тармағында"]);
  });

  it("records where each word is in the original text", () => {
    const text = "2) заңдылықтың қағидаттарын, Қазақстан";
    for (const token of tokenize(text))
      expect(text.slice(token.start, token.start + token.length)).toBe(token.text);
    expect(tokenize(text)[1]).toEqual({ text: "заңдылықтың", start: 3, length: 11 });
  });

  it("gives nothing for text without words", () => {
    expect(tokenize(" — «» ;")).toEqual([]);
  });
});
