// The clause heatmap: for every clause of the standards, how often answers on items that test it
// are wrong, in practice and in the exam separately, for all answers and for first tries only
// (a learner's first answer to a practice item; the first exam attempt of a cycle), with the
// number of distinct learners. One pass over the clause rows' covering index; the dashboard
// derives rates, confidence and colours from these counts (src/lib/reports/heat.ts).
import type {
  ClauseDetail,
  ClauseHeat,
  HeatCounts,
  SectionCounts,
  UnitSections,
} from "../../lib/reports/types.ts";
import type { Section } from "../../lib/standards/parse.ts";
import type { Sql, SqlValue } from "../db/sql.ts";
import { eventScope, people, type ReportFilter, rowScope } from "./scope.ts";

const num = (v: SqlValue | undefined) => (v === null || v === undefined ? 0 : Number(v));
const empty = (): HeatCounts => ({
  answers: 0,
  wrong: 0,
  firstAnswers: 0,
  firstWrong: 0,
  learners: 0,
});

export function clauseOrder(a: string, b: string): number {
  const [as, ai] = a.split(".").map(Number);
  const [bs, bi] = b.split(".").map(Number);
  return (as ?? 0) - (bs ?? 0) || (ai ?? 0) - (bi ?? 0);
}

export async function clauseHeatmap(
  sql: Sql,
  f: ReportFilter,
  /** Which equivalent scope form to use; "auto" picks the cheaper one (tests pin each). */
  form: "auto" | "inside" | "outside" = "auto",
): Promise<ClauseHeat[]> {
  const s = await rowScope(sql, f, "clauses", form);
  // Without a date range, a person's first row per clause carries a flag, and summing it counts
  // the learners (a COUNT(DISTINCT) costs more than the rest of the query); within a range only
  // a COUNT(DISTINCT) says who answered in it.
  const learners = f.from || f.to ? "COUNT(DISTINCT e.person)" : "SUM(e.new_learner)";
  const rows = await sql.all(
    `SELECT e.clause, e.exam, COUNT(*) AS answers, SUM(1 - e.success) AS wrong,
            SUM(e.first_try) AS first_answers, SUM(e.first_try * (1 - e.success)) AS first_wrong,
            ${learners} AS learners
     FROM learning_event_clauses e WHERE ${s.where}
     GROUP BY e.clause, e.exam`,
    s.params,
  );
  const byClause = new Map<string, ClauseHeat>();
  for (const r of rows) {
    const clause = String(r.clause);
    const heat = byClause.get(clause) ?? {
      clause,
      section: Number(clause.split(".")[0]),
      sectionLevel: !clause.includes("."),
      practice: empty(),
      exam: empty(),
    };
    heat[num(r.exam) === 1 ? "exam" : "practice"] = {
      answers: num(r.answers),
      wrong: num(r.wrong),
      firstAnswers: num(r.first_answers),
      firstWrong: num(r.first_wrong),
      learners: num(r.learners),
    };
    byClause.set(clause, heat);
  }
  return [...byClause.values()].sort((a, b) => clauseOrder(a.clause, b.clause));
}

/** The items that test one clause, with their counts, and the clause's official text. */
export async function clauseDetail(
  sql: Sql,
  f: ReportFilter,
  clause: string,
  sections: readonly Section[],
  stems: ReadonlyMap<string, string>,
): Promise<ClauseDetail | null> {
  const section = sections.find((s) => s.clauses.some((c) => c.id === clause));
  const text = section?.clauses.find((c) => c.id === clause);
  if (!section || !text) return null;
  const s = await rowScope(sql, f, "clauses");
  const rows = await sql.all(
    `SELECT e.item_id, e.exam, COUNT(*) AS answers, SUM(e.success) AS correct,
            SUM(e.first_try) AS first_answers, SUM(e.first_try * e.success) AS first_correct
     FROM learning_event_clauses e WHERE e.clause = ? AND ${s.where}
     GROUP BY e.item_id, e.exam ORDER BY e.exam, e.item_id`,
    [clause, ...s.params],
  );
  return {
    clause,
    section: section.number,
    lead: text.item === null ? "" : section.lead,
    text: text.text,
    items: rows.map((r) => ({
      itemId: String(r.item_id),
      exam: num(r.exam) === 1,
      stem: stems.get(String(r.item_id)) ?? null,
      answers: num(r.answers),
      correct: num(r.correct),
      firstAnswers: num(r.first_answers),
      firstCorrect: num(r.first_correct),
    })),
  };
}

const counts = (): SectionCounts => ({ answers: 0, wrong: 0, firstAnswers: 0, firstWrong: 0 });

/**
 * Units side by side, by section of the items answered. An answer without a success flag is
 * neither right nor wrong: it is left out, as the heatmap leaves it out. Aggregated per learner first (the
 * covering index is ordered by kind and learner, so this streams), then per unit: a join per
 * learner rather than per answer.
 */
/** Over all time, each person's answers per section are kept counted (answer-totals.ts). */
const ALL_TIME_TOTALS = {
  sql: `SELECT kind, personnel_number, section, answers AS n, wrong AS w,
               first_answers AS fn, first_wrong AS fw
        FROM report_answer_totals`,
  params: [] as SqlValue[],
};

/** Within a date range the answers themselves are counted. */
function answersInPeriod(f: ReportFilter) {
  // Probing the (kind, person, …) index person by person beats testing every row here.
  const s = eventScope(f);
  return {
    sql: `SELECT e.kind, e.personnel_number, e.section, COUNT(*) AS n, SUM(1 - e.success) AS w,
                 SUM(CASE WHEN e.attempt = 1 THEN 1 ELSE 0 END) AS fn,
                 SUM(CASE WHEN e.attempt = 1 THEN 1 - e.success ELSE 0 END) AS fw
          FROM learning_events e
          WHERE e.kind IN ('quiz-item', 'exam-item') AND e.verb = 'answered'
            AND e.success IS NOT NULL AND ${s.where}
          GROUP BY e.kind, e.personnel_number, e.section`,
    params: s.params,
  };
}

export async function unitSections(
  sql: Sql,
  f: ReportFilter,
  names: ReadonlyMap<string, string> = new Map(),
): Promise<UnitSections[]> {
  const p = people(f);
  const perPerson = f.from || f.to ? answersInPeriod(f) : ALL_TIME_TOTALS;
  const rows = await sql.all(
    `SELECT u.unit_code AS unit, a.kind, a.section, SUM(a.n) AS answers, SUM(a.w) AS wrong,
            SUM(a.fn) AS first_answers, SUM(a.fw) AS first_wrong
     FROM (${perPerson.sql}) a JOIN users u ON u.personnel_number = a.personnel_number
     WHERE ${p.where}
     GROUP BY u.unit_code, a.kind, a.section`,
    [...perPerson.params, ...p.params],
  );
  // Every unit in scope has its row, answered or not.
  const units = new Map<string, UnitSections>(
    [...new Set(f.units)].map((unit) => [
      unit,
      {
        unit,
        unitName: names.get(unit) ?? unit,
        sections: Array.from({ length: 11 }, (_, i) => ({
          section: i + 1,
          practice: counts(),
          exam: counts(),
        })),
      },
    ]),
  );
  for (const r of rows) {
    const unit = String(r.unit);
    const entry = units.get(unit);
    if (!entry) continue;
    const target = entry.sections[num(r.section) - 1];
    if (target) {
      target[r.kind === "exam-item" ? "exam" : "practice"] = {
        answers: num(r.answers),
        wrong: num(r.wrong),
        firstAnswers: num(r.first_answers),
        firstWrong: num(r.first_wrong),
      };
    }
  }
  return [...units.values()].sort((a, b) => a.unit.localeCompare(b.unit));
}
