/**
 * Plain text out of a lesson's raw MDX body, for the search index: the lessons are written by
 * hand and change often, so the index reads whatever is there rather than a fixed structure.
 */

export interface MdxSection {
  /** Text of the `##` heading ("" for text before the first one). */
  readonly heading: string;
  /** Raw MDX of the section, sub-headings included. */
  readonly body: string;
}

/** Splits a body at its `##` headings (fenced code is not expected in lessons). */
export function splitSections(body: string): MdxSection[] {
  const sections: { heading: string; lines: string[] }[] = [{ heading: "", lines: [] }];
  for (const line of body.split(/\r?\n/u)) {
    const h2 = /^##\s+(.+?)\s*#*\s*$/u.exec(line);
    if (h2) sections.push({ heading: stripMdx(h2[1] ?? ""), lines: [] });
    else sections.at(-1)?.lines.push(line);
  }
  return sections
    .map((s) => ({ heading: s.heading, body: s.lines.join("\n") }))
    .filter((s) => s.heading !== "" || s.body.trim() !== "");
}

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  laquo: "«",
  raquo: "»",
  mdash: "—",
  ndash: "–",
};

/** Markdown/MDX/HTML → plain text, one paragraph per line. */
export function stripMdx(source: string): string {
  return (
    source
      // import/export statements of MDX
      .replace(/^\s*(?:import|export)\s.*$/gmu, "")
      // comments
      .replace(/<!--[\s\S]*?-->/gu, "")
      .replace(/\{\/\*[\s\S]*?\*\/\}/gu, "")
      // JSX expressions
      .replace(/\{[^{}]*\}/gu, " ")
      // tags (keep their text); block-level tags end a line
      .replace(/<\/?(?:p|div|dl|dt|dd|li|ul|ol|section|aside|h\d)\b[^>]*>/giu, "\n")
      .replace(/<\/?[A-Za-z][^>]*>/gu, " ")
      // images, links
      .replace(/!\[([^\]]*)\]\([^)]*\)/gu, "$1")
      .replace(/\[([^\]]*)\]\([^)]*\)/gu, "$1")
      // headings, quotes, list markers, emphasis, code
      .replace(/^\s{0,3}#{1,6}\s+/gmu, "")
      .replace(/^\s*>\s?/gmu, "")
      .replace(/^\s*(?:[-*+]|\d+[.)])\s+/gmu, "")
      .replace(/(\*\*|__|\*|_|`)(?=\S)([\s\S]*?\S)\1/gu, "$2")
      .replace(/&(#\d+|[a-z]+);/giu, (whole, name: string) =>
        name.startsWith("#")
          ? String.fromCodePoint(Number(name.slice(1)))
          : (ENTITIES[name.toLowerCase()] ?? whole),
      )
      .split("\n")
      .map((line) => line.replace(/\s+/gu, " ").trim())
      .filter((line) => line !== "")
      .join("\n")
  );
}

/** `<dt>term</dt><dd>definition</dd>` pairs of a glossary section. */
export function glossaryPairs(body: string): { term: string; definition: string }[] {
  const pairs: { term: string; definition: string }[] = [];
  const PAIR = /<dt\b[^>]*>([\s\S]*?)<\/dt>\s*((?:<dd\b[^>]*>[\s\S]*?<\/dd>\s*)+)/gu;
  for (const match of body.matchAll(PAIR)) {
    const term = stripMdx(match[1] ?? "");
    const definition = stripMdx((match[2] ?? "").replace(/<\/?dd\b[^>]*>/gu, "\n"));
    if (term !== "") pairs.push({ term, definition: definition.replace(/\n/gu, " ") });
  }
  return pairs;
}

/** The id Astro gives a heading (github-slugger: lower case, punctuation out, spaces → -). */
export function headingSlug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /gu, "-");
}
