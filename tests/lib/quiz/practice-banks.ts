// The real practice banks, for tests that check the player and its statements on every item.
// Read as the site reads them (readBanks), so a file the site would refuse fails here too.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readBanks, YAML_FILE } from "../../../src/lib/quiz/bank-file.ts";
import { type BranchDecision, branchState } from "../../../src/lib/quiz/play.ts";
import type { BranchingItem, QuizItem } from "../../../src/lib/quiz/schema.ts";

const dir = "quizzes/practice";

const read = readBanks(
  readdirSync(dir)
    .filter((f) => YAML_FILE.test(f))
    .map((f) => ({
      file: join(dir, f),
      kind: "practice" as const,
      text: readFileSync(join(dir, f), "utf8"),
    })),
);
if (read.problems.length > 0) throw new Error(read.problems.join("\n"));

export const practiceBanks: { section: number; items: QuizItem[] }[] = read.files
  .map((f) => f.bank)
  .sort((a, b) => a.section - b.section);

export const practiceItems: QuizItem[] = practiceBanks.flatMap((b) => b.items);

export function practiceItem(id: string): QuizItem {
  const item = practiceItems.find((i) => i.id === id);
  if (!item) throw new Error(`no practice item ${id}`);
  return item;
}

/**
 * Plays a scenario of the bank as the player does: at each step the right option or the first
 * wrong one (`rightAt` says which, by decision number), following `next` to the end.
 */
export function walk(
  item: BranchingItem,
  rightAt: (stepIndex: number) => boolean,
): BranchDecision[] {
  const decisions: BranchDecision[] = [];
  for (let step = branchState(item, []).step; step; step = branchState(item, decisions).step) {
    const want = rightAt(decisions.length);
    const option = step.options.findIndex((o) => o.correct === want);
    decisions.push({ step: step.id, option, correct: want });
  }
  return decisions;
}
