import { describe, expect, it } from "vitest";
import { XapiError } from "../../../src/server/xapi/errors.ts";
import { negotiateVersion } from "../../../src/server/xapi/version.ts";

describe("negotiateVersion (Communication 3.3 Versioning)", () => {
  it.each(["1.0", "1.0.0", "1.0.1", "1.0.2", "1.0.3", "1.0.9"])("accepts %s as 1.0.3", (v) => {
    expect(negotiateVersion(v)).toBe("1.0.3");
  });

  it.each(["2.0", "2.0.0", "2.0.1"])("accepts %s as 2.0.0", (v) => {
    expect(negotiateVersion(v)).toBe("2.0.0");
  });

  it("trims surrounding whitespace", () => {
    expect(negotiateVersion(" 2.0.0 ")).toBe("2.0.0");
  });

  it.each([undefined, "", "0.95", "1.1", "1.1.0", "3.0.0", "1", "2", "1.0.x", "abc"])(
    "rejects %s with a 400",
    (v) => {
      try {
        negotiateVersion(v);
        expect.unreachable("should throw");
      } catch (e) {
        expect(e).toBeInstanceOf(XapiError);
        expect((e as XapiError).status).toBe(400);
        expect((e as XapiError).message).toMatch(/X-Experience-API-Version/);
      }
    },
  );
});
