import { describe, expect, it } from "vitest";
import { normalizeWord } from "../../../src/lib/search/pipeline.ts";

/** True when the two words share a stem, i.e. each finds the other. */
const meet = (a: string, b: string) => normalizeWord(a).some((s) => normalizeWord(b).includes(s));

describe("Kazakh stemmer", () => {
  it.each([
    ["сыйлықтар", "сыйлық"],
    ["сыйлықтарды", "сыйлық"],
    ["куәлігін", "куәлік"],
    ["туыстарымен", "туыс"],
    ["бостандықтары", "бостандық"],
    ["бостандығынан", "бостандық"],
    ["мүдделердің", "мүдде"],
    ["мүдделеріне", "мүдделер"],
    ["жанжалының", "жанжал"],
    ["әріптестеріне", "әріптес"],
    ["басшысына", "басшы"],
    ["қызметкерлерінің", "қызметкер"],
    ["органдарындағы", "орган"],
    ["жемқорлыққа", "жемқорлық"],
    ["өтемақысына", "өтемақы"],
    ["дәлелдемелерді", "дәлелдеме"],
    ["лицензиялар", "лицензия"],
    ["жағдайларды", "жағдай"],
    ["кезеңінде", "кезең"],
    ["халыққа", "халық"],
    ["халқы", "халық"],
    ["орындарында", "орын"],
    ["орны", "орын"],
    ["мүлкін", "мүлік"],
    ["мүлікті", "мүлік"],
    ["есебінен", "есеп"],
    ["тәртібін", "тәртіп"],
    ["сақтауды", "сақтау"],
    ["сақтауы", "сақтау"],
    ["алуға", "алу"],
    ["тексерістерге", "тексеріс"],
  ])("%s meets %s", (inflected, dictionary) => {
    expect(meet(inflected, dictionary)).toBe(true);
  });

  it.each([
    ["бермеу", "беру"],
    ["бермеуі", "беру"],
    ["заңсыз", "заң"],
    ["сыйлық", "сыйақы"],
    ["қызметтік", "қызмет"],
    ["басшылық", "басшы"],
    ["мүдделі", "мүдде"],
    ["орындау", "орын"],
  ])("%s stays apart from %s", (a, b) => {
    expect(meet(a, b)).toBe(false);
  });

  it("stems folded spellings like the Kazakh ones", () => {
    expect(normalizeWord("сыйлыктарды")).toEqual(normalizeWord("сыйлықтарды"));
    expect(normalizeWord("куалигин")).toEqual(normalizeWord("куәлігін"));
    expect(normalizeWord("syilyqtardy")).toEqual(normalizeWord("сыйлықтарды"));
  });

  it("drops stop words and keeps numbers", () => {
    expect(normalizeWord("және")).toEqual([]);
    expect(normalizeWord("туралы")).toEqual([]);
    expect(normalizeWord("ушин")).toEqual([]);
    expect(normalizeWord("140")).toEqual(["140"]);
  });
});
