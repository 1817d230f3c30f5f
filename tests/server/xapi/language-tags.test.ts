// RFC 5646 language tags as the keys of Language Maps (xAPI Data 4.2, XAPI-00121: "The LRS
// rejects with 400 a statement using a Language Map which doesn't validate to RFC 5646").
import { describe, expect, it } from "vitest";
import { isLanguageTag, validateStatement } from "../../../src/server/xapi/validate.ts";

describe("RFC 5646 language tags (Data 4.2, XAPI-00121)", () => {
  it.each([
    "kk-KZ",
    "ru",
    "sl-rozaj-biske-1994",
    "de-CH-1901",
    "zh-Hant-TW",
    "en-a-bbb-x-a-ccc",
    "zh-z-aaa-c-ccc",
    "x-a-a",
    "i-klingon",
  ])("accepts %s", (tag) => {
    expect(isLanguageTag(tag)).toBe(true);
  });

  it.each([
    ["zh-z-aaa-z-bbb-c-ccc", "a repeated extension singleton (RFC 5646 2.2.6)"],
    ["sl-rozaj-rozaj", "a repeated variant (RFC 5646 2.2.5)"],
    ["sl-Rozaj-ROZAJ", "a repeated variant in another case"],
    ["de-DE-1901-1901", "a repeated numeric variant"],
    ["en--US", "an empty subtag"],
  ])("rejects %s: %s", (tag) => {
    expect(isLanguageTag(tag)).toBe(false);
  });

  it("a statement with such a tag in a language map is invalid", () => {
    const problems = validateStatement(
      {
        actor: { mbox: "mailto:a@police.kz" },
        verb: {
          id: "http://adlnet.gov/expapi/verbs/experienced",
          display: { "zh-z-aaa-z-bbb-c-ccc": "x" },
        },
        object: { id: "https://adal.kz/xapi/activities/lesson/1" },
      },
      "1.0.3",
    );
    expect(problems.join("; ")).toMatch(/is not an RFC 5646 language tag/u);
  });
});
