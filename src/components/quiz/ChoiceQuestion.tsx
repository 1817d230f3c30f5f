import { useEffect, useRef, useState } from "preact/hooks";
import { isCorrect, optionId } from "../../lib/quiz/play.ts";
import type { BranchingItem, QuizItem } from "../../lib/quiz/schema.ts";
import { ClauseLinks } from "./ClauseLinks.tsx";
import type { QuizStrings } from "./strings.ts";

type ChoiceItem = Exclude<QuizItem, BranchingItem>;

interface Props {
  item: ChoiceItem;
  /** Option indexes in display order (shuffled per attempt). */
  order: number[];
  number: number;
  total: number;
  s: QuizStrings;
  prefix: string;
  answered: { chosen: string[]; correct: boolean } | undefined;
  onAnswer: (chosen: string[], correct: boolean) => void;
}

/**
 * One question: a fieldset of radios (or checkboxes), checked once. Checking removes the button
 * and disables the fieldset, so focus moves to the feedback, which is also announced.
 */
export function ChoiceQuestion({
  item,
  order,
  number,
  total,
  s,
  prefix,
  answered,
  onAnswer,
}: Props) {
  const [chosen, setChosen] = useState<string[]>(answered?.chosen ?? []);
  const verdict = useRef<HTMLDivElement>(null);
  const justChecked = useRef(false);
  useEffect(() => {
    if (answered && justChecked.current) {
      justChecked.current = false;
      verdict.current?.focus();
    }
  }, [answered]);
  const multiple = item.type === "multiple";
  const name = `q-${item.id}`;
  // From the previous state: two quick key presses may come before a re-render.
  const toggle = (id: string, on: boolean) =>
    setChosen((before) =>
      multiple ? (on ? [...new Set([...before, id])] : before.filter((c) => c !== id)) : [id],
    );
  return (
    <form
      class={`quiz-question ${answered ? (answered.correct ? "is-correct" : "is-wrong") : ""}`}
      onSubmit={(e) => {
        e.preventDefault();
        // What is checked now, even if a re-render is still pending.
        const picked = new FormData(e.currentTarget).getAll(name).map(String);
        if (answered || picked.length === 0) return;
        justChecked.current = true;
        onAnswer(picked, isCorrect(item, picked));
      }}
    >
      <fieldset disabled={!!answered}>
        <legend>
          <span class="quiz-number">
            {s.question} {number} {s.of} {total}
          </span>
          <span class="quiz-stem" lang="kk">
            {item.stem}
          </span>
        </legend>
        {multiple && <p class="hint">{s.chooseAll}</p>}
        {order.map((index) => {
          const option = item.options[index];
          const id = optionId(index);
          if (!option) return null;
          const picked = chosen.includes(id);
          return (
            <div
              key={id}
              class={`quiz-option ${answered && option.correct ? "right" : ""} ${answered && picked && !option.correct ? "wrong" : ""}`}
            >
              <label lang="kk">
                <input
                  type={multiple ? "checkbox" : "radio"}
                  name={name}
                  value={id}
                  checked={picked}
                  onChange={(e) => toggle(id, (e.currentTarget as HTMLInputElement).checked)}
                />
                <span>{option.text}</span>
              </label>
              {answered && (picked || option.correct) && (
                <p class="quiz-feedback" lang="kk">
                  {option.feedback}
                </p>
              )}
            </div>
          );
        })}
      </fieldset>
      {!answered && (
        <button type="submit" class="button" disabled={chosen.length === 0}>
          {s.check}
        </button>
      )}
      <div aria-live="polite" class="quiz-verdict" tabIndex={-1} ref={verdict}>
        {answered && (
          <>
            <p>
              <strong>{answered.correct ? s.correct : s.incorrect}</strong>
            </p>
            <p lang="kk">
              {s.explanation}: {item.explanation}
            </p>
            <ClauseLinks clauses={item.clauses} prefix={prefix} label={s.readClause} />
          </>
        )}
      </div>
    </form>
  );
}
