// The exam pool must never ship: no exam item id, stem, option text, feedback or explanation
// anywhere in dist/. Feedback and explanations quote the (public) clauses: only their own words,
// outside «…» quotes, are looked for.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { quizBankSchema } from "../../src/lib/quiz/schema.ts";

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

// The product's pool and the browser tests' fixture pool: neither may reach the site.
const items = ["quizzes/exam", "tests/fixtures/quizzes/exam"].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => /^\d{2}-.+\.ya?ml$/u.test(f))
    .flatMap((f) => quizBankSchema.parse(parse(readFileSync(join(dir, f), "utf8"))).items),
);

// What is public anyway: the official text, the lessons and the practice banks. Feedback and
// explanations in both pools restate the clauses in the same words; such phrases are no leak.
const published = [
  readFileSync("content/standards/source.kk.txt", "utf8"),
  ...["content/lessons", "quizzes/practice"].flatMap((dir) =>
    readdirSync(dir).map((f) => readFileSync(join(dir, f), "utf8")),
  ),
]
  .join("\n")
  .replace(/\s+/gu, " ");

/**
 * Runs of 40+ characters of an author's own words (quotes of the clauses left out) that the
 * public texts do not hold.
 */
function ownWords(text: string): string[] {
  return text
    .split(/«[^»]*»/u)
    .flatMap((part) => part.split(/[.;:!?()]/u))
    .map((part) => part.trim())
    .filter((part) => part.length >= 40)
    .map((part) => part.slice(0, 60))
    .filter((part) => !published.includes(part));
}

describe("the built site", () => {
  it("has an exam pool to protect", () => {
    expect(items.length).toBeGreaterThan(0);
  });

  it("contains no exam item id, stem or option text", () => {
    const built = files("dist")
      .filter((f) => /\.(html|js|json|css|txt|xml|svg)$/u.test(f))
      .map((f) => ({ f, text: readFileSync(f, "utf8") }));
    expect(built.length).toBeGreaterThan(20);
    const leaks: string[] = [];
    for (const item of items) {
      const needles = [
        item.id,
        item.stem.slice(0, 60),
        ...("options" in item
          ? item.options.filter((o) => o.text.length > 25).map((o) => o.text.slice(0, 40))
          : []),
        ...ownWords(item.explanation),
        ...("options" in item ? item.options.flatMap((o) => ownWords(o.feedback)) : []),
      ];
      for (const needle of needles) {
        const hit = built.find(({ text }) => text.includes(needle));
        if (hit) leaks.push(`${item.id}: "${needle}" in ${hit.f}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});
