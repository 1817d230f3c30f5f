// The documents the site indexes, read from disk the way the build does (official text +
// every lesson's frontmatter and raw MDX body), for tests and the benchmark.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { type LessonSource, searchDocuments } from "../../../src/lib/search/documents.ts";
import { parseStandards } from "../../../src/lib/standards/parse.ts";

const root = join(import.meta.dirname, "..", "..", "..");

export function readLessons(): LessonSource[] {
  const dir = join(root, "content", "lessons");
  return readdirSync(dir)
    .filter((name) => name.endsWith(".mdx"))
    .map((name) => {
      const raw = readFileSync(join(dir, name), "utf8");
      const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/u.exec(raw);
      if (!match) throw new Error(`${name}: no frontmatter`);
      const data = parseYaml(match[1] ?? "") as {
        section: number;
        title: string;
        keyTerms: string[];
      };
      return {
        section: data.section,
        title: data.title,
        keyTerms: data.keyTerms,
        body: match[2] ?? "",
      };
    });
}

export function readSource(): string {
  return readFileSync(join(root, "content", "standards", "source.kk.txt"), "utf8");
}

export function readDocuments() {
  return searchDocuments(parseStandards(readSource()), readLessons());
}
