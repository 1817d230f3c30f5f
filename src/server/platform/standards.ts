// The official text as the server reads it (from the project's own copy).
import { readFileSync } from "node:fs";
import { parseStandards } from "../../lib/standards/parse.ts";

/**
 * Number of clauses per section, the exam draw's weights: the numbered items, or 1 for a
 * section that is one unnumbered paragraph (sections 1 and 11, clause ids "1" and "11").
 */
export function clauseCounts(file = "content/standards/source.kk.txt"): Map<number, number> {
  const sections = parseStandards(readFileSync(file, "utf8"));
  return new Map(sections.map((s) => [s.number, s.clauses.length]));
}
