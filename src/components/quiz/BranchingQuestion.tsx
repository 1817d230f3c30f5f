import { useEffect, useRef, useState } from "preact/hooks";
import {
  type BranchDecision,
  branchState,
  type ItemLayout,
  stepOrder,
} from "../../lib/quiz/play.ts";
import type { BranchingItem } from "../../lib/quiz/schema.ts";
import { ClauseLinks } from "./ClauseLinks.tsx";
import type { QuizStrings } from "./strings.ts";

interface Props {
  item: BranchingItem;
  /** The round's layout of this scenario: each step's options in display order. */
  layout: ItemLayout;
  number: number;
  total: number;
  s: QuizStrings;
  prefix: string;
  /** Decisions taken so far (all of them once the scenario is over). */
  decisions: BranchDecision[];
  /** Takes the option (bank index) chosen at the current step. */
  onDecide: (option: number) => void;
}

/**
 * A scenario played decision by decision; each choice shows its consequence, then the next.
 * The decide button disappears with its step, so focus moves to the consequence just shown (or
 * to the outcome once the scenario is over); the next step's options follow it in tab order.
 */
export function BranchingQuestion({
  item,
  layout,
  number,
  total,
  s,
  prefix,
  decisions,
  onDecide,
}: Props) {
  const [pick, setPick] = useState<number | null>(null);
  const state = branchState(item, decisions);
  const lastConsequence = useRef<HTMLLIElement>(null);
  const verdict = useRef<HTMLDivElement>(null);
  const justDecided = useRef(false);
  useEffect(() => {
    if (!justDecided.current) return;
    justDecided.current = false;
    (state.finished ? verdict.current : lastConsequence.current)?.focus();
  }, [decisions.length, state.finished]);

  const decide = (e: Event) => {
    e.preventDefault();
    // What is checked now, even if a re-render is still pending.
    const value = new FormData(e.currentTarget as HTMLFormElement).get("option");
    const option = value === null ? Number.NaN : Number(value);
    if (!state.step?.options[option]) return;
    justDecided.current = true;
    setPick(null);
    onDecide(option);
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
        {decisions.map((d, i) => {
          const step = item.steps.find((x) => x.id === d.step);
          const option = step?.options[d.option];
          return (
            <li
              key={d.step}
              lang="kk"
              tabIndex={-1}
              {...(i === decisions.length - 1 ? { ref: lastConsequence } : {})}
            >
              <p>{step?.prompt}</p>
              <p>
                <strong>{option?.text}</strong>
              </p>
              <p class={`quiz-feedback ${d.correct ? "right" : "wrong"}`}>{option?.feedback}</p>
            </li>
          );
        })}
      </ol>
      {state.step && (
        <form onSubmit={decide}>
          <fieldset>
            <legend lang="kk">
              {s.decision} {decisions.length + 1}: {state.step.prompt}
            </legend>
            {stepOrder(layout, state.step).map((i) => {
              const o = state.step?.options[i];
              return (
                o && (
                  <label key={`${state.step?.id}-${i}`} class="quiz-option" lang="kk">
                    <input
                      type="radio"
                      name="option"
                      value={i}
                      checked={pick === i}
                      onChange={() => setPick(i)}
                    />
                    <span>{o.text}</span>
                  </label>
                )
              );
            })}
          </fieldset>
          <button type="submit" class="button" disabled={pick === null}>
            {s.decide}
          </button>
        </form>
      )}
      <div aria-live="polite" class="quiz-verdict" tabIndex={-1} ref={verdict}>
        {state.finished && (
          <>
            <p>
              <strong>{state.success ? s.scenarioPerfect : s.scenarioDone}</strong>
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
