import { z } from "zod";

/**
 * The exam blueprint (`quizzes/exam/blueprint.yaml`): how an attempt is drawn, timed and graded.
 * Read only by the server; validated at start-up so a typo cannot reach learners.
 */
export const blueprintSchema = z.strictObject({
  /** Number of items in an attempt. */
  items: z.number().int().min(5).max(100).default(20),
  /**
   * Sections that must each contribute at least one item. The rest of the items is spread over
   * every section the pool has items for (1–11), weighted by its clause count.
   */
  sections: z.array(z.number().int().min(1).max(11)).min(1).default([2, 3, 4, 5, 6, 7, 8, 9, 10]),
  /** Time limit of an attempt, in minutes. */
  timeLimitMinutes: z.number().int().min(1).max(240).default(30),
  /** Share of correct items needed to pass, 0–1 (0.8 = 80 %). */
  passMark: z.number().gt(0).max(1).default(0.8),
  /** Hours a learner waits after an attempt (passed or failed) before the next one. */
  cooldownHours: z
    .number()
    .min(0)
    .max(24 * 30)
    .default(24),
  /** Days a pass stays valid; the next exam is due this long after the last pass. */
  validityDays: z.number().int().min(1).max(3650).default(365),
  /**
   * Seconds after the deadline during which answers and the submission already on their way
   * are still accepted (a slow phone connection at the last second). The deadline the learner
   * sees does not move, and the attempt counts as submitted at the deadline at the latest.
   */
  graceSeconds: z.number().int().min(0).max(300).default(30),
  /** Days before a pass expires from which the reports list the learner as "due soon". */
  dueSoonDays: z.number().int().min(1).max(365).default(30),
});

export type Blueprint = z.infer<typeof blueprintSchema>;

/** Validates a parsed blueprint; the error names every wrong field and what is expected. */
export function parseBlueprint(value: unknown, file = "quizzes/exam/blueprint.yaml"): Blueprint {
  const result = blueprintSchema.safeParse(value ?? {});
  if (result.success) {
    if (result.data.dueSoonDays >= result.data.validityDays) {
      throw new Error(
        `${file}: dueSoonDays (${result.data.dueSoonDays}) must be less than validityDays (${result.data.validityDays})`,
      );
    }
    if (result.data.items < result.data.sections.length) {
      throw new Error(
        `${file}: items (${result.data.items}) must be at least the number of sections (${result.data.sections.length})`,
      );
    }
    return result.data;
  }
  const problems = result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
  throw new Error(`${file}: ${problems.join("; ")}`);
}
