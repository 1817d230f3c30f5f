// Monthly trends: completions (first lesson completions, the learners behind them, course
// completions) and the exam pass rate, each chart beside its data table; every month of the
// range is listed, months without events as zeros.
import { useEffect } from "preact/hooks";
import type { MonthTrend } from "../../lib/reports/types.ts";
import { BarChart } from "./charts.tsx";
import { count, type Formats, fill, month, percent } from "./format.ts";
import { ExportLinks, useReport } from "./use-report.tsx";

interface Props {
  query: string;
  f: Formats;
  lang: string;
  onError: (e: Error) => void;
}

export function TrendsView({ query, f, lang, onError }: Props) {
  const { s } = f;
  const report = useReport<{ months: MonthTrend[]; omitted: number }>(
    `/reports/trends${query ? `?${query}` : ""}`,
  );
  useEffect(() => {
    if (report.error) onError(report.error);
  }, [report.error]);
  if (!report.data) return <p aria-busy="true">{s.loading}</p>;
  const { months, omitted } = report.data;
  const maxCourse = Math.max(
    1,
    ...months.map((m) => Math.max(m.lessonLearners, m.courseCompletions)),
  );
  return (
    <div>
      <p>
        <ExportLinks path="trends" query={query} lang={lang} />
      </p>
      {omitted > 0 && <p class="note">{fill(s.monthsOmitted, { n: omitted })}</p>}
      <div class="chart-grid">
        <figure>
          <figcaption>{s.courseByMonth}</figcaption>
          <BarChart
            title={s.courseByMonth ?? ""}
            max={maxCourse}
            bars={months.map((m) => ({
              label: month(f, m.month),
              value: m.courseCompletions,
              text: count(f, m.courseCompletions),
            }))}
          />
        </figure>
        <figure>
          <figcaption>{s.passRateByMonth}</figcaption>
          <BarChart
            title={s.passRateByMonth ?? ""}
            max={1}
            bars={months.map((m) => ({
              label: month(f, m.month),
              value: m.passRate,
              text: m.passRate === null ? "—" : percent(f, m.passRate),
            }))}
          />
        </figure>
      </div>
      <table>
        <caption>{s.completionsTable}</caption>
        <thead>
          <tr>
            <th scope="col">{s.month}</th>
            <th scope="col">{s.lessonCompletions}</th>
            <th scope="col">{s.lessonLearners}</th>
            <th scope="col">{s.courseCompletions}</th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.month}>
              <th scope="row">{month(f, m.month)}</th>
              <td>{count(f, m.lessonCompletions)}</td>
              <td>{count(f, m.lessonLearners)}</td>
              <td>{count(f, m.courseCompletions)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>{s.examTable}</caption>
        <thead>
          <tr>
            <th scope="col">{s.month}</th>
            <th scope="col">{s.examAttempts}</th>
            <th scope="col">{s.passed}</th>
            <th scope="col">{s.passRate}</th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.month}>
              <th scope="row">{month(f, m.month)}</th>
              <td>{count(f, m.examAttempts)}</td>
              <td>{count(f, m.examPassed)}</td>
              <td>{percent(f, m.passRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
