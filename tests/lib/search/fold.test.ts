import { describe, expect, it } from "vitest";
import { fold, unmixScripts } from "../../../src/lib/search/fold.ts";
import { tokenize } from "../../../src/lib/search/tokenizer.ts";
import { readSource } from "./corpus.ts";

describe("fold", () => {
  it("maps the Kazakh-only letters to what a Russian keyboard types", () => {
    expect(fold("сыйлық")).toBe("сыйлык");
    expect(fold("Тұрғын Үй")).toBe("тургын уй");
    expect(fold("куәлігін")).toBe("куалигин");
    expect(fold("мүдделердің жанжалы")).toBe("мудделердин жанжалы");
    expect(fold("өтемақысына")).toBe("отемакысына");
    expect(fold("шаһар")).toBe("шахар");
  });

  it("makes folded and unfolded spellings equal", () => {
    expect(fold("сыйлык")).toBe(fold("сыйлық"));
    expect(fold("есирткi")).toBe(fold("есірткі"));
  });

  it("takes a Latin i inside a Cyrillic word for і", () => {
    expect(fold("бiр")).toBe(fold("бір"));
    expect(fold("арiптес")).toBe(fold("әріптес"));
  });

  it("leaves Latin words alone (they are transliterated, not folded)", () => {
    expect(fold("Syilyq")).toBe("syilyq");
    expect(unmixScripts("Syilyq")).toBe("Syilyq");
    expect(unmixScripts("para")).toBe("para");
  });

  it("makes the Latin look-alikes of a mixed-script word Cyrillic, by case", () => {
    expect(unmixScripts("взяткa")).toBe("взятка");
    expect(unmixScripts("ПAPA")).toBe("ПАРА");
    expect(unmixScripts("HАРУШЕНИЕ")).toBe("НАРУШЕНИЕ");
    // every look-alike, lower and upper case, inside a Cyrillic word
    expect(unmixScripts("жaeopcxykmtbi")).toBe("жаеорсхукмтві");
    expect(unmixScripts("ЖAEOPCXYKMTBHI")).toBe("ЖАЕОРСХУКМТВНІ");
    // lower-case h is the Kazakh һ it looks like, not н
    expect(unmixScripts("шаhар")).toBe("шаһар");
    // a Latin letter with no Cyrillic look-alike stays
    expect(unmixScripts("сыйлыq")).toBe("сыйлыq");
    expect(unmixScripts("сыйлық")).toBe("сыйлық");
    expect(fold("взяткa")).toBe("взятка");
    expect(fold("cыйлық")).toBe(fold("сыйлық"));
  });

  it("merges no two distinct words of the standards", () => {
    const byFolded = new Map<string, Set<string>>();
    for (const { text } of tokenize(readSource())) {
      const lower = text.toLowerCase();
      const set = byFolded.get(fold(lower)) ?? new Set<string>();
      set.add(lower);
      byFolded.set(fold(lower), set);
    }
    const merged = [...byFolded.values()].filter((s) => s.size > 1).map((s) => [...s]);
    expect(merged).toEqual([]);
  });
});
