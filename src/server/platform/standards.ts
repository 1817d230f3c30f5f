// The official text as the server reads it (from the project's own copy).
import { readFileSync } from "node:fs";
import { parseStandards } from "../../lib/standards/parse.ts";

/** Number of numbered clauses per section: the exam draw's weights. */
export function clauseCounts(file = "content/standards/source.kk.txt"): Map<number, number> {
  const sections = parseStandards(readFileSync(file, "utf8"));
  return new Map(sections.map((s) => [s.number, s.clauses.filter((c) => c.item !== null).length]));
}
