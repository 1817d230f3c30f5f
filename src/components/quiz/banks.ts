// The practice banks, read at build time (only quizzes/practice: the exam pool is never
// imported by anything the site builds). The files go through readBanks, as in
// `npm run check:quizzes`: a misnamed or broken file, or two banks of one section, fail the build
// instead of being skipped or overwriting each other.
import { readBanks } from "../../lib/quiz/bank-file.ts";
import type { QuizItem } from "../../lib/quiz/schema.ts";

const files = import.meta.glob<string>(["/quizzes/practice/*.yaml", "/quizzes/practice/*.yml"], {
  query: "?raw",
  import: "default",
  eager: true,
});

const read = readBanks(
  Object.entries(files).map(([file, text]) => ({
    file: file.replace(/^\//u, ""),
    kind: "practice" as const,
    text,
  })),
);
if (read.problems.length > 0)
  throw new Error(
    `The practice banks cannot be built (run npm run check:quizzes):\n${read.problems.join("\n")}`,
  );

const banks = new Map<number, QuizItem[]>();
for (const { file, bank } of read.files) {
  // readBanks refuses a second bank of a section; this guards the map against any other way in.
  if (banks.has(bank.section))
    throw new Error(`${file}: a second practice bank for section ${bank.section}`);
  banks.set(bank.section, bank.items);
}

export function practiceItems(section: number): QuizItem[] {
  return banks.get(section) ?? [];
}
