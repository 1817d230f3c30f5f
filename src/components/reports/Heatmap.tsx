// The clause heatmap itself: one row per section of the standards, one cell per clause, each
// cell a button that opens the clause's drill-down and carries its value as text (the colour is
// never the only signal). Colours follow a relative scale (quintiles of the rates shown); rates
// from too few answers are left grey. A legend explains both.
import {
  HEAT_COLOURS,
  HEAT_TEXT,
  type HeatValue,
  heatClass,
  heatLegend,
  MIN_ANSWERS,
} from "../../lib/reports/heat.ts";
import { count, type Formats, fill, percent } from "./format.ts";

export interface SectionClauses {
  number: number;
  clauses: string[];
}

interface Props {
  sections: SectionClauses[];
  values: Map<string, HeatValue>;
  breaks: number[];
  f: Formats;
  selected: string | null;
  onSelect: (clause: string) => void;
}

export function cellStyle(rate: number | null, breaks: readonly number[]) {
  if (rate === null) return { background: "#f4f6f8", color: "#1b1f24" };
  const k = heatClass(rate, breaks);
  return { background: HEAT_COLOURS[k], color: HEAT_TEXT[k] };
}

export function Legend({ breaks, rates, f }: { breaks: number[]; rates: number[]; f: Formats }) {
  return (
    <div class="heat-legend">
      <p class="heat-legend-title">{f.s.legend}</p>
      <ul>
        {heatLegend(breaks, rates).map((c) => (
          <li key={c.colour}>
            <span class="swatch" style={{ background: c.colour, color: c.text }} aria-hidden="true">
              ■
            </span>{" "}
            {percent(f, c.from)} – {percent(f, c.to)}
          </li>
        ))}
        <li>
          <span class="swatch swatch-none" aria-hidden="true">
            ■
          </span>{" "}
          {fill(f.s.tooFewAnswers, { n: MIN_ANSWERS })}
        </li>
      </ul>
      <p class="muted">{f.s.legendRelative}</p>
    </div>
  );
}

export function Heatmap({ sections, values, breaks, f, selected, onSelect }: Props) {
  const { s } = f;
  return (
    <div class="heatmap">
      {sections.map((section) => (
        <div class="heat-row" key={section.number}>
          <span class="heat-section" id={`heat-section-${section.number}`}>
            {fill(s.sectionN, { n: section.number })}
          </span>
          <ul aria-labelledby={`heat-section-${section.number}`}>
            {section.clauses.map((clause) => {
              const v = values.get(clause);
              const rate = v?.rate ?? null;
              const sectionLevel = !clause.includes(".");
              return (
                <li key={clause}>
                  <button
                    type="button"
                    class="heat-cell"
                    aria-pressed={selected === clause}
                    style={cellStyle(rate, breaks)}
                    title={
                      v
                        ? fill(s.cellTitle, {
                            wrong: count(f, v.wrong),
                            n: count(f, v.answers),
                            low: percent(f, v.low),
                            high: percent(f, v.high),
                          })
                        : s.noAnswers
                    }
                    onClick={() => onSelect(clause)}
                  >
                    <span class="heat-id">
                      {sectionLevel ? fill(s.sectionLevel, { n: clause }) : clause}
                    </span>
                    <span class="heat-rate">
                      {rate !== null ? percent(f, rate) : v ? `n=${count(f, v.answers)}` : "—"}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </div>
  );
}
