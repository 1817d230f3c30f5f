// The practice banks, read at build time (only quizzes/practice: the exam pool is never
// imported by anything the site builds).
import { parse } from "yaml";
import { type QuizItem, quizBankSchema } from "../../lib/quiz/schema.ts";

const files = import.meta.glob<string>("/quizzes/practice/*.yaml", {
  query: "?raw",
  import: "default",
  eager: true,
});

const banks = new Map<number, QuizItem[]>();
for (const [file, text] of Object.entries(files)) {
  const result = quizBankSchema.safeParse(parse(text));
  if (!result.success)
    throw new Error(
      `${file}: ${result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  banks.set(result.data.section, result.data.items);
}

export function practiceItems(section: number): QuizItem[] {
  return banks.get(section) ?? [];
}
