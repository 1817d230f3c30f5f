// Loads the exam pool and blueprint from quizzes/exam/ (server only: never bundled for the
// browser). Options get stable ids a, b, c… by their position in the bank.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { quizBankSchema } from "../../lib/quiz/schema.ts";
import type { ExamPoolItem } from "./attempt.ts";
import { type Blueprint, parseBlueprint } from "./blueprint.ts";

export const OPTION_IDS = "abcdefgh";

export function loadExamPool(dir: string): ExamPoolItem[] {
  const files = readdirSync(dir)
    .filter((f) => /^\d{2}-[a-z0-9-]+\.ya?ml$/u.test(f))
    .sort();
  return files.flatMap((file) => {
    const parsed = quizBankSchema.safeParse(parse(readFileSync(join(dir, file), "utf8")));
    if (!parsed.success) {
      const problems = parsed.error.issues
        .map((i) => `${i.path.join(".")}: ${i.message}`)
        .join("; ");
      throw new Error(`${join(dir, file)}: ${problems}`);
    }
    return parsed.data.items.flatMap((item) =>
      item.type === "branching"
        ? []
        : [
            {
              id: item.id,
              section: item.section,
              clauses: item.clauses,
              type: item.type,
              stem: item.stem,
              options: item.options.map((o, i) => ({
                id: OPTION_IDS[i] ?? String(i),
                text: o.text,
                correct: o.correct,
              })),
            },
          ],
    );
  });
}

export function loadBlueprint(dir: string): Blueprint {
  return parseBlueprint(
    parse(readFileSync(join(dir, "blueprint.yaml"), "utf8")),
    join(dir, "blueprint.yaml"),
  );
}
