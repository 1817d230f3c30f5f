// Per unit: learners, course completion, exam pass rate and score, overdue and due soon; then
// completion per lesson as a table (the data) and as one bar chart per unit.
import type { UnitOverview } from "../../lib/reports/types.ts";
import { BarChart } from "./charts.tsx";
import { count, type Formats, percent } from "./format.ts";

const LESSONS = Array.from({ length: 11 }, (_, i) => i + 1);

export function OverviewView({ units, f }: { units: UnitOverview[]; f: Formats }) {
  const { s } = f;
  return (
    <div>
      <table>
        <caption>{s.overview}</caption>
        <thead>
          <tr>
            <th scope="col">{s.unit}</th>
            <th scope="col">{s.learners}</th>
            <th scope="col">{s.courseCompleted}</th>
            <th scope="col">{s.examAttempts}</th>
            <th scope="col">{s.passRate}</th>
            <th scope="col">{s.averageScore}</th>
            <th scope="col">{s.overdue}</th>
            <th scope="col">{s.dueSoon}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.unit}>
              <th scope="row">{u.unitName}</th>
              <td>{count(f, u.learners)}</td>
              <td>
                {count(f, u.courseCompleted)} (
                {percent(f, u.learners ? u.courseCompleted / u.learners : null)})
              </td>
              <td>{count(f, u.examAttempts)}</td>
              <td>{percent(f, u.examPassRate)}</td>
              <td>{percent(f, u.averageScore)}</td>
              <td>{count(f, u.overdue)}</td>
              <td>{count(f, u.dueSoon)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table class="lesson-table">
        <caption>{s.lessonCompletion}</caption>
        <thead>
          <tr>
            <th scope="col">{s.unit}</th>
            {LESSONS.map((n) => (
              <th scope="col" key={n}>
                <span class="visually-hidden">{s.lesson} </span>
                {n}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.unit}>
              <th scope="row">{u.unitName}</th>
              {LESSONS.map((n) => (
                <td key={n}>
                  {percent(f, u.lessonCompletion[n - 1] ?? 0)}
                  <span class="muted"> ({count(f, u.lessonCompleted[n - 1] ?? 0)})</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div class="chart-grid">
        {units.map((u) => (
          <figure key={u.unit}>
            <figcaption>
              {s.lessonCompletion}: {u.unitName}
            </figcaption>
            <BarChart
              title={`${s.lessonCompletion}: ${u.unitName}`}
              max={1}
              bars={u.lessonCompletion.map((v, i) => ({
                label: `${s.lesson} ${i + 1}`,
                value: v,
                text: percent(f, v),
              }))}
            />
          </figure>
        ))}
      </div>
    </div>
  );
}
