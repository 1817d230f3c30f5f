// The exam pool must never ship: no exam item id, stem or option text anywhere in dist/.
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
      ];
      for (const needle of needles) {
        const hit = built.find(({ text }) => text.includes(needle));
        if (hit) leaks.push(`${item.id}: "${needle}" in ${hit.f}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});
