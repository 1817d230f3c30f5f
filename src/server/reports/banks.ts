// What the reports need from the question banks and the exam blueprint: item texts for the
// item analysis and clause drill-down (exam texts and keys to administrators only: the pool
// never goes into the site, and officers sit the exam too), the validity and due-soon windows,
// and the official text of the clauses. A missing or broken exam pool leaves the reports working, without item texts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseStandards, type Section } from "../../lib/standards/parse.ts";
import { loadPracticeCatalogue } from "../banks/practice.ts";
import type { ExamPoolItem } from "../exam/attempt.ts";
import type { Blueprint } from "../exam/blueprint.ts";
import { loadBlueprint, loadExamPool } from "../exam/pool.ts";

export interface ReportBanks {
  pool: ExamPoolItem[];
  /** Item id → stem, for practice and exam items: exam stems are for administrators only. */
  stems: Map<string, string>;
  /** Item id → stem of the practice items (public: the site shows them to everyone). */
  practiceStems: Map<string, string>;
  validityDays: number;
  dueSoonDays: number;
  sections: Section[];
  problem: string | null;
}

const DEFAULTS = { validityDays: 365, dueSoonDays: 30 };

export function loadReportBanks(
  quizDir: string,
  practiceDir = join(quizDir, "practice"),
  standardsFile = "content/standards/source.kk.txt",
): ReportBanks {
  const sections = parseStandards(readFileSync(standardsFile, "utf8"));
  const practiceStems = new Map(
    [...loadPracticeCatalogue(practiceDir).items].map(([id, item]) => [id, item.stem]),
  );
  const stems = new Map(practiceStems);
  let pool: ExamPoolItem[] = [];
  let blueprint: Pick<Blueprint, "validityDays"> & { dueSoonDays?: number } = DEFAULTS;
  let problem: string | null = null;
  try {
    blueprint = loadBlueprint(join(quizDir, "exam"));
    pool = loadExamPool(join(quizDir, "exam"));
  } catch (error) {
    problem = (error as Error).message;
  }
  for (const item of pool) stems.set(item.id, item.stem);
  return {
    pool,
    stems,
    practiceStems,
    validityDays: blueprint.validityDays,
    dueSoonDays: blueprint.dueSoonDays ?? DEFAULTS.dueSoonDays,
    sections,
    problem,
  };
}
