import { describe, expect, it } from "vitest";
import {
  hashPassword,
  needsRehash,
  PASSWORD_COST,
  randomToken,
  verifyPassword,
} from "../../../src/server/security/password.ts";
import { TEST_COST } from "../helpers/accounts.ts";

describe("password hashing", () => {
  it("hashes at OWASP's scrypt cost by default (N=2^17, r=8, p=1: 128 MiB fits maxmem)", async () => {
    expect(PASSWORD_COST).toEqual({ N: 131072, r: 8, p: 1 });
    const stored = await hashPassword("Адал-2026!");
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$/u);
    expect(stored).not.toContain("Адал-2026!");
    expect(await verifyPassword("Адал-2026!", stored)).toBe(true);
    expect(await verifyPassword("адал-2026!", stored)).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same", TEST_COST)).not.toBe(await hashPassword("same", TEST_COST));
  });

  it("treats Unicode-equivalent passwords as equal (NFC)", async () => {
    const stored = await hashPassword("е\u0308", TEST_COST);
    expect(await verifyPassword("ё", stored)).toBe(true);
  });

  it("verifies hashes of older parameters and says they need hashing again", async () => {
    const old = await hashPassword("Адал-2026!", { N: 16384, r: 8, p: 1 });
    expect(await verifyPassword("Адал-2026!", old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(old, { N: 16384, r: 8, p: 1 })).toBe(false);
    // Only a cheaper hash is replaced, never a costlier one.
    expect(needsRehash(old, TEST_COST)).toBe(false);
  });

  it("refuses malformed stored hashes instead of throwing", async () => {
    expect(await verifyPassword("x", "plain-text")).toBe(false);
    expect(await verifyPassword("x", "scrypt$1$2")).toBe(false);
    // A corrupt row may not make the server allocate gigabytes.
    expect(await verifyPassword("x", "scrypt$1073741824$8$1$c2FsdA==$aGFzaA==")).toBe(false);
    expect(await verifyPassword("x", "scrypt$1000$8$1$c2FsdA==$aGFzaA==")).toBe(false);
    expect(needsRehash("plain-text")).toBe(true);
  });

  it("makes url-safe random tokens", () => {
    const a = randomToken();
    expect(a).toMatch(/^[\w-]{32}$/u);
    expect(randomToken()).not.toBe(a);
  });
});
