import { describe, expect, it } from "vitest";
import { fold } from "../../../src/lib/search/fold.ts";
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
