/**
 * Parses the official text of the standards (content/standards/source.kk.txt) into sections
 * and clauses. The text is the single source of truth: lessons, search and quiz checks all
 * derive their clause list from here, so nothing can drift from the official wording.
 */

export interface Clause {
  /** Clause id as used across the product, e.g. `2.10`; `1` and `11` for the item-less sections. */
  readonly id: string;
  readonly section: number;
  /** Item number inside the section; `null` for sections without items. */
  readonly item: number | null;
  /** Verbatim text of the clause. */
  readonly text: string;
}

export interface Section {
  readonly number: number;
  /** The lead sentence (for sections 1 and 11 the whole section text). */
  readonly lead: string;
  readonly clauses: readonly Clause[];
}

const SECTION_LINE = /^(\d+)\.\s+(.*)$/u;
const ITEM_LINE = /^(\d+)\)\s+(.*)$/u;

/** Splits the official text into sections and clauses; throws on any line it cannot place. */
export function parseStandards(source: string): Section[] {
  const sections: { number: number; lead: string; clauses: Clause[] }[] = [];
  const lines = source.split(/\r?\n/u);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === "") continue;
    const section = SECTION_LINE.exec(line);
    if (section) {
      sections.push({ number: Number(section[1]), lead: section[2] ?? "", clauses: [] });
      continue;
    }
    const item = ITEM_LINE.exec(line);
    const current = sections.at(-1);
    if (item && current) {
      const n = Number(item[1]);
      current.clauses.push({
        id: `${current.number}.${n}`,
        section: current.number,
        item: n,
        text: item[2] ?? "",
      });
      continue;
    }
    throw new Error(
      `standards: line ${index + 1} is neither a section nor an item: ${line.slice(0, 60)}`,
    );
  }
  return sections.map((s) => ({
    number: s.number,
    lead: s.lead,
    clauses:
      s.clauses.length > 0
        ? s.clauses
        : [{ id: String(s.number), section: s.number, item: null, text: s.lead }],
  }));
}

/** Every clause of every section, in document order. */
export function allClauses(sections: readonly Section[]): Clause[] {
  return sections.flatMap((s) => s.clauses);
}

/** `2.10` → `clause-2-10`, `1` → `clause-1`: the element id a clause is linked by. */
export function clauseAnchor(id: string): string {
  return `clause-${id.replace(".", "-")}`;
}
