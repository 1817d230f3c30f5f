import { describe, expect, it } from "vitest";
import { prepareStatement } from "../../../src/server/xapi/prepare.ts";
import type { Agent, Statement } from "../../../src/server/xapi/types.ts";
import { validateStatement } from "../../../src/server/xapi/validate.ts";
import { clone, completed, simplest, subStatementExample } from "./examples.ts";

const authority: Agent = {
  objectType: "Agent",
  account: { homePage: "https://adal.kz", name: "lrs-client-1" },
};
// Malformed-on-purpose inputs are untyped parsed JSON.
type J = ReturnType<typeof JSON.parse>;
const stored = "2024-05-01T10:00:00.000Z";
const base = () => {
  const { id: _id, timestamp: _ts, ...rest } = clone(simplest);
  return rest as Statement;
};

describe("prepareStatement", () => {
  it("Data 2.4.1: assigns a UUID id when missing", () => {
    const out = prepareStatement(base(), { stored, authority, version: "2.0.0" });
    expect(out.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const again = prepareStatement(base(), { stored, authority, version: "2.0.0" });
    expect(again.id).not.toBe(out.id);
  });
  it("Data 2.4.1: keeps an id the client sent", () => {
    const out = prepareStatement(clone(simplest) as Statement, {
      stored,
      authority,
      version: "2.0.0",
    });
    expect(out.id).toBe(simplest.id);
  });
  it("Data 2.4.7: timestamp defaults to stored; a sent timestamp is kept", () => {
    expect(prepareStatement(base(), { stored, authority, version: "1.0.3" }).timestamp).toBe(
      stored,
    );
    const sent = prepareStatement(clone(simplest) as Statement, {
      stored,
      authority,
      version: "1.0.3",
    });
    expect(sent.timestamp).toBe(simplest.timestamp);
    expect(sent.stored).toBe(stored);
  });
  it("Data 2.4.9: the LRS's authority replaces whatever the client sent", () => {
    const s = { ...base(), authority: { mbox: "mailto:forger@example.com" } } as Statement;
    const out = prepareStatement(s, { stored, authority, version: "2.0.0" });
    expect(out.authority).toEqual(authority);
    expect(out.authority).not.toBe(authority);
  });
  it("Data 2.4.10: version defaults to 1.0.0 under 1.0.3 and 2.0.0 under 2.0", () => {
    expect(prepareStatement(base(), { stored, authority, version: "1.0.3" }).version).toBe("1.0.0");
    expect(prepareStatement(base(), { stored, authority, version: "2.0.0" }).version).toBe("2.0.0");
    const sent = { ...base(), version: "1.0.3" };
    expect(prepareStatement(sent, { stored, authority, version: "2.0.0" }).version).toBe("1.0.3");
  });
  it("Data 2.4.6.2: single contextActivities values become arrays (statement and SubStatement)", () => {
    const s = clone(completed) as J;
    s.context.contextActivities.parent = { id: "http://example.com/p" };
    const out = prepareStatement(s, { stored, authority, version: "2.0.0" });
    const parent: unknown = out.context?.contextActivities?.parent;
    expect(parent).toEqual([{ id: "http://example.com/p" }]);

    const sub = clone(subStatementExample) as unknown as Statement;
    (sub.object as unknown as { context: unknown }).context = {
      contextActivities: { grouping: { id: "http://example.com/g" } },
    };
    const subOut = prepareStatement(sub, { stored, authority, version: "2.0.0" });
    expect(subOut.object).toMatchObject({
      context: { contextActivities: { grouping: [{ id: "http://example.com/g" }] } },
    });
  });
  it("does not mutate its input and the result is a valid statement", () => {
    const input = base();
    const before = JSON.stringify(input);
    const out = prepareStatement(input, { stored, authority, version: "2.0.0" });
    expect(JSON.stringify(input)).toBe(before);
    expect(validateStatement(out, "2.0.0")).toEqual([]);
  });
});
