// Who needs attention, as of today: learners without a valid exam pass or whose pass expires
// soon (with e-mail), and learners stuck on a lesson. Long lists come a page at a time, with
// the total shown; the exports hold every row, and the Print button prints every row (up to
// PRINT_MAX: see print.tsx), the page on screen coming back after printing.
import { useEffect, useState } from "preact/hooks";
import type { DueLearner, Paged, StuckLearner } from "../../lib/reports/types.ts";
import { count, day, type Formats, fill } from "./format.ts";
import { loadAll, PrintNote, usePrintPreparer } from "./print.tsx";
import { NoRows } from "./TranscriptView.tsx";
import { ExportLinks, useReport } from "./use-report.tsx";

const PAGE = 100;

function Pager({
  page,
  f,
  onPage,
}: {
  page: Paged<unknown>;
  f: Formats;
  onPage: (o: number) => void;
}) {
  if (page.total <= page.limit && page.offset === 0) {
    return <p class="muted no-print">{fill(f.s.shownAll, { n: count(f, page.total) })}</p>;
  }
  const last = Math.min(page.total, page.offset + page.rows.length);
  return (
    <p class="pager no-print">
      {fill(f.s.shownRange, {
        from: count(f, page.total === 0 ? 0 : page.offset + 1),
        to: count(f, last),
        n: count(f, page.total),
      })}{" "}
      <button
        type="button"
        disabled={page.offset === 0}
        onClick={() => onPage(Math.max(0, page.offset - PAGE))}
      >
        {f.s.previous}
      </button>{" "}
      <button
        type="button"
        disabled={last >= page.total}
        onClick={() => onPage(page.offset + PAGE)}
      >
        {f.s.next}
      </button>
    </p>
  );
}

function Person({
  name,
  number,
  onOpen,
}: {
  name: string;
  number: string;
  onOpen: (n: string) => void;
}) {
  return (
    <button type="button" class="link-button" onClick={() => onOpen(number)}>
      {name} ({number})
    </button>
  );
}

interface Props {
  query: string;
  f: Formats;
  lang: string;
  onOpen: (n: string) => void;
  onError: (e: Error) => void;
}

export function DueView({ query, f, lang, onOpen, onError }: Props) {
  const { s } = f;
  const [dueAt, setDueAt] = useState(0);
  const [stuckAt, setStuckAt] = useState(0);
  const q = query ? `${query}&` : "";
  const due = useReport<Paged<DueLearner>>(`/reports/due?${q}offset=${dueAt}&limit=${PAGE}`);
  const stuck = useReport<Paged<StuckLearner>>(
    `/reports/stuck?${q}offset=${stuckAt}&limit=${PAGE}`,
  );
  const failed = due.error ?? stuck.error;
  useEffect(() => {
    if (failed) onError(failed);
  }, [failed]);
  // Every row of both lists while printing; the pages on screen again once printed.
  const [all, setAll] = useState<{ due: DueLearner[]; stuck: StuckLearner[] } | null>(null);
  usePrintPreparer(async () => {
    if (!due.data || !stuck.data) return;
    const [dueRows, stuckRows] = await Promise.all([
      loadAll<DueLearner>(`/reports/due${query ? `?${query}` : ""}`, due.data.total),
      loadAll<StuckLearner>(`/reports/stuck${query ? `?${query}` : ""}`, stuck.data.total),
    ]);
    setAll({ due: dueRows, stuck: stuckRows });
  });
  useEffect(() => {
    const back = () => setAll(null);
    window.addEventListener("afterprint", back);
    return () => window.removeEventListener("afterprint", back);
  }, []);
  const dueRows = all?.due ?? due.data?.rows ?? [];
  const stuckRows = all?.stuck ?? stuck.data?.rows ?? [];
  return (
    <div aria-busy={!due.data || !stuck.data}>
      <p class="muted">{s.asOfToday}</p>
      <h2>{s.dueList}</h2>
      <p>
        <ExportLinks path="due" query={query} lang={lang} />
      </p>
      {due.data ? (
        <>
          <Pager page={due.data} f={f} onPage={setDueAt} />
          <PrintNote
            f={f}
            shown={dueRows.length}
            total={due.data.total}
            from={all ? 0 : due.data.offset}
          />
          <table>
            <caption class="visually-hidden">{s.dueList}</caption>
            <thead>
              <tr>
                <th scope="col">{s.person}</th>
                <th scope="col">{s.unit}</th>
                <th scope="col">{s.status}</th>
                <th scope="col">{s.lastPass}</th>
                <th scope="col">{s.dueDate}</th>
                <th scope="col">{s.email}</th>
              </tr>
            </thead>
            <tbody>
              {dueRows.length === 0 && <NoRows s={s} cols={6} />}
              {dueRows.map((l) => (
                <tr key={l.personnelNumber}>
                  <th scope="row">
                    <Person name={l.fullName} number={l.personnelNumber} onOpen={onOpen} />
                  </th>
                  <td>{f.unitName(l.unit)}</td>
                  <td>{l.status === "overdue" ? s.overdue : s.dueSoon}</td>
                  <td>{day(f, l.lastPass)}</td>
                  <td>{day(f, l.dueDate)}</td>
                  <td>{l.email ? <a href={`mailto:${l.email}`}>{l.email}</a> : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p>{s.loading}</p>
      )}
      <h2>{s.stuckList}</h2>
      <p>
        <ExportLinks path="stuck" query={query} lang={lang} />
      </p>
      <p class="muted">{s.stuckExplained}</p>
      {stuck.data ? (
        <>
          <Pager page={stuck.data} f={f} onPage={setStuckAt} />
          <PrintNote
            f={f}
            shown={stuckRows.length}
            total={stuck.data.total}
            from={all ? 0 : stuck.data.offset}
          />
          <table>
            <caption class="visually-hidden">{s.stuckList}</caption>
            <thead>
              <tr>
                <th scope="col">{s.person}</th>
                <th scope="col">{s.unit}</th>
                <th scope="col">{s.lesson}</th>
                <th scope="col">{s.openedAt}</th>
                <th scope="col">{s.lastSeen}</th>
                <th scope="col">{s.email}</th>
              </tr>
            </thead>
            <tbody>
              {stuckRows.length === 0 && <NoRows s={s} cols={6} />}
              {stuckRows.map((l) => (
                <tr key={l.personnelNumber}>
                  <th scope="row">
                    <Person name={l.fullName} number={l.personnelNumber} onOpen={onOpen} />
                  </th>
                  <td>{f.unitName(l.unit)}</td>
                  <td>{l.section}</td>
                  <td>{day(f, l.openedAt)}</td>
                  <td>{day(f, l.lastSeen)}</td>
                  <td>{l.email ? <a href={`mailto:${l.email}`}>{l.email}</a> : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p>{s.loading}</p>
      )}
    </div>
  );
}
