// The nesting cap of JSON bodies, counted on the raw bytes before parsing.
import { describe, expect, it } from "vitest";
import {
  jsonDepth,
  jsonDepthProblem,
  MAX_JSON_DEPTH,
} from "../../../src/server/xapi/json-depth.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("jsonDepth", () => {
  it("counts objects and arrays inside each other", () => {
    expect(jsonDepth(bytes("1"))).toBe(0);
    expect(jsonDepth(bytes('{"a":[1,{"b":[]}]}'))).toBe(4);
    expect(jsonDepth(bytes("[[],[[]],[]]"))).toBe(3);
  });

  it("ignores brackets inside strings, escaped quotes included", () => {
    expect(jsonDepth(bytes('{"a":"[[[[{{{{","b":"\\"[[["}'))).toBe(1);
    expect(jsonDepth(bytes('["\\\\",[]]'))).toBe(2);
  });

  it("counts UTF-8 text correctly (continuation bytes are never brackets)", () => {
    expect(jsonDepth(bytes('{"kk":"Сыйлық [жоқ]","x":[["ә"]]}'))).toBe(3);
  });

  it("stops early past the cap and names the cap in its message", () => {
    const deep = bytes(`${"[".repeat(100_000)}${"]".repeat(100_000)}`);
    expect(jsonDepth(deep)).toBe(MAX_JSON_DEPTH + 1);
    expect(jsonDepthProblem(deep, "statement body")).toMatch(/more than 64 levels/u);
    const fits = bytes(`${"[".repeat(MAX_JSON_DEPTH)}${"]".repeat(MAX_JSON_DEPTH)}`);
    expect(jsonDepthProblem(fits, "statement body")).toBeNull();
  });
});
