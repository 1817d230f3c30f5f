// Units side by side: rows are the units in scope, columns the sections of the standards, each
// cell the wrong-answer rate (as text, coloured on the same relative scale as the heatmap).
import { useEffect } from "preact/hooks";
import { type HeatSource, quantileBreaks, sectionValue } from "../../lib/reports/heat.ts";
import type { UnitSections } from "../../lib/reports/types.ts";
import { count, type Formats, fill, percent } from "./format.ts";
import { cellStyle } from "./Heatmap.tsx";
import { ExportLinks, useReport } from "./use-report.tsx";

interface Props {
  query: string;
  f: Formats;
  lang: string;
  source: HeatSource;
  first: boolean;
  onError: (e: Error) => void;
}

export function UnitComparison({ query, f, lang, source, first, onError }: Props) {
  const { s } = f;
  const report = useReport<{ units: UnitSections[] }>(
    `/reports/clauses/units${query ? `?${query}` : ""}`,
  );
  useEffect(() => {
    if (report.error) onError(report.error);
  }, [report.error]);
  if (!report.data) return <p aria-busy="true">{s.loading}</p>;
  const units = report.data.units;
  const sections = Array.from({ length: 11 }, (_, i) => i + 1).filter((n) =>
    units.some(
      (u) =>
        (u.sections[n - 1]?.practice.answers ?? 0) + (u.sections[n - 1]?.exam.answers ?? 0) > 0,
    ),
  );
  const cells = units.map((u) =>
    sections.map((n) =>
      sectionValue(
        u.sections[n - 1] ?? {
          practice: { answers: 0, wrong: 0, firstAnswers: 0, firstWrong: 0 },
          exam: { answers: 0, wrong: 0, firstAnswers: 0, firstWrong: 0 },
        },
        source,
        first,
      ),
    ),
  );
  const breaks = quantileBreaks(cells.flat().flatMap((c) => (c.rate === null ? [] : [c.rate])));
  return (
    <div class="unit-comparison">
      <p>
        <ExportLinks
          path="clauses/units"
          query={`${query ? `${query}&` : ""}source=${source}&attempts=${first ? "first" : "all"}`}
          lang={lang}
        />
      </p>
      <table class="heat-table">
        <caption>{s.unitComparison}</caption>
        <thead>
          <tr>
            <th scope="col">{s.unit}</th>
            {sections.map((n) => (
              <th scope="col" key={n}>
                <span class="visually-hidden">{fill(s.sectionN, { n })}</span>
                <span aria-hidden="true">{n}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {units.map((u, row) => (
            <tr key={u.unit}>
              <th scope="row">{u.unitName}</th>
              {sections.map((n, col) => {
                const c = cells[row]?.[col] ?? { answers: 0, rate: null };
                return (
                  <td key={n} class="heat-td" style={cellStyle(c.rate, breaks)}>
                    {c.rate === null ? `n=${count(f, c.answers)}` : percent(f, c.rate)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
