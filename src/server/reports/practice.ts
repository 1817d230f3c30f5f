// The practice banks as the server knows them: item id → section, clauses and stem. They are the
// banks the site is built from (src/components/quiz/banks.ts reads quizzes/practice too). The
// projection takes a practice answer's clauses from here, never from the statement: learners
// write practice statements with their own session, so a statement's clause tags and item ids
// are whatever the learner sent, and would otherwise let one person colour the heatmap.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { quizBankSchema } from "../../lib/quiz/schema.ts";

export interface PracticeItem {
  section: number;
  clauses: readonly string[];
  stem: string;
}

export type PracticeCatalogue = ReadonlyMap<string, PracticeItem>;

const BANK_FILE = /^\d{2}-[a-z0-9-]+\.ya?ml$/u;

/** The practice items of every bank file in `dir`, and what could not be read (never thrown). */
export function loadPracticeCatalogue(dir: string): {
  items: PracticeCatalogue;
  problems: string[];
} {
  const items = new Map<string, PracticeItem>();
  const problems: string[] = [];
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => BANK_FILE.test(f))
      .sort();
  } catch (error) {
    return { items, problems: [(error as Error).message] };
  }
  if (files.length === 0) problems.push(`${dir} has no practice banks`);
  for (const file of files) {
    const bank = quizBankSchema.safeParse(parse(readFileSync(join(dir, file), "utf8")));
    if (!bank.success) {
      problems.push(`${join(dir, file)} is not a valid bank`);
      continue;
    }
    for (const item of bank.data.items) {
      // Only practice ids: an exam id under quiz-item/ is not an item anyone can practise.
      if (!item.id.startsWith("p")) continue;
      items.set(item.id, { section: item.section, clauses: item.clauses, stem: item.stem });
    }
  }
  return { items, problems };
}
