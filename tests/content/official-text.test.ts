import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { OFFICIAL_TEXT, officialTextProblem } from "./official-text.ts";

describe("the official standards text", () => {
  it("is byte-identical to the pinned published text", () => {
    expect(officialTextProblem()).toBeNull();
  });

  it("fails with a clear message when a single byte changes", () => {
    const dir = mkdtempSync(join(tmpdir(), "adal-official-"));
    const copy = join(dir, "source.kk.txt");
    copyFileSync(OFFICIAL_TEXT, copy);
    expect(officialTextProblem(copy)).toBeNull();
    const bytes = readFileSync(copy);
    bytes[bytes.length - 2] = (bytes[bytes.length - 2] ?? 0) ^ 1;
    writeFileSync(copy, bytes);
    expect(officialTextProblem(copy)).toMatch(/must stay byte-identical/u);
  });
});
