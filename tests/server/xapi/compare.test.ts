import { describe, expect, it } from "vitest";
import { sameStatement } from "../../../src/server/xapi/compare.ts";
import type { Statement } from "../../../src/server/xapi/types.ts";
import { clone, completed, withAttachment } from "./examples.ts";

type J = ReturnType<typeof JSON.parse>;
const a = () => clone(completed) as unknown as Statement;
const changed = (mutate: (s: J) => void): Statement => {
  const s = clone(completed) as J;
  mutate(s);
  return s;
};

describe("sameStatement (Data 2.3.1 Statement Immutability / Statement Comparison Requirements)", () => {
  it("a statement equals itself and a copy with keys in another order", () => {
    const reordered = Object.fromEntries(Object.entries(a()).reverse()) as unknown as Statement;
    expect(sameStatement(a(), a())).toBe(true);
    expect(sameStatement(a(), reordered)).toBe(true);
  });
  it.each([
    ["id", "00000000-0000-4000-8000-000000000000"],
    ["authority", { mbox: "mailto:other@example.com" }],
    ["stored", "2030-01-01T00:00:00Z"],
    ["timestamp", "2030-01-01T00:00:00Z"],
    ["version", "1.0.3"],
  ])("ignores %s", (key, value) => {
    expect(
      sameStatement(
        a(),
        changed((s) => (s[key] = value)),
      ),
    ).toBe(true);
    expect(
      sameStatement(
        a(),
        changed((s) => delete s[key]),
      ),
    ).toBe(true);
  });
  it("ignores attachments", () => {
    const other = clone(withAttachment) as J;
    other.attachments[0].sha2 = "0".repeat(64);
    expect(sameStatement(withAttachment as unknown as Statement, other)).toBe(true);
  });
  it("ignores case (upper vs. lower)", () => {
    expect(
      sameStatement(
        a(),
        changed((s) => (s.actor.mbox = "mailto:Example.Learner@ADLnet.gov")),
      ),
    ).toBe(true);
    expect(
      sameStatement(
        a(),
        changed((s) => (s.context.registration = s.context.registration.toUpperCase())),
      ),
    ).toBe(true);
  });
  it("ignores the order of Group members", () => {
    const g = (members: object[]) =>
      changed((s) => (s.actor = { objectType: "Group", member: members }));
    const m1 = { mbox: "mailto:one@example.com" };
    const m2 = { mbox: "mailto:two@example.com" };
    expect(sameStatement(g([m1, m2]), g([m2, m1]))).toBe(true);
    expect(sameStatement(g([m1, m2]), g([m1]))).toBe(false);
  });
  it("ignores referenced Activity Definitions", () => {
    expect(
      sameStatement(
        a(),
        changed((s) => delete s.object.definition),
      ),
    ).toBe(true);
    expect(
      sameStatement(
        a(),
        changed((s) => delete s.context.contextActivities.category[0].definition),
      ),
    ).toBe(true);
  });
  it("treats a single contextActivities value like a one-element array", () => {
    const single = changed(
      (s) => (s.context.contextActivities.parent = s.context.contextActivities.parent[0]),
    );
    expect(sameStatement(a(), single)).toBe(true);
  });
  it.each([
    ["the verb", (s: J) => (s.verb.id = "http://adlnet.gov/expapi/verbs/passed")],
    ["the actor", (s: J) => (s.actor.mbox = "mailto:someone.else@adlnet.gov")],
    ["the object id", (s: J) => (s.object.id = "http://example.com/other")],
    ["the score", (s: J) => (s.result.score.raw = 94)],
    ["success", (s: J) => (s.result.success = false)],
    ["a result extension", (s: J) => (s.result.extensions["http://example.com/x"] = 1)],
    [
      "the registration",
      (s: J) => (s.context.registration = "ec531277-b57b-4c15-8d91-d292c5b2b8f8"),
    ],
    [
      "the order of contextActivities",
      (s: J) => s.context.contextActivities.category.unshift({ id: "http://example.com/c0" }),
    ],
    ["a missing result", (s: J) => delete s.result],
    [
      "a definition inside an extension value",
      (s: J) => (s.result.extensions["http://example.com/y"] = { definition: 1 }),
    ],
  ])("detects a change in %s", (_name, mutate) => {
    expect(sameStatement(a(), changed(mutate))).toBe(false);
  });
});
