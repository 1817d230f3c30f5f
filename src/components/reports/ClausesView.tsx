// The clause heatmap view: which answers count (practice, exam or both; first tries or all),
// the ten clauses to focus on (ranked by the lower end of a 95 % interval, so thin evidence
// cannot top the list), the heatmap with its legend, the full numbers as a table, and
// drill-downs: a clause's text and items, and the units side by side.
import { useEffect, useState } from "preact/hooks";
import {
  focusClauses,
  type HeatSource,
  heatValue,
  MIN_ANSWERS,
  quantileBreaks,
} from "../../lib/reports/heat.ts";
import type { ClauseHeat } from "../../lib/reports/types.ts";
import { ClauseDetailView } from "./ClauseDetail.tsx";
import { count, type Formats, fill, percent } from "./format.ts";
import { Heatmap, Legend, type SectionClauses } from "./Heatmap.tsx";
import { UnitComparison } from "./UnitComparison.tsx";
import { ExportLinks, useReport } from "./use-report.tsx";

interface Props {
  query: string;
  f: Formats;
  lang: string;
  prefix: string;
  sections: SectionClauses[];
  onError: (e: Error) => void;
}

function Choice<T extends string>(props: {
  legend: string;
  name: string;
  value: T;
  options: [T, string][];
  onChange: (v: T) => void;
}) {
  return (
    <fieldset class="choice no-print">
      <legend>{props.legend}</legend>
      {props.options.map(([value, label]) => (
        <label key={value}>
          <input
            type="radio"
            name={props.name}
            value={value}
            checked={props.value === value}
            onChange={() => props.onChange(value)}
          />{" "}
          {label}
        </label>
      ))}
    </fieldset>
  );
}

export function ClausesView({ query, f, lang, prefix, sections, onError }: Props) {
  const { s } = f;
  const [source, setSource] = useState<HeatSource>("practice");
  const [attempts, setAttempts] = useState<"first" | "all">("first");
  const [selected, setSelected] = useState<string | null>(null);
  const [compare, setCompare] = useState(false);
  const report = useReport<{ clauses: ClauseHeat[] }>(
    `/reports/clauses${query ? `?${query}` : ""}`,
  );
  useEffect(() => {
    if (report.error) onError(report.error);
  }, [report.error]);
  if (!report.data) return <p aria-busy="true">{s.loading}</p>;
  const first = attempts === "first";
  const q = query ? `${query}&` : "";
  const heats = report.data.clauses;
  const values = new Map(heats.map((h) => [h.clause, heatValue(h, source, first)]));
  const rates = [...values.values()].flatMap((v) => (v.rate === null ? [] : [v.rate]));
  const breaks = quantileBreaks(rates);
  const focus = focusClauses(heats, source, first);
  const answers = [...values.values()].reduce((sum, v) => sum + v.answers, 0);
  const sourceLabel = { practice: s.practice, exam: s.exam, both: s.practiceAndExam };
  return (
    <div>
      <div class="heat-controls">
        <Choice
          legend={s.answersFrom ?? ""}
          name="heat-source"
          value={source}
          onChange={setSource}
          options={[
            ["practice", s.practice ?? ""],
            ["exam", s.exam ?? ""],
            ["both", s.practiceAndExam ?? ""],
          ]}
        />
        <Choice
          legend={s.attemptsCounted ?? ""}
          name="heat-attempts"
          value={attempts}
          onChange={setAttempts}
          options={[
            ["first", s.firstTries ?? ""],
            ["all", s.allAnswers ?? ""],
          ]}
        />
      </div>
      <p class="print-only">
        {sourceLabel[source]} · {first ? s.firstTries : s.allAnswers}
      </p>
      <p>
        {fill(s.heatSummary, {
          n: count(f, answers),
          clauses: count(f, rates.length),
          min: MIN_ANSWERS,
        })}{" "}
        <ExportLinks
          path="clauses"
          query={`${q}source=${source}&attempts=${attempts}`}
          lang={lang}
        />
      </p>
      <h2 id="focus-title">{s.focus}</h2>
      {focus.length === 0 ? (
        <p>{fill(s.noFocus, { n: MIN_ANSWERS })}</p>
      ) : (
        <ol class="focus-list" aria-labelledby="focus-title">
          {focus.map((c) => (
            <li key={c.clause}>
              <button type="button" class="link-button" onClick={() => setSelected(c.clause)}>
                {c.clause.includes(".") ? c.clause : fill(s.sectionLevel, { n: c.clause })}
              </button>
              {": "}
              {fill(s.focusItem, {
                rate: percent(f, c.rate),
                low: percent(f, c.low),
                high: percent(f, c.high),
                n: count(f, c.answers),
                learners: count(f, c.learners),
              })}
            </li>
          ))}
        </ol>
      )}
      <h2>{s.heatmap}</h2>
      <Legend breaks={breaks} rates={rates} f={f} />
      <Heatmap
        sections={sections}
        values={values}
        breaks={breaks}
        f={f}
        selected={selected}
        onSelect={setSelected}
      />
      {selected && (
        <ClauseDetailView
          clause={selected}
          query={query}
          f={f}
          first={first}
          prefix={prefix}
          lang={lang}
          onClose={() => setSelected(null)}
          onError={onError}
        />
      )}
      <p class="no-print">
        <button type="button" aria-expanded={compare} onClick={() => setCompare(!compare)}>
          {s.compareUnits}
        </button>
      </p>
      {compare && (
        <UnitComparison
          query={query}
          f={f}
          lang={lang}
          source={source}
          first={first}
          onError={onError}
        />
      )}
      <table>
        <caption>
          {fill(s.heatTable, {
            source: sourceLabel[source] ?? "",
            attempts: first ? (s.firstTries ?? "") : (s.allAnswers ?? ""),
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{s.clause}</th>
            <th scope="col">{s.wrongRate}</th>
            <th scope="col">{s.interval}</th>
            <th scope="col">{s.wrongOfAnswers}</th>
            <th scope="col">{s.learnersCount}</th>
          </tr>
        </thead>
        <tbody>
          {heats.map((h) => {
            const v = values.get(h.clause);
            if (!v) return null;
            return (
              <tr key={h.clause}>
                <th scope="row">
                  {h.sectionLevel ? fill(s.sectionLevel, { n: h.clause }) : h.clause}
                </th>
                <td>
                  {v.rate === null ? fill(s.tooFewAnswers, { n: MIN_ANSWERS }) : percent(f, v.rate)}
                </td>
                <td>{v.answers > 0 ? `${percent(f, v.low)} – ${percent(f, v.high)}` : "—"}</td>
                <td>
                  {count(f, v.wrong)} / {count(f, v.answers)}
                </td>
                <td>{count(f, v.learners)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
