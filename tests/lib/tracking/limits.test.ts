import { describe, expect, it } from "vitest";
import {
  formatMegabytes,
  jsonBytes,
  LRS_JSON_LIMIT_BYTES,
  packBatches,
} from "../../../src/lib/tracking/limits.ts";
import { DEFAULT_LIMITS } from "../../../src/server/lrs/limits.ts";

const item = (bytes: number, id = String(bytes)) => ({ id, bytes });

describe("limits", () => {
  it("is 1 MiB, no more than the default JSON limit of Adal's LRS", () => {
    expect(LRS_JSON_LIMIT_BYTES).toBe(1024 * 1024);
    expect(DEFAULT_LIMITS.jsonBytes).toBeGreaterThanOrEqual(LRS_JSON_LIMIT_BYTES);
  });

  it("measures JSON in UTF-8 bytes, not characters", () => {
    expect(jsonBytes({ a: "ә" })).toBe('{"a":"ә"}'.length + 1);
    expect(jsonBytes("x".repeat(10))).toBe(12);
  });
});

describe("packBatches", () => {
  it("keeps the order and caps the count", () => {
    const items = Array.from({ length: 7 }, (_, i) => item(10, `s${i}`));
    const batches = packBatches(items, 10_000, 3);
    expect(batches.map((b) => b.map((i) => i.id))).toEqual([
      ["s0", "s1", "s2"],
      ["s3", "s4", "s5"],
      ["s6"],
    ]);
  });

  it("keeps each batch's JSON array body within the byte limit", () => {
    // [a,b] = 2 + 40 + 1 + 40 = 83 bytes: fits 83, not 82.
    expect(packBatches([item(40, "a"), item(40, "b")], 83, 50)).toHaveLength(1);
    expect(packBatches([item(40, "a"), item(40, "b")], 82, 50)).toHaveLength(2);
    const big = Array.from({ length: 5 }, (_, i) => item(600_000, `b${i}`));
    for (const batch of packBatches(big)) {
      const body = 2 + batch.reduce((n, i) => n + i.bytes, 0) + batch.length - 1;
      expect(body).toBeLessThanOrEqual(LRS_JSON_LIMIT_BYTES);
    }
  });

  it("gives an item larger than the limit a batch of its own", () => {
    const batches = packBatches([item(10, "a"), item(2_000_000, "huge"), item(10, "b")], 1000, 50);
    expect(batches.map((b) => b.map((i) => i.id))).toEqual([["a"], ["huge"], ["b"]]);
  });
});

describe("formatMegabytes", () => {
  it("writes sizes the Kazakh and Russian way", () => {
    expect(formatMegabytes(LRS_JSON_LIMIT_BYTES)).toBe("1");
    expect(formatMegabytes(1.5 * LRS_JSON_LIMIT_BYTES)).toBe("1,5");
    expect(formatMegabytes(1.5 * LRS_JSON_LIMIT_BYTES + 1000)).toBe("1,5");
    expect(formatMegabytes(12.04 * LRS_JSON_LIMIT_BYTES)).toBe("12");
  });
});
