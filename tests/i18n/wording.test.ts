// Interface terms agreed for natural Kazakh (and Russian); a replaced term must not come back.
import { describe, expect, it } from "vitest";
import { kk } from "../../src/i18n/kk.ts";
import { ru } from "../../src/i18n/ru.ts";

const kkText = Object.values(kk).join("\n");
const ruText = Object.values(ru).join("\n");

describe("Kazakh interface wording", () => {
  const replaced: [RegExp, string][] = [
    [/Жеңілдік индексі/u, "Оңайлық индексі"],
    [/Емтихан тапсырылды|Емтихан тапсырылмады/u, "Емтиханнан өттіңіз / өте алмадыңыз"],
    [/Емтихан тапсыру үлесі/u, "Емтиханнан өткендер үлесі"],
    [/Тапсырғандар/u, "Өткендер"],
    [/Ситуациялық/iu, "Жағдаяттық тест"],
    [/[Пп]рогресс?/u, "Үлгерім / Менің үлгерімім"],
    [/[Оо]фицер/u, "оқыту жөніндегі маман"],
    [/аккаунт/iu, "тіркелгі"],
  ];
  for (const [old, now] of replaced) {
    it(`uses «${now}», not ${old}`, () => {
      expect(kkText).not.toMatch(old);
    });
  }

  it("names the agreed terms where they belong", () => {
    expect(kk["reports.facility"]).toBe("Оңайлық индексі");
    expect([kk["exam.passed"], kk["exam.failed"]]).toEqual([
      "Емтиханнан өттіңіз",
      "Емтиханнан өте алмадыңыз",
    ]);
    expect(kk["reports.passRate"]).toBe("Емтиханнан өткендер үлесі");
    expect(kk["reports.passed"]).toBe("Өткендер");
    expect(kk["quiz.title"]).toBe("Жағдаяттық тест");
    expect(kk["progress.title"]).toBe("Менің үлгерімім");
    expect(kk["reports.role.officer"]).toBe("Оқыту жөніндегі маман");
    expect(kk["reports.forbidden"]).toContain("оқыту жөніндегі мамандар");
  });
});

describe("Russian interface wording", () => {
  it("says «Ответственный за обучение», not «Офицер по обучению»", () => {
    expect(ruText).not.toMatch(/офицер/iu);
    expect(ru["reports.role.officer"]).toBe("Ответственный за обучение");
  });
});
