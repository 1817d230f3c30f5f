import { beforeAll, describe, expect, it } from "vitest";
import { lineSnippet } from "../../../src/components/search/Result.tsx";
import { buildSearchIndex } from "../../../src/lib/search/build-index.ts";
import { expandRussian, russianGlossary } from "../../../src/lib/search/glossary-ru.ts";
import { normalizeWord } from "../../../src/lib/search/pipeline.ts";
import { type LoadedSearch, loadSearch, searchIndex } from "../../../src/lib/search/query.ts";
import { tokenize } from "../../../src/lib/search/tokenizer.ts";
import { readDocuments, readSource } from "./corpus.ts";

let search: LoadedSearch;
/** As submitted (no prefix matching), unless `typed`. */
const find = (q: string, limit = 5, typed = false) =>
  searchIndex(search, q, { limit, prefix: typed });
const ids = (q: string, limit = 5) => find(q, limit).map((r) => r.clauseId ?? r.ref);
const marked = (r: ReturnType<typeof find>[number]) =>
  r.snippet.highlights.map(([s, e]) => r.snippet.text.slice(s, e));
const markedTitle = (r: ReturnType<typeof find>[number]) =>
  r.titleSnippet.highlights.map(([s, e]) => r.titleSnippet.text.slice(s, e));
const first = (q: string) => {
  const [hit] = find(q);
  if (!hit) throw new Error(`nothing found for ${q}`);
  return hit;
};

beforeAll(() => {
  search = loadSearch(JSON.parse(JSON.stringify(buildSearchIndex(readDocuments()))));
});

describe("searchIndex", () => {
  it("highlights the inflected words of the original text", () => {
    const hit = find("сыйлык").find((r) => r.clauseId === "2.10");
    expect(hit?.url).toBe("/lessons/2/#clause-2-10");
    expect(hit?.snippet.text).toBe(
      "қызметтік өкілеттіктерді орындаумен байланысты сыйлықтар алмауы;",
    );
    expect(hit && marked(hit)).toEqual(["сыйлықтар"]);
  });

  it("highlights the whole Kazakh phrase for a Russian query", () => {
    const hit = find("конфликт интересов").find((r) => r.clauseId === "2.16");
    expect(hit && marked(hit)).toEqual(["мүдделер", "жанжалына"]);
  });

  it("highlights something in every hit, in its snippet or title: every indexed field is shown", () => {
    for (const q of ["тәртіп", "ішкі істер", "басшылық", "сыйлық", "бостандық", "мүдделер"])
      for (const hit of find(q, 30, true))
        expect([...marked(hit), ...markedTitle(hit)], `${q} → ${hit.ref}`).not.toEqual([]);
  });

  it("treats lunr's query syntax as plain characters", () => {
    expect(() => find("ҚР: заң ~ ^2 -пара +сыйлық*")).not.toThrow();
    expect(ids("-пара")).toContain("5.1");
    expect(ids("сыйлық:")).toContain("2.10");
  });

  it("returns nothing for stop words or an empty query", () => {
    expect(find("")).toEqual([]);
    expect(find("және туралы")).toEqual([]);
    expect(find("  — ")).toEqual([]);
  });

  it("keeps negation and -сыз apart", () => {
    expect(ids("заңсыз").slice(0, 3)).not.toContain("2.2");
    expect(ids("заңсыз")).toContain("2.21");
  });

  it("ranks clause text above lesson explanations", () => {
    expect(find("куәлік")[0]?.kind).toBe("clause");
  });

  it("finds and links a section's lead sentence (official text too)", () => {
    const lead = find("лицензиялық-рұқсат функцияларын").find((r) => r.ref === "3");
    expect(lead?.kind).toBe("lead");
    expect(lead?.url).toBe("/lessons/3/#official-text");
    expect(lead && marked(lead)).toEqual(["лицензиялық", "рұқсат", "функцияларын"]);
  });
});

describe("precision", () => {
  it("ranks clauses with forms of заң above those with only заңсыз", () => {
    for (const typed of [false, true]) {
      const [first] = find("заң", 5, typed);
      expect(first && marked(first).length).toBeGreaterThan(0);
      expect(first && marked(first).every((w) => !/сыз/u.test(w))).toBe(true);
      expect(find("заң", 10, typed).findIndex((r) => r.clauseId === "2.21")).not.toBe(0);
    }
  });

  it("finds 2.12 first for жақын туыстары", () => {
    expect(ids("жақын туыстары")[0]).toBe("2.12");
    expect(find("жақын туыстары", 5, true)[0]?.clauseId).toBe("2.12");
  });

  it("does not take құнды (valuable) for күні (his day)", () => {
    const hits = find("күні", 30);
    expect(hits[0]?.clauseId).toBe("8.5");
    expect(hits.map((r) => r.ref)).not.toContain("1");
    for (const hit of hits) expect(marked(hit).join(" ")).not.toMatch(/құнд/u);
  });

  it("does not stretch бас (head) to басқа (other)", () => {
    for (const hit of find("бас бостандығы", 30))
      expect(marked(hit).map((w) => w.toLowerCase())).not.toContain("басқа");
  });

  it("keeps the words of «бір терезеден» that stop-word lists drop", () => {
    expect(ids("бір терезе")[0]).toBe("3.5");
    expect(marked(first("бір терезе"))).toEqual(["бір", "терезеден"]);
    expect(ids("тиіс")).toContain("2.22");
    expect(ids("мүмкін")).toEqual(expect.arrayContaining(["2.7", "2.18"]));
  });

  it("prefers a document with the very form typed (басшыға)", () => {
    // ten clauses have forms of басшы; 5.1 alone has басшыға
    expect(ids("басшы")).not.toContain("5.1");
    expect(ids("басшыға")).toContain("5.1");
  });

  it("matches a prefix only from three letters, and only while typing", () => {
    expect(find("сы", 5, true)).toEqual([]);
    expect(find("сый", 5, true).map((r) => r.clauseId)).toEqual(
      expect.arrayContaining(["2.5", "2.9", "2.10"]),
    );
    expect(find("сыйл", 5, false)).toEqual([]);
    expect(find("сыйл", 5, true)[0]?.clauseId).toMatch(/^2\.(?:5|9|10)$/u);
  });

  it("recovers typos only for stems of five letters or more", () => {
    expect(ids("сыйлқтар")).toEqual(expect.arrayContaining(["2.9", "2.10"]));
    expect(ids("парра")[0]).toBe("5.1");
    expect(ids("меиртократия")).toEqual(expect.arrayContaining(["9.1", "10.1"])); // two swapped
    expect(ids("әріптестерне")).toContain("2.9"); // a letter missing in the ending
    // a one-letter slip in a four-letter word is too likely another word to repair
    expect(ids("пора")).toEqual([]);
  });

  it("finds the source's own typos by the word spelt right, showing them verbatim", () => {
    const hit = find("бостандығынан").find((r) => r.clauseId === "6.3");
    expect(hit && marked(hit)).toContain("бостанддығынан");
    expect(first("бастамашылық").clauseId).toBe("8.1");
    expect(marked(first("бастамашылық"))).toEqual(["бастамамашылық"]);
  });
});

describe("section titles and key terms", () => {
  it("finds a section's clauses by its title, after the clauses that say the words", () => {
    const hits = find("қоғамдық тәртіп", 30);
    const section4 = hits.filter((r) => r.section === 4 && r.kind === "clause");
    expect(section4.map((r) => r.clauseId).sort()).toEqual([
      "4.1",
      "4.2",
      "4.3",
      "4.4",
      "4.5",
      "4.6",
    ]);
    // 2.7 says «тәртібін» in its own text: it ranks above the clauses found by title alone
    const at = (ref: string) => hits.findIndex((r) => r.ref === ref);
    expect(at("2.7")).toBeGreaterThanOrEqual(0);
    for (const r of section4) expect(at("2.7")).toBeLessThan(at(r.ref));
  });

  it("marks the title's words that matched, and the header box shows the title then", () => {
    const hit = find("қоғамдық тәртіп", 30).find((r) => r.clauseId === "4.3");
    if (!hit) throw new Error("4.3 not found");
    expect(markedTitle(hit)).toEqual(["Қоғамдық", "тәртіпті"]);
    expect(marked(hit)).toEqual([]);
    expect(lineSnippet(hit)).toBe(hit.titleSnippet);
    const text = first("сыйлық");
    expect(markedTitle(text)).toEqual([]);
    expect(lineSnippet(text)).toBe(text.snippet);
  });

  it("marks no title of a lesson's own parts, whose title is not indexed", () => {
    for (const hit of find("сыбайлас жемқорлыққа қарсы стандарттар", 30, true))
      if (hit.kind !== "clause" && hit.kind !== "lead") expect(markedTitle(hit)).toEqual([]);
  });

  it("finds a lesson's key terms, linked to the lesson's top", () => {
    const hit = find("рушылдық", 30).find((r) => r.kind === "keys");
    expect(hit?.url).toBe("/lessons/10/");
    expect(hit && marked(hit)).toEqual(["рушылдық"]);
  });
});

describe("Kazakh typed on a Russian keyboard that looks Russian", () => {
  it("is searched as Kazakh, not replaced by the glossary's word", () => {
    const licence = find("лицензиялык").find((r) => r.ref === "3");
    expect(licence && marked(licence)).toEqual(["лицензиялық"]);
    const reserve = first("резервинде");
    expect(reserve.clauseId).toBe("9.2");
    expect(marked(reserve)).toEqual(["резервінде"]);
  });
});

describe("a word with Latin look-alikes in it", () => {
  it("finds what the Cyrillic word finds, Russian or Kazakh", () => {
    for (const [mixed, cyrillic] of [
      ["взяткa", "взятка"],
      ["ПOДAPOK", "ПОДАРОК"],
      ["cыйлық", "сыйлық"],
      ["пaра", "пара"],
    ] as const) {
      expect(ids(mixed), mixed).not.toEqual([]);
      expect(ids(mixed), mixed).toEqual(ids(cyrillic));
    }
  });
});

describe("expandRussian", () => {
  const kazakhWords = new Set(["лицензиялык", "резервинде"]);
  const isKazakh = (w: string) => kazakhWords.has(w);

  it("replaces Russian words and phrases, keeps Kazakh ones", () => {
    expect(expandRussian(["подарки", "сыйлық"]).map((w) => w.word)).toEqual(["сыйлық", "сыйлық"]);
    expect(expandRussian(["Конфликт", "интересов"]).map((w) => w.word)).toEqual([
      "мүдделер",
      "жанжалы",
    ]);
    expect(expandRussian(["тургын", "уй"]).every((w) => !w.fromGlossary)).toBe(true);
  });

  it("leaves Kazakh typed on a Russian keyboard to the Kazakh pipeline", () => {
    expect(expandRussian(["лицензиялык", "резервинде"], isKazakh)).toEqual([
      { word: "лицензиялык", fromGlossary: false },
      { word: "резервинде", fromGlossary: false },
    ]);
    expect(expandRussian(["лицензия"])[0]?.fromGlossary).toBe(true);
  });

  it("drops Russian function words, unless they are Kazakh words of the index", () => {
    expect(
      expandRussian(["проверка", "и", "контроль", "для", "граждан"]).map((w) => w.word),
    ).toEqual(["тексеріс", "контроль", "азамат"]);
    expect(expandRussian(["он"], (w) => w === "он").map((w) => w.word)).toEqual(["он"]);
  });

  it("searches a loanword the lessons use both as typed and through the glossary", () => {
    const isPatrol = (w: string) => w === "патруль";
    expect(expandRussian(["патруль"], isPatrol)).toEqual([
      { word: "патруль", fromGlossary: false },
      { word: "қоғамдық", fromGlossary: true },
      { word: "тәртіп", fromGlossary: true },
      { word: "қауіпсіздігі", fromGlossary: true },
    ]);
    expect(expandRussian(["патрульная"]).map((w) => w.word)).toEqual([
      "қоғамдық",
      "тәртіп",
      "қауіпсіздігі",
    ]);
  });

  it("leads every Russian key to words of the official text", () => {
    const official = new Set(tokenize(readSource()).flatMap((t) => normalizeWord(t.text)));
    // семья → отбасы отбасылық: the text has отбасылық only, отбасы finds the lessons.
    const lessonsOnly = new Set(["отбасы"]);
    const missing = russianGlossary.flatMap((entry) =>
      entry.kk
        .split(" ")
        .filter((word) => !lessonsOnly.has(word))
        .filter((word) => !normalizeWord(word).some((term) => official.has(term)))
        .map((word) => `${entry.ru.join(" ")} → ${word}`),
    );
    expect(missing).toEqual([]);
  });

  it("knows the terms the blind review found missing", () => {
    const kk = (ru: string) =>
      expandRussian(ru.split(" "))
        .map((w) => w.word)
        .join(" ");
    expect(kk("суд")).toBe("сот");
    expect(kk("семья")).toBe("отбасы отбасылық");
    expect(kk("ответственность")).toBe("жауапкершілік");
    expect(kk("злоупотребление служебным положением")).toBe("қызмет бабы");
    expect(kk("непотизм")).toBe("туысқандық");
    expect(kk("сотрудник службы")).toBe("қызметкер қызмет");
    expect(kk("полномочия")).toBe("өкілеттік");
    expect(kk("нарушение обязанностей")).toBe("бұзушылық міндет");
    expect(kk("уведомить")).toBe("хабарлау");
  });
});
