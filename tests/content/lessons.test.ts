// Checks the lesson sources: one per section, the required parts, and enough explanation.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sectionByNumber } from "../../src/lib/standards/site.ts";
import { estimatedMinutes } from "../../src/lib/tracking/reading.ts";

const dir = "content/lessons";
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".mdx"))
  .sort();

function part(body: string, heading: string): string {
  const start = body.indexOf(`\n## ${heading}\n`);
  if (start < 0) return "";
  const rest = body.slice(start + heading.length + 5);
  const end = rest.search(/\n## /u);
  return end < 0 ? rest : rest.slice(0, end);
}

function words(markdown: string): number {
  const text = markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/gu, "$1")
    .replace(/<[^>]+>/gu, " ")
    .replace(/[#*_>«»]/gu, " ");
  return text.split(/\s+/u).filter((w) => /\p{L}/u.test(w)).length;
}

describe("lesson sources", () => {
  it("has one lesson per section, named NN-<slug>.mdx", () => {
    expect(files.map((f) => f.slice(0, 3))).toEqual(
      Array.from({ length: 11 }, (_, i) => `${String(i + 1).padStart(2, "0")}-`),
    );
    for (const f of files) expect(f).toMatch(/^\d{2}-[a-z0-9-]+\.mdx$/u);
  });

  for (const file of files) {
    const source = readFileSync(`${dir}/${file}`, "utf8");
    const section = Number(file.slice(0, 2));
    describe(file, () => {
      it("declares its section number in the frontmatter", () => {
        expect(source).toMatch(new RegExp(`^---\\n(?:.*\\n)*?section: ${section}\\n`, "u"));
      });

      it("has the explanation, examples and glossary, in that order", () => {
        const order = ["Түсіндірме", "Өмірден мысалдар", "Терминдер сөздігі"].map((h) =>
          source.indexOf(`\n## ${h}\n`),
        );
        expect(order.every((i) => i > 0)).toBe(true);
        expect([...order].sort((a, b) => a - b)).toEqual(order);
      });

      it("gives at least two real-life examples and a glossary", () => {
        const examples = part(source, "Өмірден мысалдар").match(/^### /gmu) ?? [];
        expect(examples.length).toBeGreaterThanOrEqual(2);
        const terms = part(source, "Терминдер сөздігі").match(/<dt>/gu) ?? [];
        expect(terms.length).toBeGreaterThanOrEqual(3);
      });

      it("states a reading time that fits its length (it sets when a lesson counts as read)", () => {
        const official = sectionByNumber(section);
        const body = source.replace(/^---\n[\s\S]*?\n---\n/u, "");
        const total =
          words(body) + words([official.lead, ...official.clauses.map((c) => c.text)].join(" "));
        const minutes = Number(/^minutes: (\d+)$/mu.exec(source)?.[1]);
        expect(minutes, `${total} words`).toBe(estimatedMinutes(total));
      });

      const minimum = section >= 2 && section <= 10 ? 150 : 60;
      it(`explains the section in at least ${minimum} words`, () => {
        expect(words(part(source, "Түсіндірме"))).toBeGreaterThanOrEqual(minimum);
      });

      it("links only to clauses of the standards that exist", () => {
        for (const [, anchor] of source.matchAll(/\]\(#(clause-[\d-]+)\)/gu)) {
          expect(anchor).toMatch(
            /^clause-(?:1|11|2-(?:[1-9]|1\d|2[0-2])|3-[1-7]|4-[1-6]|5-[1-8]|6-[1-4]|7-[1-4]|8-[1-7]|9-[1-6]|10-(?:[1-9]|1[0-4]))$/u,
          );
        }
      });
    });
  }
});
