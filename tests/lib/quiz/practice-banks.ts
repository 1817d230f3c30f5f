// The real practice banks, for tests that check the player and its statements on every item.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { type QuizItem, quizBankSchema } from "../../../src/lib/quiz/schema.ts";

const dir = "quizzes/practice";

export const practiceBanks: { section: number; items: QuizItem[] }[] = readdirSync(dir)
  .filter((f) => /^\d{2}-.+\.yaml$/u.test(f))
  .sort()
  .map((f) => quizBankSchema.parse(parse(readFileSync(join(dir, f), "utf8"))));

export const practiceItems: QuizItem[] = practiceBanks.flatMap((b) => b.items);

export function practiceItem(id: string): QuizItem {
  const item = practiceItems.find((i) => i.id === id);
  if (!item) throw new Error(`no practice item ${id}`);
  return item;
}
