import { describe, expect, it } from "vitest";
import { parseLaunch, withoutLaunch } from "../../../src/lib/tracking/launch.ts";

const actor = JSON.stringify({
  account: { homePage: "https://lms.kz", name: "100001" },
  name: "А",
});

describe("parseLaunch", () => {
  it("is none without an endpoint", () => {
    expect(parseLaunch(new URLSearchParams("next=/x/"))).toEqual({ kind: "none" });
  });

  it("reads endpoint, auth, actor and registration", () => {
    const query = new URLSearchParams({
      endpoint: "https://lrs.example.kz/xapi",
      auth: "Basic dGVzdDp0ZXN0",
      actor,
      registration: "0f8fad5b-d9cb-469f-a165-70867728950e",
    });
    expect(parseLaunch(query)).toEqual({
      kind: "launch",
      launch: {
        endpoint: "https://lrs.example.kz/xapi/",
        auth: "Basic dGVzdDp0ZXN0",
        actor: {
          objectType: "Agent",
          name: "А",
          account: { homePage: "https://lms.kz", name: "100001" },
        },
        registration: "0f8fad5b-d9cb-469f-a165-70867728950e",
      },
    });
  });

  it("says which parameter is wrong", () => {
    expect(parseLaunch(new URLSearchParams({ endpoint: "javascript:alert(1)", actor }))).toEqual({
      kind: "invalid",
      problem: "endpoint",
    });
    expect(parseLaunch(new URLSearchParams({ endpoint: "https://lrs.kz/xapi/" }))).toEqual({
      kind: "invalid",
      problem: "actor",
    });
    expect(
      parseLaunch(
        new URLSearchParams({ endpoint: "https://lrs.kz/", actor, auth: "Basic a\r\nX: y" }),
      ),
    ).toEqual({ kind: "invalid", problem: "auth" });
  });
});

describe("withoutLaunch", () => {
  it("removes the launch parameters and keeps the rest", () => {
    const query = new URLSearchParams({
      endpoint: "https://l/",
      auth: "Basic x",
      actor,
      next: "/a/",
    });
    expect(withoutLaunch(query)).toBe("?next=%2Fa%2F");
    expect(withoutLaunch(new URLSearchParams({ endpoint: "https://l/", actor }))).toBe("");
  });
});
