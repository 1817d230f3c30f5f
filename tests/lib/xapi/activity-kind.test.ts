import { describe, expect, it } from "vitest";
import {
  classifyActivity,
  isExamServiceAuthority,
  mentionsExam,
} from "../../../src/lib/xapi/activity-kind.ts";

const origin = "https://adal.test";
const a = (path: string) => `${origin}/xapi/activities/${path}`;

describe("classifyActivity", () => {
  it("recognises every activity of the xAPI profile in its canonical form", () => {
    expect(classifyActivity(a("lesson/11"), origin)).toEqual({
      kind: "lesson",
      section: 11,
      itemId: null,
    });
    expect(classifyActivity(a("quiz/practice/2"), origin)).toMatchObject({ kind: "quiz" });
    expect(classifyActivity(a("quiz-item/p02-gift"), origin)).toEqual({
      kind: "quiz-item",
      section: 2,
      itemId: "p02-gift",
    });
    expect(classifyActivity(a("exam/item/x05-bail"), origin)).toEqual({
      kind: "exam-item",
      section: 5,
      itemId: "x05-bail",
    });
    expect(classifyActivity(a("exam/annual-refresher"), origin)).toMatchObject({ kind: "exam" });
    expect(classifyActivity(a("course/anticorruption-standards"), origin)).toMatchObject({
      kind: "course",
    });
  });

  it("does not let a query, a fragment or a rewritten path pass for the exam", () => {
    for (const id of [
      a("lesson/1?/xapi/activities/exam/annual-refresher"),
      a("quiz/x#/xapi/activities/exam/item/x02-a"),
      a("lesson/1#/xapi/activities/exam/annual-refresher"),
      a("lesson/../exam/annual-refresher"),
      a("exam/annual-refresher?"),
      a("exam/annual-refresher#"),
      a("exam/item/x02-a/"),
      `${origin}/xapi/activities/exam/%61nnual`,
      `https://user@adal.test/xapi/activities/exam/annual-refresher`,
      `https://adal.test:443/xapi/activities/exam/annual-refresher`,
      `https://adal.test.evil/xapi/activities/exam/annual-refresher`,
      `https://evil.test/xapi/activities/exam/annual-refresher`,
      `https://evil.test/?${origin}/xapi/activities/exam/annual-refresher`,
      a("lesson/12"),
      a("lesson/0"),
      a("exam/item/x99-a"),
    ]) {
      expect(classifyActivity(id, origin), id).toBeNull();
    }
  });
});

describe("mentionsExam", () => {
  it("is true for the exam and for anything that merely spells its path", () => {
    expect(mentionsExam(a("exam/annual-refresher"), origin)).toBe(true);
    expect(mentionsExam(a("lesson/1?/xapi/activities/exam/annual-refresher"), origin)).toBe(true);
    expect(mentionsExam(a("quiz/x#/xapi/activities/exam/item/x02-a"), origin)).toBe(true);
    expect(mentionsExam(a("lesson/..%2Fexam/annual-refresher"), origin)).toBe(false);
    expect(mentionsExam(a("lesson/../exam/annual-refresher"), origin)).toBe(true);
    expect(mentionsExam(`${origin}/xapi/activities/%65xam/x`, origin)).toBe(true);
    expect(mentionsExam("https://other.kz/xapi/activities/exam/x", origin)).toBe(true);
    expect(mentionsExam(a("lesson/1"), origin)).toBe(false);
    expect(mentionsExam(a("quiz-item/p02-gift"), origin)).toBe(false);
  });
});

describe("isExamServiceAuthority", () => {
  const exam = { objectType: "Agent", account: { homePage: origin, name: "adal-exam-service" } };
  it("accepts only the exam service's own account on this origin", () => {
    expect(isExamServiceAuthority(exam, origin)).toBe(true);
    expect(isExamServiceAuthority({ ...exam, objectType: undefined }, origin)).toBe(true);
    expect(
      isExamServiceAuthority({ account: { homePage: origin, name: "adal-platform" } }, origin),
    ).toBe(false);
    expect(
      isExamServiceAuthority(
        { account: { homePage: "https://other", name: "adal-exam-service" } },
        origin,
      ),
    ).toBe(false);
    expect(isExamServiceAuthority({ ...exam, objectType: "Group" }, origin)).toBe(false);
    expect(isExamServiceAuthority({ ...exam, mbox: "mailto:x@y.kz" }, origin)).toBe(false);
    expect(isExamServiceAuthority(undefined, origin)).toBe(false);
  });
});
