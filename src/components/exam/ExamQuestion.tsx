import type { OpenAttempt } from "./types.ts";

interface Props {
  item: OpenAttempt["items"][number];
  index: number;
  total: number;
  chosen: string[];
  labels: { question: string; of: string; chooseAll: string };
  onChange: (options: string[]) => void;
}

/** One exam question: radio buttons, or checkboxes for "select all that apply". */
export function ExamQuestion({ item, index, total, chosen, labels, onChange }: Props) {
  const multiple = item.type === "multiple";
  const toggle = (id: string, on: boolean) => {
    if (!multiple) onChange([id]);
    else onChange(on ? [...chosen, id] : chosen.filter((c) => c !== id));
  };
  return (
    <fieldset class="exam-question" lang="kk">
      <legend>
        <span class="exam-question-number" lang="">
          {labels.question} {index + 1} {labels.of} {total}
        </span>
        <span class="exam-stem">{item.stem}</span>
      </legend>
      {multiple && <p class="hint">{labels.chooseAll}</p>}
      {item.options.map((option) => (
        <label class="exam-option" key={option.id}>
          <input
            type={multiple ? "checkbox" : "radio"}
            name={`q-${item.id}`}
            value={option.id}
            checked={chosen.includes(option.id)}
            onChange={(e) => toggle(option.id, (e.currentTarget as HTMLInputElement).checked)}
          />
          <span>{option.text}</span>
        </label>
      ))}
    </fieldset>
  );
}
