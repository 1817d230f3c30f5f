// The practice banks' item ids per section, as the site is built from them: the course
// certificate asks for the learner's `answered` statement on each of them. Read from
// `<ADAL_QUIZ_DIR>/practice` (the site reads `quizzes/practice` at build time: keep the two
// the same).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { quizBankSchema } from "../../lib/quiz/schema.ts";

/** Section → ids of its practice items. */
export type PracticeItems = ReadonlyMap<number, readonly string[]>;

/** Every practice bank in `dir`; throws, naming the file, if one is missing or broken. */
export function loadPracticeItems(dir: string): PracticeItems {
  const files = readdirSync(dir).filter((f) => /^\d{2}-[a-z0-9-]+\.ya?ml$/u.test(f));
  if (files.length === 0) throw new Error(`no practice banks in ${dir}`);
  const items = new Map<number, string[]>();
  for (const file of files.sort()) {
    const bank = quizBankSchema.safeParse(parse(readFileSync(join(dir, file), "utf8")));
    if (!bank.success) throw new Error(`${join(dir, file)}: not a valid practice bank`);
    for (const item of bank.data.items)
      items.set(item.section, [...(items.get(item.section) ?? []), item.id]);
  }
  return items;
}
