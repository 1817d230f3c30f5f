// Statements of the practice quiz (practice keys are public, so interactions carry their
// choices and correct response pattern):
// - a single, multiple or judgement item: one `answered` on the item, a `choice` or
//   `true-false` cmi.interaction, parent = the section's quiz;
// - a branching scenario: one `answered` per decision, a `choice` interaction on the step
//   (parent = the scenario, grouping = the section's quiz), then one `answered` on the scenario
//   itself, interactionType `other`, whose response is the path taken and whose score is the
//   share of right decisions (parent = the section's quiz, like any other item);
// - `completed` on the section's quiz once every item is answered.
// docs/xapi-profile.md shows these shapes; a test keeps its examples equal to this output.
import {
  type BranchDecision,
  branchResponse,
  branchState,
  correctIds,
  optionId,
  rightPaths,
} from "../quiz/play.ts";
import type { BranchingItem, BranchStep, QuizItem } from "../quiz/schema.ts";
import {
  ACTIVITY_TYPES,
  activityIds,
  CLAUSES_EXTENSION,
  type LearnerActor,
  VERBS,
} from "./activities.ts";
import { isoDuration } from "./duration.ts";

interface Common {
  id: string;
  actor: LearnerActor;
  origin: string;
  timestamp: string;
  registration?: string | undefined;
}

type ChoiceItem = Exclude<QuizItem, BranchingItem>;
const activity = (id: string) => ({ objectType: "Activity" as const, id });

/** Longest names a report shows in one line; longer stems are cut at a word. */
export const NAME_LIMIT = 120;

/**
 * An interaction's `name`: the whole text if it is short, else cut at the last word boundary
 * within the limit and ended with an ellipsis (the full text goes in `description`).
 */
export function interactionName(text: string, limit = NAME_LIMIT): string {
  const clean = text.replace(/\s+/gu, " ").trim();
  if (clean.length <= limit) return clean;
  const head = clean.slice(0, limit); // the ellipsis takes the place of the cut space
  const cut = head.lastIndexOf(" ");
  const words = (cut > 0 ? head.slice(0, cut) : head.slice(0, limit - 1)).replace(
    /[\s,;:.—–-]+$/u,
    "",
  );
  return `${words}…`;
}

/** The activity id of one decision of a scenario. */
export function scenarioStepId(origin: string, itemId: string, stepId: string): string {
  return `${activityIds.quizItem(origin, itemId)}/step/${stepId}`;
}

function context(c: Common, clauses: string[], groups: { parent: string[]; grouping: string[] }) {
  return {
    ...(c.registration ? { registration: c.registration } : {}),
    contextActivities: {
      parent: groups.parent.map(activity),
      grouping: groups.grouping.map(activity),
    },
    language: "kk-KZ",
    extensions: { [CLAUSES_EXTENSION]: clauses },
  };
}

/** Items hang under the section's quiz, which belongs to the course. */
const underQuiz = (origin: string, section: number) => ({
  parent: [activityIds.practiceQuiz(origin, section)],
  grouping: [activityIds.course(origin)],
});

const texts = (text: string) => ({
  name: { "kk-KZ": interactionName(text) },
  description: { "kk-KZ": text },
});

function choiceDefinition(item: ChoiceItem) {
  const common = { type: ACTIVITY_TYPES.interaction, ...texts(item.stem) };
  if (item.type === "judgement")
    return {
      ...common,
      // The first of the two fixed answers («Рұқсат етіледі») is `true`.
      interactionType: "true-false" as const,
      correctResponsesPattern: [item.options[0]?.correct ? "true" : "false"],
    };
  return {
    ...common,
    interactionType: "choice" as const,
    choices: item.options.map((o, i) => ({ id: optionId(i), description: { "kk-KZ": o.text } })),
    correctResponsesPattern: [correctIds(item).join("[,]")],
  };
}

/** `answered` for a single, multiple or judgement item; `chosen` are bank option ids. */
export function answeredStatement(
  c: Common & { item: ChoiceItem; chosen: string[]; success: boolean; durationMs?: number },
) {
  const { item } = c;
  const response =
    item.type === "judgement"
      ? c.chosen[0] === optionId(0)
        ? "true"
        : "false"
      : [...c.chosen].sort().join("[,]");
  return {
    id: c.id,
    actor: c.actor,
    verb: VERBS.answered,
    object: {
      ...activity(activityIds.quizItem(c.origin, item.id)),
      definition: choiceDefinition(item),
    },
    result: {
      response,
      success: c.success,
      ...(c.durationMs !== undefined ? { duration: isoDuration(c.durationMs) } : {}),
    },
    context: context(c, item.clauses, underQuiz(c.origin, item.section)),
    timestamp: c.timestamp,
  };
}

/** `answered` for one decision of a scenario: a choice among the step's options. */
export function decisionStatement(
  c: Common & { item: BranchingItem; step: BranchStep; option: number },
) {
  const { item, step } = c;
  const chosen = step.options[c.option];
  if (!chosen) throw new Error(`${item.id}: step ${step.id} has no option ${c.option}`);
  return {
    id: c.id,
    actor: c.actor,
    verb: VERBS.answered,
    object: {
      ...activity(scenarioStepId(c.origin, item.id, step.id)),
      definition: {
        type: ACTIVITY_TYPES.interaction,
        ...texts(step.prompt),
        interactionType: "choice" as const,
        choices: step.options.map((o, i) => ({
          id: optionId(i),
          description: { "kk-KZ": o.text },
        })),
        correctResponsesPattern: step.options.flatMap((o, i) => (o.correct ? [optionId(i)] : [])),
      },
    },
    result: { response: optionId(c.option), success: chosen.correct },
    context: context(c, item.clauses, {
      parent: [activityIds.quizItem(c.origin, item.id)],
      grouping: [activityIds.practiceQuiz(c.origin, item.section), activityIds.course(c.origin)],
    }),
    timestamp: c.timestamp,
  };
}

/**
 * The decisions of a finished walk through a scenario, replayed through its steps: each one must
 * be on the step the previous choice led to and name an option of it, and the last must end the
 * scenario. Whether each was right is taken from the bank, never from the caller. Throws on a
 * path that cannot be walked.
 */
export function replayScenario(
  item: BranchingItem,
  path: readonly Pick<BranchDecision, "step" | "option">[],
): BranchDecision[] {
  const decisions: BranchDecision[] = [];
  for (const [i, d] of path.entries()) {
    const { step } = branchState(item, decisions);
    const at = `${item.id}: decision ${i + 1} (${d.step}.${optionId(d.option)})`;
    if (!step) throw new Error(`${at} comes after the scenario has ended`);
    if (d.step !== step.id)
      throw new Error(`${at} is not on step ${step.id}, where the path leads`);
    const option = step.options[d.option];
    if (!option) throw new Error(`${at}: step ${step.id} has no such option`);
    decisions.push({ step: step.id, option: d.option, correct: option.correct });
  }
  if (!branchState(item, decisions).finished)
    throw new Error(
      `${item.id}: the path ${branchResponse(decisions) || "(empty)"} stops before the scenario ends`,
    );
  return decisions;
}

/**
 * `answered` for a finished scenario: the path taken, scored by its share of right decisions.
 * The path is replayed through the bank (replayScenario): a path that cannot happen throws, and
 * the right/wrong of each decision comes from the item's steps.
 */
export function scenarioStatement(
  c: Common & { item: BranchingItem; decisions: BranchDecision[]; durationMs?: number },
) {
  const { item } = c;
  const decisions = replayScenario(item, c.decisions);
  const right = decisions.filter((d) => d.correct).length;
  return {
    id: c.id,
    actor: c.actor,
    verb: VERBS.answered,
    object: {
      ...activity(activityIds.quizItem(c.origin, item.id)),
      definition: {
        type: ACTIVITY_TYPES.interaction,
        ...texts(item.stem),
        interactionType: "other" as const,
        correctResponsesPattern: rightPaths(item),
      },
    },
    result: {
      response: branchResponse(decisions),
      score: {
        scaled: decisions.length === 0 ? 0 : right / decisions.length,
        raw: right,
        min: 0,
        max: decisions.length,
      },
      success: decisions.length > 0 && right === decisions.length,
      ...(c.durationMs !== undefined ? { duration: isoDuration(c.durationMs) } : {}),
    },
    context: context(c, item.clauses, underQuiz(c.origin, item.section)),
    timestamp: c.timestamp,
  };
}

export function quizCompletedStatement(
  c: Common & {
    section: number;
    correct: number;
    total: number;
    durationMs: number;
    passMark?: number;
  },
) {
  const scaled = c.total === 0 ? 0 : c.correct / c.total;
  return {
    id: c.id,
    actor: c.actor,
    verb: VERBS.completed,
    object: {
      ...activity(activityIds.practiceQuiz(c.origin, c.section)),
      definition: {
        type: ACTIVITY_TYPES.assessment,
        name: { "kk-KZ": `${c.section}-бөлім бойынша жаттығу тесті` },
      },
    },
    result: {
      score: { scaled, raw: c.correct, min: 0, max: c.total },
      success: scaled >= (c.passMark ?? 0.8),
      completion: true,
      duration: isoDuration(c.durationMs),
    },
    context: {
      ...(c.registration ? { registration: c.registration } : {}),
      contextActivities: {
        parent: [activity(activityIds.lesson(c.origin, c.section))],
        grouping: [activity(activityIds.course(c.origin))],
      },
      language: "kk-KZ",
    },
    timestamp: c.timestamp,
  };
}
