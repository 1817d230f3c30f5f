import type { SearchResult, Snippet } from "../../lib/search/query.ts";
import type { SearchStrings } from "./strings.ts";

/** Snippet text with the matched words in <mark>. */
export function Highlighted({ snippet }: { snippet: Snippet }) {
  const parts: preact.ComponentChildren[] = [];
  let at = 0;
  for (const [start, end] of snippet.highlights) {
    if (start > at) parts.push(snippet.text.slice(at, start));
    parts.push(<mark key={start}>{snippet.text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(snippet.text.slice(at));
  return (
    <>
      {snippet.cutStart && "… "}
      {parts}
      {snippet.cutEnd && " …"}
    </>
  );
}

/**
 * What the one-line header box shows of a hit: its snippet, or its title when only the title
 * matched (a section title query finds the section's clauses, whose text may not have the words).
 */
export function lineSnippet(result: SearchResult): Snippet {
  const { snippet, titleSnippet } = result;
  return snippet.highlights.length === 0 && titleSnippet.highlights.length > 0
    ? titleSnippet
    : snippet;
}

/**
 * "2.10-тармақ", "4-бөлім" (a section's lead), "Негізгі ұғымдар" (a lesson's key terms),
 * "Түсіндірме", "Термин": what kind of hit.
 */
export function resultLabel(result: SearchResult, strings: SearchStrings): string {
  if (result.kind === "lead") return strings.section.replace("{id}", String(result.section));
  if (result.kind === "keys") return strings.keyTerms;
  if (result.kind === "clause" && result.clauseId !== undefined) {
    const template = result.clauseId.includes(".") ? strings.clause : strings.section;
    return template.replace("{id}", result.clauseId);
  }
  return result.kind === "term" ? strings.term : strings.explanation;
}
