import { useState } from "preact/hooks";
import { type BranchDecision, branchState } from "../../lib/quiz/play.ts";
import type { BranchingItem } from "../../lib/quiz/schema.ts";
import { ClauseLinks } from "./ClauseLinks.tsx";
import type { QuizStrings } from "./strings.ts";

interface Props {
  item: BranchingItem;
  number: number;
  total: number;
  s: QuizStrings;
  prefix: string;
  answered: { decisions: BranchDecision[]; correct: boolean } | undefined;
  onAnswer: (decisions: BranchDecision[], correct: boolean) => void;
}

/** A scenario played decision by decision; each choice shows its consequence, then the next. */
export function BranchingQuestion({ item, number, total, s, prefix, answered, onAnswer }: Props) {
  const [decisions, setDecisions] = useState<BranchDecision[]>(answered?.decisions ?? []);
  const [pick, setPick] = useState<number | null>(null);
  const state = branchState(item, decisions);
  const decide = (e: Event) => {
    e.preventDefault();
    const step = state.step;
    const option = pick === null ? undefined : step?.options[pick];
    if (!step || !option || pick === null) return;
    const next = [...decisions, { step: step.id, option: pick, correct: option.correct }];
    setDecisions(next);
    setPick(null);
    const after = branchState(item, next);
    if (after.finished) onAnswer(next, after.success);
  };
  return (
    <div class="quiz-question quiz-scenario">
      <p class="quiz-number">
        {s.question} {number} {s.of} {total} · {s.scenario}
      </p>
      <p class="quiz-stem" lang="kk">
        {item.stem}
      </p>
      <ol class="scenario-path">
        {decisions.map((d) => {
          const step = item.steps.find((x) => x.id === d.step);
          const option = step?.options[d.option];
          return (
            <li key={d.step} lang="kk">
              <p>{step?.prompt}</p>
              <p>
                <strong>{option?.text}</strong>
              </p>
              <p class={`quiz-feedback ${d.correct ? "right" : "wrong"}`}>{option?.feedback}</p>
            </li>
          );
        })}
      </ol>
      {state.step && !answered && (
        <form onSubmit={decide}>
          <fieldset>
            <legend lang="kk">
              {s.decision} {decisions.length + 1}: {state.step.prompt}
            </legend>
            {state.step.options.map((o, i) => (
              <label key={`${state.step?.id}-${o.text}`} class="quiz-option" lang="kk">
                <input
                  type="radio"
                  name={`b-${item.id}-${state.step?.id}`}
                  checked={pick === i}
                  onChange={() => setPick(i)}
                />
                <span>{o.text}</span>
              </label>
            ))}
          </fieldset>
          <button type="submit" class="button" disabled={pick === null}>
            {s.next}
          </button>
        </form>
      )}
      <div aria-live="polite" class="quiz-verdict">
        {decisions.length > 0 && (
          <p class="visually-hidden">
            {
              item.steps.find((x) => x.id === decisions.at(-1)?.step)?.options[
                decisions.at(-1)?.option ?? 0
              ]?.feedback
            }
          </p>
        )}
        {(answered || state.finished) && (
          <>
            <p>
              <strong>
                {(answered?.correct ?? state.success) ? s.scenarioPerfect : s.scenarioDone}
              </strong>
            </p>
            <p lang="kk">
              {s.explanation}: {item.explanation}
            </p>
            <ClauseLinks clauses={item.clauses} prefix={prefix} label={s.readClause} />
          </>
        )}
      </div>
    </div>
  );
}
