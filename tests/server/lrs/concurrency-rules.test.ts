// The concurrency rules table per version and resource (xAPI 1.0.3 Communication 3.1 and
// xAPI 2.0 Concurrency) and the RFC 7232 precondition evaluation, without a database.
import { describe, expect, it } from "vitest";
import { checkPreconditions, concurrencyRules } from "../../../src/server/lrs/concurrency.ts";
import type { XapiError } from "../../../src/server/xapi/errors.ts";

const status = (fn: () => void) => {
  try {
    fn();
    return 204;
  } catch (error) {
    return (error as XapiError).status;
  }
};

describe("concurrencyRules (Communication 3.1)", () => {
  it("1.0.3: State permits PUT without headers; Profiles answer 409 over an existing document", () => {
    expect(concurrencyRules("state", "1.0.3")).toEqual({
      conflictWithoutPrecondition: false,
      preconditionToCreate: false,
    });
    expect(concurrencyRules("agent-profile", "1.0.3")).toEqual({
      conflictWithoutPrecondition: true,
      preconditionToCreate: false,
    });
  });
  it("2.0: State is under concurrency control; Profile PUTs need a precondition", () => {
    expect(concurrencyRules("state", "2.0.0")).toEqual({
      conflictWithoutPrecondition: true,
      preconditionToCreate: false,
    });
    expect(concurrencyRules("activity-profile", "2.0.0")).toEqual({
      conflictWithoutPrecondition: true,
      preconditionToCreate: true,
    });
  });
});

describe("checkPreconditions (RFC 7232 3.1, 3.2)", () => {
  const lax = concurrencyRules("state", "1.0.3");
  const strict = concurrencyRules("agent-profile", "2.0.0");
  const tag = '"abc"';
  it.each([
    ["If-Match matching", tag, { ifMatch: tag }, 204],
    ["If-Match in a list", tag, { ifMatch: `"x", ${tag}` }, 204],
    ["If-Match *", tag, { ifMatch: "*" }, 204],
    ["If-Match stale", tag, { ifMatch: '"x"' }, 412],
    ["If-Match weak never matches", tag, { ifMatch: `W/${tag}` }, 412],
    ["If-Match on a missing document", null, { ifMatch: "*" }, 412],
    ["If-None-Match * on an existing document", tag, { ifNoneMatch: "*" }, 412],
    ["If-None-Match with its ETag", tag, { ifNoneMatch: tag }, 412],
    ["If-None-Match with another ETag", tag, { ifNoneMatch: '"x"' }, 204],
    ["If-None-Match * on a missing document", null, { ifNoneMatch: "*" }, 204],
  ] as const)("%s", (_name, current, p, expected) => {
    for (const method of ["PUT", "POST", "DELETE"] as const)
      expect(status(() => checkPreconditions(current, p, method, lax))).toBe(expected);
  });
  it("no precondition: 409 over an existing document, 428 for a new one, only where the rules say and only on PUT", () => {
    expect(status(() => checkPreconditions(tag, {}, "PUT", strict))).toBe(409);
    expect(status(() => checkPreconditions(null, {}, "PUT", strict))).toBe(428);
    expect(status(() => checkPreconditions(tag, {}, "PUT", lax))).toBe(204);
    expect(status(() => checkPreconditions(null, {}, "PUT", lax))).toBe(204);
    for (const method of ["POST", "DELETE"] as const) {
      expect(status(() => checkPreconditions(tag, {}, method, strict))).toBe(204);
      expect(status(() => checkPreconditions(null, {}, method, strict))).toBe(204);
    }
  });
});
