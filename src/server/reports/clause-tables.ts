// The clause views as tables for CSV and XLSX: the heatmap, the units compared by section and a
// clause's drill-down. The heatmap and the comparison start with the figures the officer had on
// screen (the chosen source and attempts: rate, 95 % interval, learners), then every count.
import { type HeatSource, heatValue, MIN_ANSWERS, sectionValue } from "../../lib/reports/heat.ts";
import type { ClauseDetail, ClauseHeat, UnitSections } from "../../lib/reports/types.ts";
import { pct, rate, type T } from "./about.ts";
import type { Cell, Table } from "./export.ts";

export interface HeatView {
  source: HeatSource;
  first: boolean;
}

export function clausesTable(t: T, rows: ClauseHeat[], view: HeatView): Table {
  const shown = t("reports.shownOnScreen");
  const part = (label: string) => [
    `${label}: ${t("reports.answers")}`,
    `${label}: ${t("reports.wrongAnswers")}`,
    `${label}: ${t("reports.wrongRate")}, %`,
    `${label}: ${t("reports.firstAnswers")}`,
    `${label}: ${t("reports.firstWrong")}`,
    `${label}: ${t("reports.firstRate")}, %`,
    `${label}: ${t("reports.learnersCount")}`,
  ];
  const values = (c: ClauseHeat["practice"]): Cell[] => [
    c.answers,
    c.wrong,
    c.answers >= MIN_ANSWERS ? rate(c.wrong, c.answers) : null,
    c.firstAnswers,
    c.firstWrong,
    c.firstAnswers >= MIN_ANSWERS ? rate(c.firstWrong, c.firstAnswers) : null,
    c.learners,
  ];
  return {
    columns: [
      t("reports.clause"),
      `${shown}: ${t("reports.answers")}`,
      `${shown}: ${t("reports.wrongAnswers")}`,
      `${shown}: ${t("reports.wrongRate")}, %`,
      `${shown}: ${t("reports.intervalLow")}, %`,
      `${shown}: ${t("reports.intervalHigh")}, %`,
      `${shown}: ${t("reports.learnersCount")}`,
      ...part(t("reports.practice")),
      ...part(t("reports.exam")),
    ],
    rows: rows.map((r) => {
      const v = heatValue(r, view.source, view.first);
      return [
        r.sectionLevel ? t("reports.sectionLevel", { n: r.section }) : r.clause,
        v.answers,
        v.wrong,
        pct(v.rate),
        v.answers > 0 ? pct(v.low) : null,
        v.answers > 0 ? pct(v.high) : null,
        v.learners,
        ...values(r.practice),
        ...values(r.exam),
      ];
    }),
  };
}

export function unitsTable(t: T, rows: UnitSections[], view: HeatView): Table {
  const shown = t("reports.shownOnScreen");
  return {
    columns: [
      t("reports.unitCode"),
      t("reports.unit"),
      t("reports.lesson"),
      `${shown}: ${t("reports.answers")}`,
      `${shown}: ${t("reports.wrongRate")}, %`,
      `${t("reports.practice")}: ${t("reports.answers")}`,
      `${t("reports.practice")}: ${t("reports.wrongRate")}, %`,
      `${t("reports.exam")}: ${t("reports.answers")}`,
      `${t("reports.exam")}: ${t("reports.wrongRate")}, %`,
    ],
    rows: rows.flatMap((u) =>
      u.sections
        .filter((s) => s.practice.answers + s.exam.answers > 0)
        .map((s) => {
          const v = sectionValue(s, view.source, view.first);
          return [
            u.unit,
            u.unitName,
            s.section,
            v.answers,
            pct(v.rate),
            s.practice.answers,
            rate(s.practice.wrong, s.practice.answers),
            s.exam.answers,
            rate(s.exam.wrong, s.exam.answers),
          ];
        }),
    ),
  };
}

/** A clause's items: where they are answered, how often and how often right. */
export function clauseTable(t: T, detail: ClauseDetail): Table {
  const facility = (right: number, n: number) => (n === 0 ? null : pct(right / n));
  return {
    columns: [
      t("reports.item"),
      t("reports.answersFrom"),
      t("reports.stem"),
      t("reports.answers"),
      t("reports.correctAnswers"),
      `${t("reports.facility")}, %`,
      t("reports.firstAnswers"),
      t("reports.firstCorrect"),
      `${t("reports.facility")} (${t("reports.firstAnswers")}), %`,
    ],
    rows: detail.items.map((i): Cell[] => [
      i.itemId,
      i.exam ? t("reports.exam") : t("reports.practice"),
      i.stem,
      i.answers,
      i.correct,
      facility(i.correct, i.answers),
      i.firstAnswers,
      i.firstCorrect,
      facility(i.firstCorrect, i.firstAnswers),
    ]),
  };
}
