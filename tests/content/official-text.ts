// The official standards text is pinned by its SHA-256: the site is built from
// content/standards/source.kk.txt and the fidelity test compares the pages with the same file,
// so only a pinned hash catches an edit to the file itself.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

export const OFFICIAL_TEXT = "content/standards/source.kk.txt";
export const OFFICIAL_SHA256 = "5d5637f6d9374fd0efd38b2ebda451a7b0ec174097e0d07dd4fd1ed48e35a36f";

/** Why the project's copy of the official text is not the pinned one, or null when it is. */
export function officialTextProblem(path = OFFICIAL_TEXT): string | null {
  const actual = createHash("sha256").update(readFileSync(path)).digest("hex");
  return actual === OFFICIAL_SHA256
    ? null
    : `${path} has SHA-256 ${actual}, expected ${OFFICIAL_SHA256}: the official text must stay byte-identical to the published standards (restore it from version control; never edit it).`;
}
