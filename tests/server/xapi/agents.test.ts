import { describe, expect, it } from "vitest";
import {
  agentIfi,
  personFor,
  statementActivities,
  statementAgents,
} from "../../../src/server/xapi/agents.ts";
import type { Statement } from "../../../src/server/xapi/types.ts";
import { clone, completed, subStatementExample } from "./examples.ts";

type J = ReturnType<typeof JSON.parse>;

describe("agentIfi (Data 2.4.2.3 Inverse Functional Identifiers)", () => {
  it("builds one canonical key per IFI kind", () => {
    expect(agentIfi({ mbox: "mailto:a@b.kz" })).toBe("mbox:mailto:a@b.kz");
    expect(agentIfi({ mbox_sha1sum: "EBD31E95054C018B10727CCFFD2EF2EC3A016EE9" })).toBe(
      "mbox_sha1sum:ebd31e95054c018b10727ccffd2ef2ec3a016ee9",
    );
    expect(agentIfi({ openid: "http://openid.example.org/1" })).toBe(
      "openid:http://openid.example.org/1",
    );
    expect(agentIfi({ account: { homePage: "https://adal.kz", name: "123" } })).toBe(
      "account:https://adal.kz|123",
    );
    expect(agentIfi({ objectType: "Group", mbox: "mailto:unit@b.kz", member: [] })).toBe(
      "mbox:mailto:unit@b.kz",
    );
  });
  it("is null for an anonymous Group", () => {
    expect(agentIfi({ objectType: "Group", member: [{ mbox: "mailto:a@b.kz" }] })).toBeNull();
  });
});

describe("statementAgents (Communication 2.1.3 agent / related_agents filters)", () => {
  it("lists actor, context instructor and team (with identified members) and authority", () => {
    const s = clone(completed) as J;
    s.authority = { account: { homePage: "https://adal.kz", name: "lrs" } };
    const got = statementAgents(s);
    expect(got).toEqual(
      expect.arrayContaining([
        { ifi: "mbox:mailto:example.learner@adlnet.gov", role: "actor" },
        { ifi: "mbox:mailto:irene@example.com", role: "instructor" },
        { ifi: "mbox:mailto:teampb@example.com", role: "team" },
        { ifi: "account:http://www.example.com|13936749", role: "team" },
        { ifi: "account:https://adal.kz|lrs", role: "authority" },
      ]),
    );
    expect(got).toHaveLength(5);
  });
  it("an Agent object is role object; members of an anonymous Group actor count as actor", () => {
    const s = {
      actor: {
        objectType: "Group",
        member: [{ mbox: "mailto:m1@b.kz" }, { mbox: "mailto:m2@b.kz" }],
      },
      verb: { id: "http://example.com/met" },
      object: { objectType: "Agent", mbox: "mailto:o@b.kz" },
    } as Statement;
    expect(statementAgents(s)).toEqual([
      { ifi: "mbox:mailto:m1@b.kz", role: "actor" },
      { ifi: "mbox:mailto:m2@b.kz", role: "actor" },
      { ifi: "mbox:mailto:o@b.kz", role: "object" },
    ]);
  });
  it("agents inside a SubStatement have role sub", () => {
    const s = clone(subStatementExample) as J;
    s.object.actor = { mbox: "mailto:inner@example.com" };
    s.object.object = { objectType: "Agent", mbox: "mailto:inner-object@example.com" };
    s.object.context = { instructor: { mbox: "mailto:inner-teacher@example.com" } };
    expect(statementAgents(s)).toEqual([
      { ifi: "mbox:mailto:test@example.com", role: "actor" },
      { ifi: "mbox:mailto:inner@example.com", role: "sub" },
      { ifi: "mbox:mailto:inner-object@example.com", role: "sub" },
      { ifi: "mbox:mailto:inner-teacher@example.com", role: "sub" },
    ]);
  });
  it("2.0 contextAgents and contextGroups have role context", () => {
    const s = clone(completed) as J;
    s.context = {
      contextAgents: [{ objectType: "contextAgent", agent: { mbox: "mailto:ca@b.kz" } }],
      contextGroups: [
        { objectType: "contextGroup", group: { objectType: "Group", mbox: "mailto:cg@b.kz" } },
      ],
    };
    expect(statementAgents(s).filter((a) => a.role === "context")).toEqual([
      { ifi: "mbox:mailto:ca@b.kz", role: "context" },
      { ifi: "mbox:mailto:cg@b.kz", role: "context" },
    ]);
  });
});

describe("statementActivities (activity / related_activities filters)", () => {
  it("lists the object and every context activity with its role", () => {
    expect(statementActivities(completed as unknown as Statement)).toEqual([
      { id: "http://example.adlnet.gov/xapi/example/simpleCBT", role: "object" },
      { id: "http://www.example.com/meetings/series/267", role: "parent" },
      { id: "http://www.example.com/meetings/categories/teammeeting", role: "category" },
      { id: "http://www.example.com/meetings/occurances/34257", role: "other" },
    ]);
  });
  it("accepts a single (non-array) contextActivities value", () => {
    const s = clone(completed) as J;
    s.context.contextActivities = { grouping: { id: "http://example.com/g" } };
    expect(statementActivities(s)).toContainEqual({ id: "http://example.com/g", role: "grouping" });
  });
  it("SubStatement activities have role sub; an Agent object yields no object activity", () => {
    const s = clone(subStatementExample) as J;
    s.object.context = { contextActivities: { parent: [{ id: "http://example.com/p" }] } };
    expect(statementActivities(s)).toEqual([
      { id: "http://example.com/website", role: "sub" },
      { id: "http://example.com/p", role: "sub" },
    ]);
  });
});

describe("personFor (Communication 2.6 Agents Resource, Person Object)", () => {
  it("merges names and IFIs without duplicates and omits empty lists", () => {
    const person = personFor([
      { name: "Айгүл", mbox: "mailto:aigul@adal.kz" },
      { name: "Айгүл", account: { homePage: "https://adal.kz", name: "100234" } },
      { name: "Aigul", account: { homePage: "https://adal.kz", name: "100234" } },
    ]);
    expect(person).toEqual({
      objectType: "Person",
      name: ["Айгүл", "Aigul"],
      mbox: ["mailto:aigul@adal.kz"],
      account: [{ homePage: "https://adal.kz", name: "100234" }],
    });
  });
  it("an unknown agent still yields a Person with its IFI", () => {
    expect(personFor([{ openid: "http://openid.example.org/1" }])).toEqual({
      objectType: "Person",
      openid: ["http://openid.example.org/1"],
    });
  });
});
