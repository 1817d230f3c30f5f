import { describe, expect, it } from "vitest";
import {
  hashPassword,
  randomToken,
  verifyPassword,
} from "../../../src/server/security/password.ts";

describe("password hashing", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("Адал-2026!");
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$/u);
    expect(stored).not.toContain("Адал-2026!");
    expect(await verifyPassword("Адал-2026!", stored)).toBe(true);
    expect(await verifyPassword("адал-2026!", stored)).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
  });

  it("treats Unicode-equivalent passwords as equal (NFC)", async () => {
    const stored = await hashPassword("е\u0308");
    expect(await verifyPassword("ё", stored)).toBe(true);
  });

  it("refuses malformed stored hashes instead of throwing", async () => {
    expect(await verifyPassword("x", "plain-text")).toBe(false);
    expect(await verifyPassword("x", "scrypt$1$2")).toBe(false);
  });

  it("makes url-safe random tokens", () => {
    const a = randomToken();
    expect(a).toMatch(/^[\w-]{32}$/u);
    expect(randomToken()).not.toBe(a);
  });
});
