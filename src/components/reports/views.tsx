// The dashboard's views: each a table (the data) with, where it helps, a chart of it.
import { BarChart, heatColour, heatText } from "./charts.tsx";
import type {
  ClauseHeat,
  DueLearner,
  ItemStatistics,
  MonthTrend,
  ReportStrings,
  StuckLearner,
  UnitOverview,
} from "./types.ts";

const pct = (v: number | null) => (v === null ? "—" : `${Math.round(v * 100)} %`);
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "—");

export function OverviewView({ units, s }: { units: UnitOverview[]; s: ReportStrings }) {
  return (
    <div>
      <table>
        <caption>{s.overview}</caption>
        <thead>
          <tr>
            <th scope="col">{s.unit}</th>
            <th scope="col">{s.learners}</th>
            <th scope="col">{s.courseCompleted}</th>
            <th scope="col">{s.passRate}</th>
            <th scope="col">{s.averageScore}</th>
            <th scope="col">{s.overdue}</th>
            <th scope="col">{s.dueSoon}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.unit}>
              <th scope="row">{u.unit}</th>
              <td>{u.learners}</td>
              <td>{u.courseCompleted}</td>
              <td>{pct(u.examPassRate)}</td>
              <td>{pct(u.averageScore)}</td>
              <td>{u.overdue}</td>
              <td>{u.dueSoon}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {units.map((u) => (
        <figure key={u.unit}>
          <figcaption>
            {s.lessonCompletion}: {u.unit}
          </figcaption>
          <BarChart
            title={`${s.lessonCompletion}: ${u.unit}`}
            bars={u.lessonCompletion.map((v, i) => ({ label: `${s.lesson} ${i + 1}`, value: v }))}
          />
        </figure>
      ))}
    </div>
  );
}

export function DueView({
  learners,
  stuck,
  s,
  onOpen,
}: {
  learners: DueLearner[];
  stuck: StuckLearner[];
  s: ReportStrings;
  onOpen: (n: string) => void;
}) {
  return (
    <div>
      <table>
        <caption>{s.dueList}</caption>
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
          {learners.map((l) => (
            <tr key={l.personnelNumber}>
              <th scope="row">
                <button type="button" class="link-button" onClick={() => onOpen(l.personnelNumber)}>
                  {l.fullName} ({l.personnelNumber})
                </button>
              </th>
              <td>{l.unit}</td>
              <td>{l.status === "overdue" ? s.overdue : s.dueSoon}</td>
              <td>{day(l.lastPass)}</td>
              <td>{day(l.dueDate)}</td>
              <td>{l.email ? <a href={`mailto:${l.email}`}>{l.email}</a> : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>{s.stuckList}</caption>
        <thead>
          <tr>
            <th scope="col">{s.person}</th>
            <th scope="col">{s.unit}</th>
            <th scope="col">{s.lesson}</th>
            <th scope="col">{s.openedAt}</th>
          </tr>
        </thead>
        <tbody>
          {stuck.map((l) => (
            <tr key={`${l.personnelNumber}-${l.section}`}>
              <th scope="row">
                {l.fullName} ({l.personnelNumber})
              </th>
              <td>{l.unit}</td>
              <td>{l.section}</td>
              <td>{day(l.openedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ItemsView({ items, s }: { items: ItemStatistics[]; s: ReportStrings }) {
  return (
    <table>
      <caption>{s.items}</caption>
      <thead>
        <tr>
          <th scope="col">{s.item}</th>
          <th scope="col">{s.attempts}</th>
          <th scope="col">{s.facility}</th>
          <th scope="col">{s.discrimination}</th>
          <th scope="col">{s.options}</th>
          <th scope="col">{s.flags}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.itemId} class={i.flags.length ? "flagged" : ""}>
            <th scope="row">{i.itemId}</th>
            <td>{i.attempts}</td>
            <td>{pct(i.facility)}</td>
            <td>{i.discrimination === null ? "—" : i.discrimination.toFixed(2)}</td>
            <td>
              {Object.entries(i.options)
                .map(([k, v]) => `${k}: ${v}`)
                .join(", ")}
            </td>
            <td>{i.flags.map((f) => s[`flag.${f}`] ?? f).join(", ")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Every clause of sections 2–10 as a cell coloured by how often it is answered wrongly. */
export function ClausesView({
  clauses,
  s,
  prefix,
}: {
  clauses: ClauseHeat[];
  s: ReportStrings;
  prefix: string;
}) {
  const bySection = new Map<number, ClauseHeat[]>();
  for (const c of clauses) {
    const section = Number(c.clause.split(".")[0]);
    bySection.set(section, [...(bySection.get(section) ?? []), c]);
  }
  const worst = [...clauses].sort((a, b) => b.wrongRate - a.wrongRate).slice(0, 5);
  return (
    <div>
      {worst.length > 0 && (
        <p class="heat-summary">
          {s.focus}: {worst.map((c) => `${c.clause} (${pct(c.wrongRate)})`).join(", ")}
        </p>
      )}
      <div class="heatmap" role="img" aria-label={s.heatmap}>
        {[...bySection.entries()]
          .sort((a, b) => a[0] - b[0])
          .map(([section, cells]) => (
            <div class="heat-row" key={section}>
              <span class="heat-section">{section}</span>
              {cells
                .sort((a, b) => Number(a.clause.split(".")[1]) - Number(b.clause.split(".")[1]))
                .map((c) => (
                  <a
                    key={c.clause}
                    class="heat-cell"
                    href={`${prefix}/lessons/${section}/#clause-${c.clause.replace(".", "-")}`}
                    style={{ background: heatColour(c.wrongRate), color: heatText(c.wrongRate) }}
                    title={`${c.clause}: ${pct(c.wrongRate)}`}
                  >
                    {c.clause}
                  </a>
                ))}
            </div>
          ))}
      </div>
      <table>
        <caption>{s.heatmap}</caption>
        <thead>
          <tr>
            <th scope="col">{s.clause}</th>
            <th scope="col">{s.wrongRate}</th>
            <th scope="col">{s.practice}</th>
            <th scope="col">{s.exam}</th>
            <th scope="col">{s.learnersWrong}</th>
          </tr>
        </thead>
        <tbody>
          {clauses.map((c) => (
            <tr key={c.clause}>
              <th scope="row">
                <a
                  href={`${prefix}/lessons/${c.clause.split(".")[0]}/#clause-${c.clause.replace(".", "-")}`}
                >
                  {c.clause}
                </a>
              </th>
              <td>{pct(c.wrongRate)}</td>
              <td>
                {c.practiceWrong} / {c.practiceAnswers}
              </td>
              <td>
                {c.examWrong} / {c.examAnswers}
              </td>
              <td>{c.learnersWrong}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function TrendsView({ months, s }: { months: MonthTrend[]; s: ReportStrings }) {
  return (
    <div>
      <BarChart
        title={s.passRateByMonth ?? ""}
        bars={months.map((m) => ({ label: m.month, value: m.passRate }))}
      />
      <table>
        <caption>{s.trends}</caption>
        <thead>
          <tr>
            <th scope="col">{s.month}</th>
            <th scope="col">{s.lessonCompletions}</th>
            <th scope="col">{s.attempts}</th>
            <th scope="col">{s.passed}</th>
            <th scope="col">{s.passRate}</th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.month}>
              <th scope="row">{m.month}</th>
              <td>{m.lessonCompletions}</td>
              <td>{m.examAttempts}</td>
              <td>{m.examPassed}</td>
              <td>{pct(m.passRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
