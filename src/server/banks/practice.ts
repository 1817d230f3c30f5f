// The practice banks as the server knows them: item id → section, clauses and stem. They are the
// banks the site is built from (src/components/quiz/banks.ts reads quizzes/practice too; set
// ADAL_PRACTICE_DIR only to the same banks), read by the same rules (readBanks). The reports
// take a practice answer's clauses from here, never from the statement: learners write
// practice statements with their own session, so a statement's clause tags and item ids are
// whatever the learner sent. The course certificate asks for an answer to each item here.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readBanks, YAML_FILE } from "../../lib/quiz/bank-file.ts";

export interface PracticeItem {
  section: number;
  clauses: readonly string[];
  stem: string;
}

export type PracticeCatalogue = ReadonlyMap<string, PracticeItem>;

/** The practice items of every bank in `dir`, and what could not be read (never thrown). */
export function loadPracticeCatalogue(dir: string): {
  items: PracticeCatalogue;
  problems: string[];
} {
  const items = new Map<string, PracticeItem>();
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => YAML_FILE.test(f));
  } catch (error) {
    return { items, problems: [(error as Error).message] };
  }
  const read = readBanks(
    names.map((name) => ({
      file: join(dir, name),
      kind: "practice" as const,
      text: readFileSync(join(dir, name), "utf8"),
    })),
  );
  const problems = [...read.problems];
  if (read.files.length === 0) problems.push(`${dir} has no practice banks`);
  for (const { bank } of read.files)
    for (const item of bank.items) {
      // Only practice ids: an exam id under quiz-item/ is not an item anyone can practise.
      if (!item.id.startsWith("p")) continue;
      items.set(item.id, { section: item.section, clauses: item.clauses, stem: item.stem });
    }
  return { items, problems };
}

/** Section → ids of its practice items. */
export type PracticeItems = ReadonlyMap<number, readonly string[]>;

export function itemsBySection(items: PracticeCatalogue): PracticeItems {
  const by = new Map<number, string[]>();
  for (const [id, item] of items) by.set(item.section, [...(by.get(item.section) ?? []), id]);
  return by;
}
