// One learner's transcript: lessons (first opened, completed, time spent), every practice-quiz
// completion, every exam attempt (start, end, score, result, duration to the second).
import { useEffect, useRef } from "preact/hooks";
import type { Transcript } from "../../lib/reports/types.ts";
import { dateTime, duration, type Formats, fill, percent } from "./format.ts";
import { ExportLinks, useReport } from "./use-report.tsx";

interface Props {
  number: string;
  query: string;
  f: Formats;
  lang: string;
  onClose: () => void;
  onError: (e: Error) => void;
}

export function NoRows({ s, cols }: { s: Record<string, string>; cols: number }) {
  return (
    <tr>
      <td colSpan={cols}>{s.noRows}</td>
    </tr>
  );
}

export function TranscriptView({ number, query, f, lang, onClose, onError }: Props) {
  const { s } = f;
  const heading = useRef<HTMLHeadingElement>(null);
  const path = `learners/${encodeURIComponent(number)}`;
  const report = useReport<Transcript>(`/reports/${path}${query ? `?${query}` : ""}`);
  useEffect(() => {
    if (report.error) onError(report.error);
  }, [report.error]);
  useEffect(() => {
    if (report.data) heading.current?.focus();
  }, [report.data?.learner.personnelNumber]);
  const d = report.data;
  return (
    <section class="transcript" aria-labelledby="transcript-title" aria-busy={!d}>
      <h2 id="transcript-title" tabIndex={-1} ref={heading}>
        {s.transcript}: {d ? `${d.learner.fullName} (${d.learner.personnelNumber})` : number}
      </h2>
      {d ? (
        <>
          <p>
            {f.unitName(d.learner.unit)}
            {d.learner.email ? (
              <>
                {" · "}
                <a href={`mailto:${d.learner.email}`}>{d.learner.email}</a>
              </>
            ) : null}{" "}
            <ExportLinks path={path} query={query} lang={lang} />
          </p>
          <TranscriptTables d={d} f={f} />
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

/** The transcript's three tables (exams, lessons, practice quizzes); an empty one says so. */
export function TranscriptTables({ d, f }: { d: Omit<Transcript, "learner">; f: Formats }) {
  const { s } = f;
  const verdict = (v: boolean | null) =>
    v === null ? "—" : v ? s["result.passed"] : s["result.failed"];
  return (
    <>
      <table>
        <caption>{s.transcriptExams}</caption>
        <thead>
          <tr>
            <th scope="col">{s.attempt}</th>
            <th scope="col">{s.started}</th>
            <th scope="col">{s.ended}</th>
            <th scope="col">{s.score}</th>
            <th scope="col">{s.result}</th>
            <th scope="col">{s.duration}</th>
          </tr>
        </thead>
        <tbody>
          {d.exams.length === 0 && <NoRows s={s} cols={6} />}
          {d.exams.map((e, i) => (
            <tr key={e.registration}>
              <th scope="row">
                {i + 1}
                {e.attempt && e.attempt > 1 ? ` (${fill(s.retakeN, { n: e.attempt })})` : ""}
              </th>
              <td>{dateTime(f, e.startedAt)}</td>
              <td>{dateTime(f, e.endedAt)}</td>
              <td>{percent(f, e.scaled)}</td>
              <td>{e.endedAt ? verdict(e.passed) : s["result.unfinished"]}</td>
              <td>{duration(f, e.durationMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>{s.transcriptLessons}</caption>
        <thead>
          <tr>
            <th scope="col">{s.lesson}</th>
            <th scope="col">{s.firstOpened}</th>
            <th scope="col">{s.completedAt}</th>
            <th scope="col">{s.duration}</th>
          </tr>
        </thead>
        <tbody>
          {d.lessons.length === 0 && <NoRows s={s} cols={4} />}
          {d.lessons.map((l) => (
            <tr key={l.section}>
              <th scope="row">{l.section}</th>
              <td>{dateTime(f, l.firstOpened)}</td>
              <td>{dateTime(f, l.completed)}</td>
              <td>{duration(f, l.durationMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>{s.transcriptQuizzes}</caption>
        <thead>
          <tr>
            <th scope="col">{s.lesson}</th>
            <th scope="col">{s.completedAt}</th>
            <th scope="col">{s.score}</th>
            <th scope="col">{s.duration}</th>
          </tr>
        </thead>
        <tbody>
          {d.quizzes.length === 0 && <NoRows s={s} cols={4} />}
          {d.quizzes.map((q) => (
            <tr key={`${q.section}-${q.completedAt}`}>
              <th scope="row">{q.section}</th>
              <td>{dateTime(f, q.completedAt)}</td>
              <td>{percent(f, q.scaled)}</td>
              <td>{duration(f, q.durationMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
