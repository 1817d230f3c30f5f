// A clause's drill-down: its official text (verbatim, with the link to it in the lesson) and
// the practice and exam items that test it, each with how often it is answered correctly;
// exported like every view, saying whether first tries or all answers were on screen.
import { useEffect, useRef } from "preact/hooks";
import type { ClauseDetail } from "../../lib/reports/types.ts";
import { clauseAnchor } from "../../lib/standards/parse.ts";
import { count, type Formats, fill, percent } from "./format.ts";
import { ExportLinks, useReport } from "./use-report.tsx";

interface Props {
  clause: string;
  query: string;
  f: Formats;
  first: boolean;
  prefix: string;
  lang: string;
  onClose: () => void;
  onError: (e: Error) => void;
}

export function ClauseDetailView(props: Props) {
  const { clause, query, f, first, prefix, lang, onClose, onError } = props;
  const { s } = f;
  const heading = useRef<HTMLHeadingElement>(null);
  const detail = useReport<ClauseDetail>(
    `/reports/clauses/${encodeURIComponent(clause)}${query ? `?${query}` : ""}`,
  );
  useEffect(() => {
    if (detail.error) onError(detail.error);
  }, [detail.error]);
  useEffect(() => {
    if (detail.data) heading.current?.focus();
  }, [detail.data?.clause]);
  const d = detail.data;
  const title = clause.includes(".")
    ? fill(s.clauseN, { n: clause })
    : fill(s.sectionLevel, { n: clause });
  return (
    <section class="clause-detail" aria-labelledby="clause-detail-title" aria-busy={!d}>
      <h3 id="clause-detail-title" tabIndex={-1} ref={heading}>
        {title}
      </h3>
      {d ? (
        <>
          <blockquote class="official-quote" lang="kk">
            {d.lead ? <p class="muted">{d.lead}</p> : null}
            <p>
              {d.clause.includes(".") ? `${d.clause.split(".")[1]}) ` : ""}
              {d.text}
            </p>
          </blockquote>
          <p>
            <a href={`${prefix}/lessons/${d.section}/#${clauseAnchor(d.clause)}`}>
              {s.openInLesson}
            </a>{" "}
            <ExportLinks
              path={`clauses/${encodeURIComponent(clause)}`}
              query={`${query ? `${query}&` : ""}attempts=${first ? "first" : "all"}`}
              lang={lang}
            />
          </p>
          <table>
            <caption>{fill(s.itemsOfClause, { n: title })}</caption>
            <thead>
              <tr>
                <th scope="col">{s.item}</th>
                <th scope="col">{s.answersFrom}</th>
                <th scope="col">{s.answers}</th>
                <th scope="col">{s.facility}</th>
              </tr>
            </thead>
            <tbody>
              {d.items.map((i) => {
                const n = first ? i.firstAnswers : i.answers;
                const right = first ? i.firstCorrect : i.correct;
                return (
                  <tr key={`${i.itemId}-${i.exam}`}>
                    <th scope="row">
                      <span class="item-id">{i.itemId}</span>
                      {i.stem ? <p class="stem">{i.stem}</p> : null}
                    </th>
                    <td>{i.exam ? s.exam : s.practice}</td>
                    <td>{count(f, n)}</td>
                    <td>{percent(f, n ? right / n : null)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      ) : (
        <p>{s.loading}</p>
      )}
      <button type="button" class="no-print" onClick={onClose}>
        {s.close}
      </button>
    </section>
  );
}
