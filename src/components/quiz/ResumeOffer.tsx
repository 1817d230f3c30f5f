import type { QuizStrings } from "./strings.ts";

const fill = (text: string, values: Record<string, number>) =>
  text.replace(/\{(\w+)\}/gu, (m, k: string) => String(values[k] ?? m));

/** Offers to continue a round left unfinished (here or on another device) or to start anew. */
export function ResumeOffer(props: {
  done: number;
  total: number;
  s: QuizStrings;
  onResume: () => void;
  onDecline: () => void;
}) {
  const { s } = props;
  return (
    <div class="quiz-resume">
      <p>{fill(s.resumeOffer, { done: props.done, total: props.total })}</p>
      <button type="button" class="button" onClick={props.onResume}>
        {s.resume}
      </button>{" "}
      <button type="button" class="link-button" onClick={props.onDecline}>
        {s.startOver}
      </button>
    </div>
  );
}
