import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import {
  type BranchDecision,
  branchState,
  type ItemLayout,
  planRound,
  type Random,
} from "../../lib/quiz/play.ts";
import {
  progressDocument,
  type QuizProgress,
  type RoundAnswer,
  restoreProgress,
} from "../../lib/quiz/resume.ts";
import type { BranchingItem, QuizItem } from "../../lib/quiz/schema.ts";
import { BranchingQuestion } from "./BranchingQuestion.tsx";
import { ChoiceQuestion } from "./ChoiceQuestion.tsx";
import { ResumeOffer } from "./ResumeOffer.tsx";
import { loadProgress, recordEvent, saveProgress } from "./record.ts";
import type { QuizStrings } from "./strings.ts";

interface Props {
  section: number;
  items: QuizItem[];
  s: QuizStrings;
  prefix: string;
  /** Source of the shuffles; tests of the player may pass a seeded one. */
  random?: Random;
}

interface Round {
  layout: ItemLayout[];
  answers: Record<string, RoundAnswer>;
  /** Decisions of scenarios begun and not finished yet. */
  paths: Record<string, BranchDecision[]>;
  registration: string;
  startedAt: number;
}

const fresh = (items: QuizItem[], random: Random): Round => ({
  layout: planRound(items, random),
  answers: {},
  paths: {},
  registration: crypto.randomUUID(),
  startedAt: Date.now(),
});

/** The practice quiz: one item at a time or all on a page, instant feedback, summary, retry. */
export default function QuizPlayer({ section, items, s, prefix, random = Math.random }: Props) {
  const [round, setRound] = useState<Round>(() => fresh(items, random));
  // Handlers read the latest round: two answers may come before a re-render.
  const latest = useRef(round);
  latest.current = round;
  const [generation, setGeneration] = useState(0);
  const [mode, setMode] = useState<"one" | "all">("one");
  const [index, setIndex] = useState(0);
  const [offer, setOffer] = useState<QuizProgress | null>(null);
  const [mounted, setMounted] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const slot = useRef<HTMLDivElement>(null);
  const focusSlot = useRef(false);
  const byId = useMemo(() => new Map(items.map((i) => [i.id, i])), [items]);

  const done = Object.keys(round.answers).length;
  const started = done > 0 || Object.keys(round.paths).length > 0;

  // A round left unfinished, here or on another device, is offered until this one begins.
  useEffect(() => {
    let live = true;
    void loadProgress(section).then((saved) => {
      const progress = restoreProgress(saved, section, items);
      if (live && progress) setOffer(progress);
    });
    return () => {
      live = false;
    };
  }, [section, items]);

  useEffect(() => {
    if (!focusSlot.current) return;
    focusSlot.current = false;
    const target =
      slot.current?.querySelector<HTMLElement>("input:not(:disabled)") ??
      slot.current?.querySelector<HTMLElement>(".quiz-verdict");
    target?.focus();
  });

  // Hydrating: the server rendered no layout (a random one would differ from this device's),
  // so the questions appear once the player runs here.
  useEffect(() => setMounted(true), []);

  if (items.length === 0) return <p>{s.empty}</p>;

  const correct = Object.values(round.answers).filter((a) => a.correct).length;
  const finished = done === items.length;

  const commit = (next: Round, at = index, how = mode) => {
    latest.current = next;
    setRound(next);
    setOffer(null);
    const count = Object.keys(next.answers).length;
    saveProgress(
      section,
      count === items.length
        ? null
        : progressDocument({
            section,
            registration: next.registration,
            startedAt: new Date(next.startedAt).toISOString(),
            layout: next.layout,
            mode: how,
            index: at,
            answers: next.answers,
            paths: next.paths,
          }),
    );
  };

  const runOf = (r: Round) => ({ section, registration: r.registration, startedAt: r.startedAt });
  const inProgress = (r: Round) =>
    Object.keys(r.answers).length < items.length &&
    (Object.keys(r.answers).length > 0 || Object.keys(r.paths).length > 0);

  const completion = (answers: Record<string, RoundAnswer>) =>
    Object.keys(answers).length === items.length
      ? { correct: Object.values(answers).filter((a) => a.correct).length, total: items.length }
      : null;

  const answerChoice = (item: Exclude<QuizItem, BranchingItem>, chosen: string[], ok: boolean) => {
    const r = latest.current;
    if (r.answers[item.id]) return;
    const answers = { ...r.answers, [item.id]: { chosen, correct: ok } };
    commit({ ...r, answers });
    recordEvent(runOf(r), { kind: "choice", item, chosen, correct: ok }, completion(answers));
  };

  const decide = (item: BranchingItem, option: number) => {
    const r = latest.current;
    const before = r.paths[item.id] ?? [];
    const step = branchState(item, before).step;
    const picked = step?.options[option];
    if (!step || !picked || r.answers[item.id]) return;
    const decisions = [...before, { step: step.id, option, correct: picked.correct }];
    const after = branchState(item, decisions);
    const { [item.id]: _, ...paths } = r.paths;
    const next: Round = after.finished
      ? {
          ...r,
          paths,
          answers: { ...r.answers, [item.id]: { chosen: [], decisions, correct: after.success } },
        }
      : { ...r, paths: { ...r.paths, [item.id]: decisions } };
    commit(next);
    recordEvent(runOf(r), { kind: "decision", item, step, option }, null);
    if (after.finished)
      recordEvent(runOf(r), { kind: "scenario", item, decisions }, completion(next.answers));
  };

  const go = (to: number) => {
    setIndex(to);
    focusSlot.current = true;
    if (inProgress(latest.current)) commit(latest.current, to);
  };

  const changeMode = (how: "one" | "all") => {
    setMode(how);
    if (inProgress(latest.current)) commit(latest.current, index, how);
  };

  const retry = () => {
    if (inProgress(latest.current)) saveProgress(section, null); // abandoned: nothing to resume
    latest.current = fresh(items, random);
    setRound(latest.current);
    setGeneration(generation + 1);
    setIndex(0);
    setOffer(null);
    heading.current?.focus();
  };

  const resume = (saved: QuizProgress) => {
    latest.current = {
      layout: saved.layout,
      answers: saved.answers,
      paths: saved.paths,
      registration: saved.registration,
      startedAt: Date.parse(saved.startedAt),
    };
    setRound(latest.current);
    setGeneration(generation + 1);
    setMode(saved.mode);
    setIndex(saved.index);
    setOffer(null);
    focusSlot.current = true;
  };

  const render = (layout: ItemLayout, i: number) => {
    const item = byId.get(layout.id);
    if (!item) return null;
    const key = `${generation}-${item.id}`;
    const common = { number: i + 1, total: items.length, s, prefix };
    if (item.type === "branching") {
      const answered = round.answers[item.id];
      return (
        <BranchingQuestion
          key={key}
          {...common}
          item={item}
          layout={layout}
          decisions={answered?.decisions ?? round.paths[item.id] ?? []}
          onDecide={(option) => decide(item, option)}
        />
      );
    }
    return (
      <ChoiceQuestion
        key={key}
        {...common}
        item={item}
        order={layout.options}
        answered={round.answers[item.id]}
        onAnswer={(chosen, ok) => answerChoice(item, chosen, ok)}
      />
    );
  };

  const current = round.layout[index];
  return (
    <section class="quiz-player" aria-labelledby={`quiz-title-${section}`}>
      <h2 id={`quiz-title-${section}`} tabIndex={-1} ref={heading}>
        {s.title}
      </h2>
      <p>{s.intro}</p>
      {!mounted && <p aria-busy="true">{s.loading}</p>}
      {mounted && offer && !started && (
        <ResumeOffer
          done={Object.keys(offer.answers).length}
          total={items.length}
          s={s}
          onResume={() => resume(offer)}
          onDecline={() => {
            setOffer(null);
            heading.current?.focus();
          }}
        />
      )}
      <fieldset class="quiz-mode">
        <legend>{s.mode}</legend>
        <label>
          <input
            type="radio"
            name={`mode-${section}`}
            checked={mode === "one"}
            onChange={() => changeMode("one")}
          />{" "}
          {s.oneAtATime}
        </label>
        <label>
          <input
            type="radio"
            name={`mode-${section}`}
            checked={mode === "all"}
            onChange={() => changeMode("all")}
          />{" "}
          {s.allOnPage}
        </label>
      </fieldset>
      <div ref={slot}>
        {mounted && (mode === "all" ? round.layout.map(render) : current && render(current, index))}
      </div>
      {mode === "one" && (
        <nav class="quiz-nav" aria-label={s.navigation}>
          <button type="button" disabled={index === 0} onClick={() => go(index - 1)}>
            {s.previous}
          </button>
          <span>
            {index + 1} / {items.length}
          </span>
          <button type="button" disabled={index === items.length - 1} onClick={() => go(index + 1)}>
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
