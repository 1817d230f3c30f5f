// Build-time access to the official text for the site (Vite inlines the file as a string).
import source from "../../../content/standards/source.kk.txt?raw";
import { parseStandards, type Section } from "./parse.ts";

export const sections: readonly Section[] = parseStandards(source);

export function sectionByNumber(n: number): Section {
  const section = sections.find((s) => s.number === n);
  if (!section) throw new Error(`standards: no section ${n}`);
  return section;
}
