import { describe, expect, it } from "vitest";
import { actorKey, agentIdentifier, launchAgent } from "../../../src/lib/tracking/actor.ts";

describe("actorKey", () => {
  it("tells learners apart by their identifier only", () => {
    const a = { account: { homePage: "https://adal.kz", name: "100001" }, name: "Асқар" };
    const b = { account: { homePage: "https://adal.kz", name: "100002" }, name: "Асқар" };
    expect(actorKey(a)).not.toBe(actorKey(b));
    expect(actorKey({ ...a, name: "Other name" })).toBe(actorKey(a));
    expect(actorKey({ account: { homePage: "https://adal.kz/", name: "100001" } })).toBe(
      actorKey(a),
    );
    expect(actorKey({ mbox: "mailto:A@police.kz" })).toBe(actorKey({ mbox: "mailto:a@police.kz" }));
  });

  it("is null for something that identifies nobody", () => {
    expect(actorKey(null)).toBeNull();
    expect(actorKey({ name: "Асқар" })).toBeNull();
    expect(actorKey("100001")).toBeNull();
  });
});

describe("agentIdentifier", () => {
  it("keeps only the identifier", () => {
    expect(agentIdentifier({ name: "A", mbox: "mailto:a@b.kz" })).toEqual({
      objectType: "Agent",
      mbox: "mailto:a@b.kz",
    });
  });
});

describe("launchAgent", () => {
  it("reads the xAPI form", () => {
    expect(
      launchAgent(
        '{"objectType":"Agent","account":{"homePage":"https://lms.kz","name":"7"},"name":"Ә"}',
      ),
    ).toEqual({
      objectType: "Agent",
      name: "Ә",
      account: { homePage: "https://lms.kz", name: "7" },
    });
  });

  it("reads the Tin Can launch form with arrays", () => {
    expect(launchAgent('{"name":["Project Tin Can"],"mbox":["mailto:tincan@scorm.com"]}')).toEqual({
      objectType: "Agent",
      name: "Project Tin Can",
      mbox: "mailto:tincan@scorm.com",
    });
    expect(
      launchAgent(
        '{"name":["Ерлан"],"account":[{"accountServiceHomePage":"https://lms.kz","accountName":"42"}]}',
      ),
    ).toEqual({
      objectType: "Agent",
      name: "Ерлан",
      account: { homePage: "https://lms.kz", name: "42" },
    });
  });

  it("refuses what does not identify a person", () => {
    for (const raw of [
      "",
      "not json",
      "[]",
      '{"name":"Only a name"}',
      '{"mbox":"erlan@police.kz"}',
      '{"objectType":"Group","mbox":"mailto:a@b.kz"}',
      '{"account":{"homePage":"lms","name":"1"}}',
    ])
      expect(launchAgent(raw), raw).toBeNull();
  });
});
