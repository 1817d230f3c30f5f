import { describe, expect, it } from "vitest";
import { formatStatement, pickLanguage } from "../../../src/server/xapi/format.ts";
import type { Statement } from "../../../src/server/xapi/types.ts";
import {
  choiceInteraction,
  clone,
  completed,
  subStatementExample,
  withAttachment,
} from "./examples.ts";

type J = ReturnType<typeof JSON.parse>;
const multi = () => {
  const s = clone(completed) as J;
  s.verb.display = { "en-US": "attempted", "kk-KZ": "әрекет жасады", ru: "попытался" };
  s.object.definition.name = { "en-US": "simple CBT course", kk: "қарапайым курс" };
  return s as Statement;
};

describe("formatStatement (Communication 2.1.3 format parameter)", () => {
  it("exact returns the stored statement unchanged (as a copy)", () => {
    const s = multi();
    const out = formatStatement(s, "exact", ["kk"]);
    expect(out).toEqual(s);
    expect(out).not.toBe(s);
  });
  it("ids keeps only identifiers of agents, groups, activities and verbs", () => {
    const out = formatStatement(multi(), "ids", []) as J;
    expect(out.actor).toEqual({ objectType: "Agent", mbox: "mailto:example.learner@adlnet.gov" });
    expect(out.verb).toEqual({ id: "http://adlnet.gov/expapi/verbs/attempted" });
    expect(out.object).toEqual({ id: "http://example.adlnet.gov/xapi/example/simpleCBT" });
    expect(out.context.instructor).toEqual({ mbox: "mailto:irene@example.com" });
    expect(out.context.team).toEqual({ objectType: "Group", mbox: "mailto:teampb@example.com" });
    expect(out.context.contextActivities.category).toEqual([
      { objectType: "Activity", id: "http://www.example.com/meetings/categories/teammeeting" },
    ]);
    expect(out.result).toEqual(completed.result);
    expect(out.context.registration).toBe(completed.context.registration);
  });
  it("ids keeps the reduced members of an anonymous Group", () => {
    const s = clone(completed) as J;
    s.actor = {
      objectType: "Group",
      name: "Unit 7",
      member: [
        { name: "A", mbox: "mailto:a@b.kz" },
        { name: "B", openid: "http://id.b.kz/b" },
      ],
    };
    expect((formatStatement(s, "ids", []) as J).actor).toEqual({
      objectType: "Group",
      member: [{ mbox: "mailto:a@b.kz" }, { openid: "http://id.b.kz/b" }],
    });
  });
  it("ids also reduces a SubStatement's parts and the authority", () => {
    const s = clone(subStatementExample) as J;
    s.authority = { name: "LRS", account: { homePage: "https://adal.kz", name: "lrs" } };
    const out = formatStatement(s, "ids", []) as J;
    expect(out.object.object).toEqual({ id: "http://example.com/website" });
    expect(out.object.verb).toEqual({ id: "http://example.com/visited" });
    expect(out.authority).toEqual({ account: { homePage: "https://adal.kz", name: "lrs" } });
  });
  it("canonical keeps one language per map, chosen by Accept-Language", () => {
    const out = formatStatement(multi(), "canonical", ["kk-KZ", "ru"]) as J;
    expect(out.verb.display).toEqual({ "kk-KZ": "әрекет жасады" });
    expect(out.object.definition.name).toEqual({ kk: "қарапайым курс" });
    expect(out.object.definition.description).toEqual({
      "en-US": "A fictitious example CBT course.",
    });
    expect(out.actor).toEqual(completed.actor);
  });
  it("canonical falls back to the first entry when no language matches", () => {
    const out = formatStatement(multi(), "canonical", ["de"]) as J;
    expect(out.verb.display).toEqual({ "en-US": "attempted" });
  });
  it("canonical filters interaction component descriptions and attachment displays", () => {
    const s = clone(choiceInteraction) as J;
    s.object.definition.choices[0].description = { "en-US": "Golf", ru: "Гольф" };
    const out = formatStatement(s, "canonical", ["ru"]) as J;
    expect(out.object.definition.choices[0].description).toEqual({ ru: "Гольф" });
    const a = clone(withAttachment) as J;
    a.attachments[0].display = { "en-US": "A test attachment", kk: "Сынақ тіркемесі" };
    expect((formatStatement(a, "canonical", ["kk"]) as J).attachments[0].display).toEqual({
      kk: "Сынақ тіркемесі",
    });
  });
});

describe("formatStatement canonical with the LRS's definitions (XAPI-00169)", () => {
  it("uses the canonical definition of each activity instead of the statement's own", () => {
    const s = multi() as J;
    const id = s.object.id;
    s.context.contextActivities.parent = [
      { id: "https://adal.kz/p", definition: { name: { ru: "родитель" } } },
    ];
    const canonical = new Map([
      [id, { name: { "en-US": "canonical course", kk: "канондық курс" } }],
      ["https://adal.kz/p", { name: { ru: "родитель", kk: "ата-ана" } }],
    ]);
    const out = formatStatement(s as Statement, "canonical", ["kk"], canonical) as J;
    expect(out.object.definition).toEqual({ name: { kk: "канондық курс" } });
    expect(out.context.contextActivities.parent[0].definition).toEqual({ name: { kk: "ата-ана" } });
  });
});

describe("pickLanguage (RFC 4647-style lookup)", () => {
  const map = { "en-US": "color", "en-GB": "colour", "kk-KZ": "түс" };
  it("exact tag, case-insensitive", () =>
    expect(pickLanguage(map, ["EN-gb"])).toEqual({ "en-GB": "colour" }));
  it("primary language match", () => expect(pickLanguage(map, ["kk"])).toEqual({ "kk-KZ": "түс" }));
  it("honours preference order", () =>
    expect(pickLanguage(map, ["fr", "kk", "en"])).toEqual({ "kk-KZ": "түс" }));
  it("* or nothing gives the first entry", () => {
    expect(pickLanguage(map, ["*"])).toEqual({ "en-US": "color" });
    expect(pickLanguage(map, [])).toEqual({ "en-US": "color" });
    expect(pickLanguage({}, ["kk"])).toEqual({});
  });
});
