import { describe, expect, it } from "vitest";
import {
  extendedTimestamp,
  validateActor,
  validateAgent,
  validateStatement,
} from "../../../src/server/xapi/validate.ts";
import type { XapiVersion } from "../../../src/server/xapi/version.ts";
import {
  choiceInteraction,
  clone,
  completed,
  simplest,
  subStatementExample,
  voiding,
  withAttachment,
} from "./examples.ts";

// Invalid statements are made by mutating valid ones, so they are untyped parsed JSON here.
type J = ReturnType<typeof JSON.parse>;
const BOTH: XapiVersion[] = ["1.0.3", "2.0.0"];

/** Applies `mutate` to a copy of `base` and expects an error starting with `expected`. */
function rejects(base: object, mutate: (s: J) => void, expected: string, version?: XapiVersion) {
  for (const v of version ? [version] : BOTH) {
    const s = clone(base) as J;
    mutate(s);
    const errors = validateStatement(s, v);
    expect(errors, `under ${v}: ${JSON.stringify(errors)}`).toEqual(
      expect.arrayContaining([expect.stringContaining(expected)]),
    );
  }
}

function accepts(base: object, mutate: (s: J) => void = () => {}, version?: XapiVersion) {
  for (const v of version ? [version] : BOTH) {
    const s = clone(base) as J;
    mutate(s);
    expect(validateStatement(s, v), `under ${v}`).toEqual([]);
  }
}

describe("valid statements from the spec examples", () => {
  it.each([
    ["simplest statement", simplest],
    ["completed statement with result and context", completed],
    ["choice interaction", choiceInteraction],
    ["SubStatement", subStatementExample],
    ["voiding statement", voiding],
    ["statement with attachment metadata", withAttachment],
  ])("Data 2.4: %s is valid under 1.0.3 and 2.0.0", (_name, statement) => {
    accepts(statement);
  });

  it("Data 2.4.6: a single contextActivities Activity (not an array) is accepted", () => {
    accepts(completed, (s) => {
      s.context.contextActivities.parent = { id: "http://example.com/parent" };
    });
  });
});

describe("Data 2.4 Statement", () => {
  it("rejects a non-object statement", () => {
    expect(validateStatement([], "2.0.0")).toEqual(["statement: must be an object, got an array"]);
    expect(validateStatement(null, "1.0.3")).toEqual(["statement: must be an object, got null"]);
  });
  it("Data 2.2: unknown top-level properties are rejected", () => {
    rejects(simplest, (s) => (s.foo = 1), "foo: is not an allowed property here");
  });
  it.each(["actor", "verb", "object"])("Data 2.4: %s is required", (key) => {
    rejects(simplest, (s) => delete s[key], `${key}: is required`);
  });
  it("Data 2.4.1: id must be a UUID", () => {
    rejects(simplest, (s) => (s.id = "not-a-uuid"), "id: must be a UUID");
  });
  it("Data 2.2: null property values are rejected", () => {
    rejects(simplest, (s) => (s.timestamp = null), "timestamp: must be a string, got null");
  });
});

describe("Data 2.4.2 Actor", () => {
  it("Data 2.4.2.1: an Agent has exactly one IFI (none)", () => {
    rejects(simplest, (s) => delete s.actor.mbox, "actor: an Agent must have exactly one");
  });
  it("Data 2.4.2.1: an Agent has exactly one IFI (two)", () => {
    rejects(
      simplest,
      (s) => (s.actor.openid = "http://openid.example.org/12345"),
      "actor: an Agent must have exactly one of mbox, mbox_sha1sum, openid, account (found 2)",
    );
  });
  it('Data 2.4.2.3: mbox must be a "mailto:" IRI', () => {
    rejects(
      simplest,
      (s) => (s.actor.mbox = "user@example.com"),
      'actor.mbox: must be a "mailto:"',
    );
  });
  it("Data 2.4.2.3: mbox_sha1sum must be 40 hex digits", () => {
    rejects(
      simplest,
      (s) => {
        delete s.actor.mbox;
        s.actor.mbox_sha1sum = "xyz";
      },
      "actor.mbox_sha1sum: must be the hex-encoded SHA-1",
    );
    accepts(simplest, (s) => {
      delete s.actor.mbox;
      s.actor.mbox_sha1sum = "ebd31e95054c018b10727ccffd2ef2ec3a016ee9";
    });
  });
  it("Data 2.4.2.3: openid must be a URI", () => {
    rejects(
      simplest,
      (s) => {
        delete s.actor.mbox;
        s.actor.openid = "not a uri";
      },
      "actor.openid: must be an absolute URI",
    );
  });
  it("Data 2.4.2.4: account needs homePage (an IRL) and name", () => {
    const use = (account: unknown) => (s: J) => {
      delete s.actor.mbox;
      s.actor.account = account;
    };
    rejects(simplest, use({ name: "x" }), "actor.account.homePage: is required");
    rejects(simplest, use({ homePage: "http://x.kz" }), "actor.account.name: is required");
    rejects(
      simplest,
      use({ homePage: "x.kz", name: "a" }),
      "actor.account.homePage: must be an IRL",
    );
    rejects(
      simplest,
      use({ homePage: "http://x.kz", name: 5 }),
      "actor.account.name: must be a string",
    );
    rejects(
      simplest,
      use({ homePage: "http://x.kz", name: "a", extra: 1 }),
      "actor.account.extra: is not an allowed property",
    );
    accepts(simplest, use({ homePage: "https://adal.kz", name: "12345" }));
  });
  it("Data 2.4.2.1: an Agent's objectType must be Agent", () => {
    rejects(simplest, (s) => (s.actor.objectType = "Person"), 'actor.objectType: must be "Agent"');
  });
  it("Data 2.4.2.1: unknown Agent properties are rejected", () => {
    rejects(simplest, (s) => (s.actor.member = []), "actor.member: is not an allowed property");
  });
  it("Data 2.4.2.1: name must be a string", () => {
    rejects(simplest, (s) => (s.actor.name = ["x"]), "actor.name: must be a string");
  });
  it("Data 2.4.2.2: an anonymous Group must have a member list", () => {
    rejects(
      simplest,
      (s) => (s.actor = { objectType: "Group", name: "g" }),
      "actor.member: is required",
    );
    rejects(
      simplest,
      (s) => (s.actor = { objectType: "Group", member: [] }),
      "actor.member: an anonymous Group must list at least one member",
    );
  });
  it("Data 2.4.2.2: Group members are Agents, not Groups", () => {
    rejects(
      simplest,
      (s) =>
        (s.actor = {
          objectType: "Group",
          member: [{ objectType: "Group", member: [{ mbox: "mailto:a@b.kz" }] }],
        }),
      "actor.member[0]: Group members must be Agents, not Groups",
    );
  });
  it("Data 2.4.2.2: each Group member is an identified Agent", () => {
    rejects(
      simplest,
      (s) => (s.actor = { objectType: "Group", member: [{ name: "no ifi" }] }),
      "actor.member[0]: an Agent must have exactly one",
    );
  });
  it("Data 2.4.2.2: an identified Group has at most one IFI", () => {
    rejects(
      simplest,
      (s) =>
        (s.actor = {
          objectType: "Group",
          mbox: "mailto:g@x.kz",
          openid: "http://openid.example.org/g",
        }),
      "actor: a Group must have at most one IFI",
    );
    accepts(simplest, (s) => (s.actor = { objectType: "Group", mbox: "mailto:g@x.kz" }));
  });
});

describe("Data 2.4.3 Verb", () => {
  it("verb id must be an IRI", () => {
    rejects(simplest, (s) => (s.verb.id = "sent"), "verb.id: must be an absolute IRI");
    rejects(
      simplest,
      (s) => (s.verb.id = "http://x.kz/has space"),
      "verb.id: must be an absolute IRI",
    );
  });
  it("verb id is required", () => {
    rejects(simplest, (s) => delete s.verb.id, "verb.id: is required");
  });
  it("verb display is a language map with RFC 5646 keys", () => {
    rejects(simplest, (s) => (s.verb.display = "sent"), "verb.display: must be a language map");
    rejects(
      simplest,
      (s) => (s.verb.display = { en_US: "sent" }),
      'verb.display.en_US: "en_US" is not an RFC 5646 language tag',
    );
    rejects(
      simplest,
      (s) => (s.verb.display = { "en-US": 1 }),
      'verb.display["en-US"]: must be a string',
    );
  });
  it("unknown verb properties are rejected", () => {
    rejects(simplest, (s) => (s.verb.name = "x"), "verb.name: is not an allowed property");
  });
  it("Data 2.3.2: a voiding statement must have a StatementRef object", () => {
    rejects(
      voiding,
      (s) => (s.object = { id: "http://example.com/activity" }),
      "object: a voiding statement (verb voided) must have a StatementRef object",
    );
  });
});

describe("Data 2.4.4 Object", () => {
  it("objectType absent means Activity, which needs an IRI id", () => {
    rejects(simplest, (s) => delete s.object.id, "object.id: is required");
    rejects(simplest, (s) => (s.object.id = "simple"), "object.id: must be an absolute IRI");
  });
  it("unknown objectType is rejected", () => {
    rejects(simplest, (s) => (s.object.objectType = "Thing"), "object.objectType: must be one of");
  });
  it("an Agent object needs objectType Agent (else it is read as an Activity)", () => {
    rejects(
      simplest,
      (s) => (s.object = { mbox: "mailto:a@b.kz" }),
      "object.mbox: is not an allowed",
    );
    accepts(simplest, (s) => (s.object = { objectType: "Agent", mbox: "mailto:a@b.kz" }));
  });
  it("a Group object is validated as a Group", () => {
    rejects(simplest, (s) => (s.object = { objectType: "Group" }), "object.member: is required");
  });
  it("StatementRef id must be a UUID and no other properties", () => {
    rejects(voiding, (s) => (s.object.id = "123"), "object.id: must be a UUID");
    rejects(voiding, (s) => (s.object.definition = {}), "object.definition: is not an allowed");
  });
  it("Data 2.4.4.3: a SubStatement cannot contain a SubStatement", () => {
    rejects(
      subStatementExample,
      (s) => (s.object.object = clone(subStatementExample.object)),
      "object.object.objectType: a SubStatement must not contain a SubStatement",
    );
  });
  it.each([
    ["id", "fd41c918-b88b-4b20-a0a5-a4c32391aaa0"],
    ["stored", "2015-11-18T12:17:00Z"],
    ["version", "1.0.0"],
    ["authority", { mbox: "mailto:a@b.kz" }],
  ])("Data 2.4.4.3: a SubStatement must not have %s", (key, value) => {
    rejects(
      subStatementExample,
      (s) => (s.object[key] = value),
      `object.${key}: is not allowed in a SubStatement`,
    );
  });
  it("Data 2.4.4.3: SubStatement parts are validated like a Statement's", () => {
    rejects(
      subStatementExample,
      (s) => (s.object.verb.id = "x"),
      "object.verb.id: must be an absolute IRI",
    );
    rejects(subStatementExample, (s) => delete s.object.actor, "object.actor: is required");
  });
});

describe("Data 2.4.4.1 Activity Definition", () => {
  it("type must be an IRI, moreInfo an IRL, name/description language maps", () => {
    rejects(
      simplest,
      (s) => (s.object.definition.type = "course"),
      "object.definition.type: must be an absolute IRI",
    );
    rejects(
      simplest,
      (s) => (s.object.definition.moreInfo = "urn:x"),
      "object.definition.moreInfo: must be an IRL",
    );
    rejects(
      simplest,
      (s) => (s.object.definition.name = "x"),
      "object.definition.name: must be a language map",
    );
  });
  it("unknown definition properties are rejected", () => {
    rejects(
      simplest,
      (s) => (s.object.definition.title = "x"),
      "object.definition.title: is not an allowed",
    );
  });
  it("interactionType must be one of the listed values", () => {
    rejects(
      choiceInteraction,
      (s) => (s.object.definition.interactionType = "multiple-choice"),
      "object.definition.interactionType: must be one of",
    );
  });
  it("interaction components are only allowed for matching interaction types", () => {
    rejects(
      choiceInteraction,
      (s) => (s.object.definition.interactionType = "true-false"),
      'object.definition.choices: is not allowed for interactionType "true-false"',
    );
    rejects(
      choiceInteraction,
      (s) => (s.object.definition.scale = [{ id: "1" }]),
      'object.definition.scale: is not allowed for interactionType "choice"',
    );
    accepts(choiceInteraction, (s) => {
      s.object.definition.interactionType = "sequencing";
    });
    accepts(choiceInteraction, (s) => {
      const d = s.object.definition;
      d.interactionType = "matching";
      d.source = d.choices;
      d.target = [{ id: "a" }];
      delete d.choices;
    });
  });
  it("interaction properties need an interactionType", () => {
    rejects(
      choiceInteraction,
      (s) => delete s.object.definition.interactionType,
      "object.definition.choices: is only allowed together with interactionType",
    );
    rejects(
      choiceInteraction,
      (s) => delete s.object.definition.interactionType,
      "object.definition.correctResponsesPattern: is only allowed together with interactionType",
    );
  });
  it("correctResponsesPattern is an array of strings", () => {
    rejects(
      choiceInteraction,
      (s) => (s.object.definition.correctResponsesPattern = "golf"),
      "object.definition.correctResponsesPattern: must be an array",
    );
    rejects(
      choiceInteraction,
      (s) => (s.object.definition.correctResponsesPattern = [1]),
      "object.definition.correctResponsesPattern[0]: must be a string",
    );
  });
  it("interaction component ids are required and distinct within a list", () => {
    rejects(
      choiceInteraction,
      (s) => delete s.object.definition.choices[1].id,
      "object.definition.choices[1].id: is required",
    );
    rejects(
      choiceInteraction,
      (s) => (s.object.definition.choices[1].id = "golf"),
      'object.definition.choices[1].id: duplicates the id "golf"',
    );
    rejects(
      choiceInteraction,
      (s) => (s.object.definition.choices[0].label = "x"),
      "object.definition.choices[0].label: is not an allowed",
    );
  });
  it("extension keys must be IRIs", () => {
    rejects(
      simplest,
      (s) => (s.object.definition.extensions = { topic: 1 }),
      "object.definition.extensions.topic: extension keys must be absolute IRIs",
    );
  });
});

describe("Data 2.4.5 Result", () => {
  it("score.scaled must be between -1 and 1", () => {
    rejects(
      completed,
      (s) => (s.result.score.scaled = 1.5),
      "result.score.scaled: must be between -1 and 1",
    );
    accepts(completed, (s) => (s.result.score = { scaled: -1 }));
  });
  it("score.raw must be between min and max", () => {
    rejects(
      completed,
      (s) => (s.result.score.raw = 101),
      "result.score.raw: must not be greater than max",
    );
    rejects(
      completed,
      (s) => (s.result.score.raw = -1),
      "result.score.raw: must not be less than min",
    );
  });
  it("score.min must be less than max", () => {
    rejects(
      completed,
      (s) => (s.result.score = { min: 10, max: 10 }),
      "result.score.min: must be less than max",
    );
  });
  it("score values must be numbers", () => {
    rejects(completed, (s) => (s.result.score.raw = "95"), "result.score.raw: must be a number");
  });
  it("success and completion must be booleans, response a string", () => {
    rejects(completed, (s) => (s.result.success = "true"), "result.success: must be a boolean");
    rejects(completed, (s) => (s.result.completion = 1), "result.completion: must be a boolean");
    rejects(completed, (s) => (s.result.response = 5), "result.response: must be a string");
  });
  it.each([
    "1234S",
    "PT",
    "P",
    "PT1H30",
    "1 hour",
    "PT-5S",
    // ISO 8601 4.4.3.2: a fraction on the lowest order component only
    "P0.5Y1M",
    "PT1.5H30M",
    "P1.5DT1H",
    "PT0,5M1S",
    "PA1H0M0S",
  ])("duration %s is not ISO 8601", (d) => {
    rejects(
      completed,
      (s) => (s.result.duration = d),
      "result.duration: must be an ISO 8601 duration",
    );
  });
  it.each([
    "PT4H35M59.14S",
    "P1Y2M3DT4H5M6S",
    "P4W",
    "PT0S",
    "P1D",
    "PT1H0M0.1S",
    "PT16559.14S",
    "P3Y1M29DT4H35M59.14S",
    "P1DT0.5H",
    "PT1H30,5M",
    "P0.5W",
    "P1.5Y",
  ])("duration %s is accepted", (d) => {
    accepts(completed, (s) => (s.result.duration = d));
  });
  it("unknown result properties are rejected", () => {
    rejects(completed, (s) => (s.result.grade = "A"), "result.grade: is not an allowed");
  });
});

describe("Data 2.4.6 Context", () => {
  it("registration must be a UUID", () => {
    rejects(
      completed,
      (s) => (s.context.registration = "abc"),
      "context.registration: must be a UUID",
    );
  });
  it("revision and platform are only allowed when the object is an Activity", () => {
    rejects(
      completed,
      (s) => (s.object = { objectType: "Agent", mbox: "mailto:a@b.kz" }),
      "context.revision: is only allowed when the object is an Activity",
    );
    rejects(
      completed,
      (s) =>
        (s.object = { objectType: "StatementRef", id: "6690e6c9-3ef0-4ed3-8b37-7f3964730bee" }),
      "context.platform: is only allowed when the object is an Activity",
    );
  });
  it("language must be an RFC 5646 tag", () => {
    rejects(
      completed,
      (s) => (s.context.language = "english!"),
      "context.language: must be an RFC 5646 language tag",
    );
    accepts(completed, (s) => (s.context.language = "kk-Cyrl-KZ"));
  });
  it("statement must be a StatementRef", () => {
    rejects(
      completed,
      (s) => (s.context.statement = { id: "6690e6c9-3ef0-4ed3-8b37-7f3964730bee" }),
      'context.statement.objectType: must be "StatementRef"',
    );
  });
  it("team must be a Group", () => {
    rejects(
      completed,
      (s) => (s.context.team = { mbox: "mailto:a@b.kz" }),
      "context.team: must be a Group",
    );
  });
  it("instructor is an Agent or Group", () => {
    rejects(
      completed,
      (s) => (s.context.instructor = { name: "x" }),
      "context.instructor: an Agent must have exactly one",
    );
  });
  it("contextActivities keys are parent, grouping, category, other", () => {
    rejects(
      completed,
      (s) => (s.context.contextActivities.sibling = []),
      "context.contextActivities.sibling: is not an allowed",
    );
    rejects(
      completed,
      (s) => (s.context.contextActivities.parent[0].id = "x"),
      "context.contextActivities.parent[0].id: must be an absolute IRI",
    );
  });
  it("context extension keys must be IRIs", () => {
    rejects(
      completed,
      (s) => (s.context.extensions = { topic: "x" }),
      "context.extensions.topic: extension keys",
    );
  });
  const ctxAgents = (s: J) => {
    s.context.contextAgents = [
      {
        objectType: "contextAgent",
        agent: { mbox: "mailto:a@b.kz" },
        relevantTypes: ["https://adal.kz/types/examiner"],
      },
    ];
    s.context.contextGroups = [
      { objectType: "contextGroup", group: { objectType: "Group", mbox: "mailto:unit@b.kz" } },
    ];
  };
  it("Data 2.4.6 (2.0): contextAgents and contextGroups are accepted under 2.0", () => {
    accepts(completed, ctxAgents, "2.0.0");
  });
  it("Data 2.4.6 (1.0.3): contextAgents and contextGroups do not exist in 1.0.3", () => {
    rejects(completed, ctxAgents, "context.contextAgents: is not an allowed property", "1.0.3");
    rejects(completed, ctxAgents, "context.contextGroups: is not an allowed property", "1.0.3");
  });
  it("Data 2.4.6 (2.0): contextAgent shape rules", () => {
    const set = (v: unknown) => (s: J) => (s.context.contextAgents = [v]);
    rejects(
      completed,
      set({ agent: { mbox: "mailto:a@b.kz" } }),
      'context.contextAgents[0].objectType: must be "contextAgent"',
      "2.0.0",
    );
    rejects(
      completed,
      set({ objectType: "contextAgent" }),
      "context.contextAgents[0].agent: is required",
      "2.0.0",
    );
    rejects(
      completed,
      set({ objectType: "contextAgent", agent: { mbox: "mailto:a@b.kz" }, relevantTypes: [] }),
      "context.contextAgents[0].relevantTypes: must not be empty",
      "2.0.0",
    );
    rejects(
      completed,
      set({ objectType: "contextAgent", agent: { mbox: "mailto:a@b.kz" }, relevantTypes: ["x"] }),
      "context.contextAgents[0].relevantTypes[0]: must be an absolute IRI",
      "2.0.0",
    );
  });
});

describe("Data 2.4.7 / 2.4.8 Timestamp and Stored", () => {
  it.each([
    "2015-11-18",
    "18/11/2015 12:00",
    "2015-13-01T00:00:00Z",
    "2015-02-30T00:00:00Z",
    "2015-11-18T25:00:00Z",
    "2015-11-18T12:17:00-00:00",
  ])("timestamp %s is rejected under both versions", (ts) =>
    rejects(simplest, (s) => (s.timestamp = ts), "timestamp: "),
  );
  it("ISO 8601 without timezone or seconds is accepted under 1.0.3 only", () => {
    accepts(simplest, (s) => (s.timestamp = "2015-11-18T12:17:00"), "1.0.3");
    accepts(simplest, (s) => (s.timestamp = "2015-11-18T12:17+0600"), "1.0.3");
    rejects(
      simplest,
      (s) => (s.timestamp = "2015-11-18T12:17:00"),
      "timestamp: must be an RFC 3339 timestamp",
      "2.0.0",
    );
    rejects(
      simplest,
      (s) => (s.timestamp = "2015-11-18T12:17Z"),
      "timestamp: must be an RFC 3339 timestamp",
      "2.0.0",
    );
  });
  // XAPI-00123 (1.0.3: "ISO 8601 Extended or ISO 8601 Basic") and the ADL 2.0 suite's
  // timestamps.js (RFC 3339, whose 5.6 allows a space for the T); [value, 1.0.3, 2.0].
  it.each([
    ["2008-09-15T15:53:00.601Z", true, true],
    ["2008-09-15 15:53:00.601+00:00", false, true],
    ["2008-09-15t15:53:00z", false, true],
    ["20080915T155300Z", true, false],
    ["20080915T155300.601+0600", true, false],
    ["20080915T1553", true, false],
    ["20080915T155300,5-0430", true, false],
    ["2008-09-15T15:53:00.601-00", false, false],
    ["2008-09-15T15:53:00.601-0000", false, false],
    ["2008-09-15T15:53:00.601-00:00", false, false],
    ["20080915T155300-0000", false, false],
    ["2008-09-15  15:53:00Z", false, false],
    ["2008-09-15_15:53:00Z", false, false],
    ["2008-0915T155300Z", false, false],
    ["20080915 155300Z", false, false],
    ["20081315T155300Z", false, false],
    ["20080915T255300Z", false, false],
    ["01/011/2015", false, false],
    ["should fail", false, false],
  ])("timestamp %s: accepted under 1.0.3 %s, under 2.0 %s", (ts, v1, v2) => {
    for (const [version, ok] of [
      ["1.0.3", v1],
      ["2.0.0", v2],
    ] as const) {
      if (ok) accepts(simplest, (s) => (s.timestamp = ts), version);
      else rejects(simplest, (s) => (s.timestamp = ts), "timestamp: ", version);
    }
  });
  it.each([
    ["2008-09-15T15:53:00.601Z", "2008-09-15T15:53:00.601Z"],
    ["2008-09-15 15:53:00.601+00:00", "2008-09-15T15:53:00.601+00:00"],
    ["2008-09-15t15:53:00z", "2008-09-15T15:53:00Z"],
    ["20080915T155300Z", "2008-09-15T15:53:00Z"],
    ["20080915T155300,601+0600", "2008-09-15T15:53:00.601+06:00"],
    ["20080915T1553-04", "2008-09-15T15:53:00-04:00"],
    ["2015-11-18T12:17+0600", "2015-11-18T12:17:00+06:00"],
    ["2015-11-18T12:17:00", "2015-11-18T12:17:00"],
  ])("extendedTimestamp(%s) is %s, the same instant Date.parse reads", (value, expected) => {
    expect(extendedTimestamp(value)).toBe(expected);
    expect(Number.isNaN(Date.parse(extendedTimestamp(value)))).toBe(false);
  });
  it("RFC 3339 timestamps with offsets and fractions are accepted", () => {
    accepts(simplest, (s) => (s.timestamp = "2024-02-29T23:59:59.123456+06:00"));
  });
  it("stored follows the same format rules", () => {
    rejects(simplest, (s) => (s.stored = "yesterday"), "stored: must be");
  });
});

describe("Data 2.4.9 Authority and 2.4.10 Version", () => {
  it("authority may be an Agent", () => {
    accepts(
      simplest,
      (s) => (s.authority = { account: { homePage: "https://adal.kz", name: "lrs" } }),
    );
  });
  it("a Group authority must have exactly two members (OAuth)", () => {
    const two = [
      { account: { homePage: "https://adal.kz", name: "app" } },
      { mbox: "mailto:u@adal.kz" },
    ];
    accepts(simplest, (s) => (s.authority = { objectType: "Group", member: two }));
    rejects(
      simplest,
      (s) =>
        (s.authority = { objectType: "Group", member: [...two, { mbox: "mailto:x@adal.kz" }] }),
      "authority: a Group authority must have exactly two member Agents",
    );
  });
  it("version must be 1.0.x under 1.0.3", () => {
    accepts(simplest, (s) => (s.version = "1.0.0"), "1.0.3");
    rejects(simplest, (s) => (s.version = "2.0.0"), 'version: must be "1.0.x"', "1.0.3");
    rejects(simplest, (s) => (s.version = "0.95"), 'version: must be "1.0.x"', "1.0.3");
  });
  it("version may be 1.0.x or 2.0.x under 2.0", () => {
    accepts(simplest, (s) => (s.version = "2.0.0"), "2.0.0");
    accepts(simplest, (s) => (s.version = "1.0.3"), "2.0.0");
    rejects(simplest, (s) => (s.version = "3.0.0"), 'version: must be "1.0.x" or "2.0.x"', "2.0.0");
  });
});

describe("Data 2.4.11 Attachments", () => {
  const at0 = (mutate: (a: J) => void) => (s: J) => mutate(s.attachments[0]);
  it.each(["usageType", "display", "contentType", "length", "sha2"])("%s is required", (key) => {
    rejects(
      withAttachment,
      at0((a) => delete a[key]),
      `attachments[0].${key}: is required`,
    );
  });
  it("usageType must be an IRI", () => {
    rejects(
      withAttachment,
      at0((a) => (a.usageType = "signature")),
      "attachments[0].usageType: must be an absolute IRI",
    );
  });
  it("contentType must be an Internet Media Type", () => {
    rejects(
      withAttachment,
      at0((a) => (a.contentType = "plain text")),
      "attachments[0].contentType: must be an Internet Media Type",
    );
  });
  it("length must be a non-negative integer", () => {
    rejects(
      withAttachment,
      at0((a) => (a.length = 2.5)),
      "attachments[0].length: must be a non-negative integer",
    );
    rejects(
      withAttachment,
      at0((a) => (a.length = -1)),
      "attachments[0].length: must be a non-negative integer",
    );
  });
  it("sha2 must be a hex SHA-2 digest", () => {
    rejects(
      withAttachment,
      at0((a) => (a.sha2 = "abc")),
      "attachments[0].sha2: must be a hex-encoded SHA-2",
    );
  });
  it("fileUrl must be an IRL", () => {
    rejects(
      withAttachment,
      at0((a) => (a.fileUrl = "file name.txt")),
      "attachments[0].fileUrl: must be an IRL",
    );
    accepts(
      withAttachment,
      at0((a) => (a.fileUrl = "https://adal.kz/files/cert.pdf")),
    );
  });
  it("display must be a language map", () => {
    rejects(
      withAttachment,
      at0((a) => (a.display = { "en-US": null })),
      'attachments[0].display["en-US"]: must be a string',
    );
  });
  it("attachments must be an array", () => {
    rejects(
      withAttachment,
      (s) => (s.attachments = s.attachments[0]),
      "attachments: must be an array",
    );
  });
});

describe("validateAgent / validateActor (query parameters and document APIs)", () => {
  it("accepts an identified Agent", () => {
    expect(validateAgent({ mbox: "mailto:a@b.kz" }, "2.0.0")).toEqual([]);
  });
  it("rejects a Group where an Agent is required", () => {
    expect(validateAgent({ objectType: "Group", mbox: "mailto:a@b.kz" }, "2.0.0")).toEqual([
      'objectType: must be "Agent"',
    ]);
  });
  it("names the root when the agent is not an object", () => {
    expect(validateAgent("a@b.kz", "1.0.3")).toEqual(["agent: must be an object, got a string"]);
  });
  it("validateActor accepts a Group and rejects an unidentified Agent", () => {
    expect(validateActor({ objectType: "Group", mbox: "mailto:g@b.kz" }, "1.0.3")).toEqual([]);
    expect(validateActor({ name: "x" }, "1.0.3")[0]).toMatch(
      /^actor: an Agent must have exactly one/,
    );
  });
});
