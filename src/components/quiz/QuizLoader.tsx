import { useEffect, useState } from "preact/hooks";
import type { QuizItem } from "../../lib/quiz/schema.ts";
import QuizPlayer from "./QuizPlayer.tsx";
import type { QuizStrings } from "./strings.ts";

interface Props {
  section: number;
  /** URL of the section's practice bank (`/quiz-banks/<n>.json`). */
  src: string;
  s: QuizStrings;
  prefix: string;
}

/**
 * A lesson's practice quiz. Its bank is fetched once the page is idle, not inlined, so the
 * lesson's HTML stays light; hydrating on idle rather than on view means the quiz's code is
 * loaded (and kept by the service worker, which also precaches every bank) even when the
 * learner goes offline before scrolling down to it.
 */
export default function QuizLoader({ section, src, s, prefix }: Props) {
  const [items, setItems] = useState<QuizItem[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    fetch(src)
      .then((response) => {
        if (!response.ok) throw new Error(`${src}: ${response.status}`);
        return response.json() as Promise<QuizItem[]>;
      })
      .then((bank) => live && setItems(bank))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [src]);
  if (failed) return <p role="alert">{s.loadFailed}</p>;
  if (!items) return <p aria-busy="true">{s.loading}</p>;
  return <QuizPlayer section={section} items={items} s={s} prefix={prefix} />;
}
