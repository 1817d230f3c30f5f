// Loads the exam pool and blueprint from quizzes/exam/ (server only: never bundled for the
// browser). Banks may exist for any section 1–11. Options keep their bank ids a, b, c… by
// position; those ids stay on the server (a browser sees per-attempt random ids instead).
// Branching scenarios are left out of the exam on purpose: the exam is graded item by item
// from a fixed set of options, and a scenario's path depends on earlier choices, which the
// attempt model (one answer per item, resumable, graded at the end) does not represent.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { BANK_FILE } from "../../lib/quiz/bank-file.ts";
import { quizBankSchema } from "../../lib/quiz/schema.ts";
import type { ExamPoolItem } from "./attempt.ts";
import { type Blueprint, parseBlueprint } from "./blueprint.ts";

export const OPTION_IDS = "abcdefgh";

export interface PoolOptions {
  /** Told about every item left out of the exam (branching scenarios), with the reason. */
  onSkip?: (itemId: string, reason: string) => void;
}

export function loadExamPool(dir: string, options: PoolOptions = {}): ExamPoolItem[] {
  const files = readdirSync(dir)
    .filter((f) => BANK_FILE.test(f))
    .sort();
  const items = files.flatMap((file) => {
    const path = join(dir, file);
    const parsed = quizBankSchema.safeParse(parse(readFileSync(path, "utf8")));
    if (!parsed.success) {
      const problems = parsed.error.issues
        .map((i) => `${i.path.join(".")}: ${i.message}`)
        .join("; ");
      throw new Error(`${path}: ${problems}`);
    }
    const bank = parsed.data;
    const fileSection = Number(BANK_FILE.exec(file)?.[1]);
    if (fileSection !== bank.section)
      throw new Error(
        `${path}: the file name says section ${fileSection}, the bank ${bank.section}`,
      );
    return bank.items.flatMap((item) => {
      if (item.section !== bank.section)
        throw new Error(
          `${path}: item ${item.id} is in section ${item.section}, the bank in ${bank.section}`,
        );
      if (item.type === "branching") {
        options.onSkip?.(
          item.id,
          "branching scenarios are practice only, never drawn for the exam",
        );
        return [];
      }
      return [
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
      ];
    });
  });
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) throw new Error(`${dir}: exam item id ${item.id} appears twice`);
    seen.add(item.id);
  }
  return items;
}

export function loadBlueprint(dir: string): Blueprint {
  return parseBlueprint(
    parse(readFileSync(join(dir, "blueprint.yaml"), "utf8")),
    join(dir, "blueprint.yaml"),
  );
}
