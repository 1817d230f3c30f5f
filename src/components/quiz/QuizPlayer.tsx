import { useMemo, useRef, useState } from "preact/hooks";
import { type BranchDecision, seeded, shuffled } from "../../lib/quiz/play.ts";
import type { QuizItem } from "../../lib/quiz/schema.ts";
import { answeredStatement, quizCompletedStatement } from "../../lib/xapi/quiz.ts";
import { currentLearner, record } from "../tracking/track.ts";
import { BranchingQuestion } from "./BranchingQuestion.tsx";
import { ChoiceQuestion } from "./ChoiceQuestion.tsx";
import type { QuizStrings } from "./strings.ts";

interface Props {
  section: number;
  items: QuizItem[];
  s: QuizStrings;
  prefix: string;
}

type Answer = { chosen: string[]; correct: boolean; decisions?: BranchDecision[] };

/** The practice quiz: one item at a time or all on a page, instant feedback, summary, retry. */
export default function QuizPlayer({ section, items, s, prefix }: Props) {
  const [round, setRound] = useState(0);
  const [mode, setMode] = useState<"one" | "all">("one");
  const [index, setIndex] = useState(0);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const startedAt = useRef(Date.now());
  const registration = useRef(crypto.randomUUID());
  const heading = useRef<HTMLHeadingElement>(null);

  // The first round keeps the bank's order; each retry reshuffles items and options.
  const plan = useMemo(() => {
    const random = seeded(round === 0 ? 1 : Date.now());
    const order = round === 0 ? items : shuffled(items, random);
    return order.map((item) => ({
      item,
      options:
        item.type === "branching"
          ? []
          : round === 0
            ? item.options.map((_, i) => i)
            : shuffled(
                item.options.map((_, i) => i),
                random,
              ),
    }));
  }, [items, round]);

  if (items.length === 0) return <p>{s.empty}</p>;

  const done = Object.keys(answers).length;
  const correct = Object.values(answers).filter((a) => a.correct).length;
  const finished = done === items.length;

  const answer = (item: QuizItem, value: Answer) => {
    const next = { ...answers, [item.id]: value };
    setAnswers(next);
    const actor = currentLearner();
    if (!actor) return;
    const common = {
      actor,
      origin: actor.account.homePage,
      timestamp: new Date().toISOString(),
      registration: registration.current,
    };
    const statements: ({ id: string } & Record<string, unknown>)[] = [
      answeredStatement({
        ...common,
        id: crypto.randomUUID(),
        item,
        chosen: value.chosen,
        decisions: value.decisions ?? [],
        success: value.correct,
      }),
    ];
    if (Object.keys(next).length === items.length) {
      const right = Object.values(next).filter((a) => a.correct).length;
      statements.push(
        quizCompletedStatement({
          ...common,
          id: crypto.randomUUID(),
          section,
          correct: right,
          total: items.length,
          durationMs: Date.now() - startedAt.current,
        }),
      );
    }
    void record(...statements);
  };

  const retry = () => {
    setAnswers({});
    setIndex(0);
    setRound(round + 1);
    startedAt.current = Date.now();
    registration.current = crypto.randomUUID();
    heading.current?.focus();
  };

  const render = ({ item, options }: (typeof plan)[number], i: number) =>
    item.type === "branching" ? (
      <BranchingQuestion
        key={`${round}-${item.id}`}
        item={item}
        number={i + 1}
        total={items.length}
        s={s}
        prefix={prefix}
        answered={
          answers[item.id]?.decisions
            ? {
                decisions: answers[item.id]?.decisions ?? [],
                correct: answers[item.id]?.correct ?? false,
              }
            : undefined
        }
        onAnswer={(decisions, ok) => answer(item, { chosen: [], decisions, correct: ok })}
      />
    ) : (
      <ChoiceQuestion
        key={`${round}-${item.id}`}
        item={item}
        order={options}
        number={i + 1}
        total={items.length}
        s={s}
        prefix={prefix}
        answered={answers[item.id]}
        onAnswer={(chosen, ok) => answer(item, { chosen, correct: ok })}
      />
    );

  const current = plan[index];
  return (
    <section class="quiz-player" aria-labelledby={`quiz-title-${section}`}>
      <h2 id={`quiz-title-${section}`} tabIndex={-1} ref={heading}>
        {s.title}
      </h2>
      <p>{s.intro}</p>
      <fieldset class="quiz-mode">
        <legend>{s.mode}</legend>
        <label>
          <input
            type="radio"
            name={`mode-${section}`}
            checked={mode === "one"}
            onChange={() => setMode("one")}
          />{" "}
          {s.oneAtATime}
        </label>
        <label>
          <input
            type="radio"
            name={`mode-${section}`}
            checked={mode === "all"}
            onChange={() => setMode("all")}
          />{" "}
          {s.allOnPage}
        </label>
      </fieldset>
      {mode === "all" ? plan.map(render) : current && render(current, index)}
      {mode === "one" && (
        <nav class="quiz-nav" aria-label={s.question}>
          <button type="button" disabled={index === 0} onClick={() => setIndex(index - 1)}>
            {s.previous}
          </button>
          <span>
            {index + 1} / {items.length}
          </span>
          <button
            type="button"
            disabled={index === items.length - 1}
            onClick={() => setIndex(index + 1)}
          >
            {s.next}
          </button>
        </nav>
      )}
      <div class="quiz-summary" aria-live="polite">
        <p>
          {s.score}: {correct} / {done}
          {finished ? ` (${Math.round((correct / items.length) * 100)} %)` : ""}
        </p>
        {finished && <p>{s.summary}</p>}
      </div>
      {done > 0 && (
        <button type="button" class="button" onClick={retry}>
          {s.retry}
        </button>
      )}
    </section>
  );
}
