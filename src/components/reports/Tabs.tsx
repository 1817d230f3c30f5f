// The WAI-ARIA tabs pattern: a tablist whose tabs control labelled tabpanels; one tab in the
// tab order (roving tabindex); ←/→ move and activate, Home/End go to the first and last.
import type { ComponentChildren } from "preact";
import { useRef } from "preact/hooks";

interface Props<T extends string> {
  ids: readonly T[];
  labels: Record<T, string>;
  label: string;
  selected: T;
  onSelect: (id: T) => void;
  /** The selected tab's panel content; the other panels are empty and hidden. */
  children: ComponentChildren;
}

export function Tabs<T extends string>({
  ids,
  labels,
  label,
  selected,
  onSelect,
  children,
}: Props<T>) {
  const list = useRef<HTMLDivElement>(null);
  const move = (to: number) => {
    const next = ids[(to + ids.length) % ids.length] as T;
    onSelect(next);
    list.current?.querySelector<HTMLButtonElement>(`#tab-${next}`)?.focus();
  };
  const onKey = (event: KeyboardEvent) => {
    const index = ids.indexOf(selected);
    const keys: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: ids.length - 1,
    };
    const to = keys[event.key];
    if (to === undefined) return;
    event.preventDefault();
    move(to);
  };
  return (
    <>
      <div class="report-tabs" role="tablist" aria-label={label} ref={list} onKeyDown={onKey}>
        {ids.map((id) => (
          <button
            key={id}
            id={`tab-${id}`}
            type="button"
            role="tab"
            aria-selected={id === selected}
            aria-controls={`panel-${id}`}
            tabIndex={id === selected ? 0 : -1}
            onClick={() => onSelect(id)}
          >
            {labels[id]}
          </button>
        ))}
      </div>
      {ids.map((id) => (
        <section
          key={id}
          id={`panel-${id}`}
          role="tabpanel"
          aria-labelledby={`tab-${id}`}
          hidden={id !== selected}
          class="report-panel"
        >
          {id === selected ? children : null}
        </section>
      ))}
    </>
  );
}
