import { z } from "zod";

/**
 * Schema of the scenario question banks in `quizzes/practice/*.yaml` and `quizzes/exam/*.yaml`.
 * One file per section: `{ section, items: QuizItem[] }`. Item ids are stable and unique across
 * all banks (practice ids start with `p`, exam ids with `x`); statements and reports key on them.
 */

const clauseId = z
  .string()
  .regex(/^(?:1|11|[2-9]\.\d{1,2}|10\.\d{1,2})$/u, "clause id like 2.10 (or 1 / 11)");

const text = z.string().trim().min(2);

const DIFFICULTY = "difficulty must be 1, 2 or 3 (1 easy, 2 medium, 3 hard)";
const SECTION = "section must be a whole number from 1 to 11";
const sectionNumber = z
  .number({ error: SECTION })
  .int({ error: SECTION })
  .min(1, { error: SECTION })
  .max(11, { error: SECTION });

export const optionSchema = z.strictObject({
  /** What the learner sees. */
  text,
  /** Whether choosing this option is right. */
  correct: z.boolean(),
  /** Shown right after the option is chosen: why it is right or wrong, citing the clause. */
  feedback: text,
});

const base = {
  /** Stable id, unique across all banks: `p02-gift-after-car`, `x05-detainee-relative`. */
  id: z
    .string()
    .regex(/^[px]\d{2}-[a-z0-9-]+$/u, "id like p02-short-name (p = practice, x = exam)"),
  /** Section of the standards (1–11) the item belongs to. */
  section: sectionNumber,
  /** Clauses the item tests, e.g. ["2.10"]. */
  clauses: z.array(clauseId).min(1),
  /** 1 easy, 2 medium, 3 hard. */
  difficulty: z
    .number({ error: DIFFICULTY })
    .int({ error: DIFFICULTY })
    .min(1, { error: DIFFICULTY })
    .max(3, { error: DIFFICULTY }),
  /** The situation and the question. */
  stem: text,
  /** Shown after answering: the rule, citing the clause(s) as "2.10-тармақ". */
  explanation: text,
};

export const singleItemSchema = z.strictObject({
  ...base,
  type: z.literal("single"),
  options: z.array(optionSchema).min(3).max(6),
});

export const multipleItemSchema = z.strictObject({
  ...base,
  type: z.literal("multiple"),
  options: z.array(optionSchema).min(3).max(7),
});

export const judgementItemSchema = z.strictObject({
  ...base,
  type: z.literal("judgement"),
  options: z.array(optionSchema).length(2),
});

export const branchOptionSchema = optionSchema.extend({
  /** Id of the next step; omitted when this choice ends the scenario. */
  next: z.string().optional(),
});

export const branchStepSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/u),
  /** The decision to take at this point of the scenario. */
  prompt: text,
  options: z.array(branchOptionSchema).min(2).max(4),
});

export const branchingItemSchema = z.strictObject({
  ...base,
  type: z.literal("branching"),
  /** Steps of the scenario; the first one is where it starts. 2–4 decisions on any path. */
  steps: z.array(branchStepSchema).min(2).max(6),
});

export const quizItemSchema = z.discriminatedUnion("type", [
  singleItemSchema,
  multipleItemSchema,
  judgementItemSchema,
  branchingItemSchema,
]);

export const quizBankSchema = z.strictObject({
  section: sectionNumber,
  items: z.array(quizItemSchema).min(1),
});

export type QuizOption = z.infer<typeof optionSchema>;
export type QuizItem = z.infer<typeof quizItemSchema>;
export type BranchingItem = z.infer<typeof branchingItemSchema>;
export type BranchStep = z.infer<typeof branchStepSchema>;
export type QuizBank = z.infer<typeof quizBankSchema>;
export type QuizItemType = QuizItem["type"];

/** The two fixed answers of a judgement item, in this order. */
export const JUDGEMENT_OPTIONS = ["Рұқсат етіледі", "Рұқсат етілмейді"] as const;
