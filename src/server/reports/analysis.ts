// Item analysis (as Moodle's quiz statistics), the clause heatmap, monthly trends and the
// per-learner transcript, computed with SQL aggregates over the projection.
import type {
  ClauseHeat,
  ItemStatistics,
  MonthTrend,
  TranscriptEntry,
} from "../../lib/reports/types.ts";
import type { Sql, SqlValue } from "../db/sql.ts";

export type { ClauseHeat, ItemStatistics, MonthTrend, TranscriptEntry };

import type { ReportFilter } from "./queries.ts";
import { rowScope, scope } from "./scope.ts";

const num = (v: SqlValue | undefined) => (v === null || v === undefined ? 0 : Number(v));

export const FACILITY_EASY = 0.9;
export const FACILITY_HARD = 0.3;
export const DISCRIMINATION_WEAK = 0.2;

/**
 * Facility and discrimination of every exam item. Discrimination is the product-moment
 * correlation between the item (0/1) and the attempt's score on the other items, as Moodle's
 * "discrimination index"; computed from SQL sums (E[x], E[y], E[xy], E[y²]).
 */
export async function itemAnalysis(sql: Sql, f: ReportFilter): Promise<ItemStatistics[]> {
  const s = await rowScope(sql, f);
  // y = the attempt's score on the other items, by a window over the attempt (registration).
  const rows = await sql.all(
    `WITH answers AS (
       SELECT e.item_id, e.section, COALESCE(e.success, 0) AS x,
              SUM(COALESCE(e.success, 0)) OVER (PARTITION BY e.registration) - COALESCE(e.success, 0) AS y
       FROM learning_events e WHERE e.kind = 'exam-item' AND e.verb = 'answered' AND ${s.where}
     )
     SELECT item_id, MIN(section) AS section, COUNT(*) AS n,
            AVG(CAST(x AS DOUBLE PRECISION)) AS ex, AVG(CAST(y AS DOUBLE PRECISION)) AS ey,
            AVG(CAST(x * y AS DOUBLE PRECISION)) AS exy, AVG(CAST(y * y AS DOUBLE PRECISION)) AS eyy
     FROM answers GROUP BY item_id ORDER BY item_id`,
    s.params,
  );
  const options = await sql.all(
    `SELECT e.item_id, COALESCE(e.response, '') AS response, COUNT(*) AS n FROM learning_events e
     WHERE e.kind = 'exam-item' AND e.verb = 'answered' AND ${s.where} GROUP BY e.item_id, e.response`,
    s.params,
  );
  return rows.map((r) => {
    const ex = num(r.ex);
    const ey = num(r.ey);
    const varX = ex * (1 - ex);
    const varY = num(r.eyy) - ey * ey;
    const discrimination =
      varX > 1e-12 && varY > 1e-12 ? (num(r.exy) - ex * ey) / Math.sqrt(varX * varY) : null;
    const flags: ItemStatistics["flags"] = [];
    if (ex > FACILITY_EASY) flags.push("too-easy");
    if (ex < FACILITY_HARD) flags.push("too-hard");
    if (discrimination !== null && discrimination < 0) flags.push("negative-discrimination");
    else if (discrimination !== null && discrimination < DISCRIMINATION_WEAK)
      flags.push("weak-discrimination");
    const distribution: Record<string, number> = {};
    for (const o of options.filter((o) => o.item_id === r.item_id)) {
      for (const choice of String(o.response).split("[,]").filter(Boolean)) {
        distribution[choice] = (distribution[choice] ?? 0) + num(o.n);
      }
    }
    return {
      itemId: String(r.item_id),
      section: num(r.section),
      attempts: num(r.n),
      facility: ex,
      discrimination,
      options: distribution,
      flags,
    };
  });
}

export async function clauseHeatmap(
  sql: Sql,
  f: ReportFilter,
  /** Which equivalent scope check to use; "auto" picks the cheaper one (tests pin each). */
  form: "auto" | "inside" | "outside" = "auto",
): Promise<ClauseHeat[]> {
  const s = await rowScope(sql, f, form);
  const rows = await sql.all(
    `SELECT e.clause,
            SUM(CASE WHEN e.kind = 'quiz-item' THEN 1 ELSE 0 END) AS pa,
            SUM(CASE WHEN e.kind = 'quiz-item' AND e.success = 0 THEN 1 ELSE 0 END) AS pw,
            SUM(CASE WHEN e.kind = 'exam-item' THEN 1 ELSE 0 END) AS ea,
            SUM(CASE WHEN e.kind = 'exam-item' AND e.success = 0 THEN 1 ELSE 0 END) AS ew,
            COUNT(DISTINCT CASE WHEN e.success = 0 THEN e.personnel_number END) AS lw
     FROM learning_event_clauses e
     WHERE e.verb = 'answered' AND e.kind IN ('quiz-item', 'exam-item') AND ${s.where}
     GROUP BY e.clause`,
    s.params,
  );
  return rows
    .map((r) => {
      const answers = num(r.pa) + num(r.ea);
      return {
        clause: String(r.clause),
        practiceAnswers: num(r.pa),
        practiceWrong: num(r.pw),
        examAnswers: num(r.ea),
        examWrong: num(r.ew),
        learnersWrong: num(r.lw),
        wrongRate: answers === 0 ? 0 : (num(r.pw) + num(r.ew)) / answers,
      };
    })
    .sort(
      (a, b) =>
        b.wrongRate - a.wrongRate || a.clause.localeCompare(b.clause, "en", { numeric: true }),
    );
}

export async function monthlyTrends(sql: Sql, f: ReportFilter): Promise<MonthTrend[]> {
  const s = scope(f);
  const rows = await sql.all(
    `SELECT SUBSTR(e.ts, 1, 7) AS month,
            SUM(CASE WHEN e.kind = 'lesson' AND e.verb = 'completed' THEN 1 ELSE 0 END) AS lessons,
            SUM(CASE WHEN e.kind = 'exam' AND e.verb IN ('passed', 'failed') THEN 1 ELSE 0 END) AS attempts,
            SUM(CASE WHEN e.kind = 'exam' AND e.verb = 'passed' THEN 1 ELSE 0 END) AS passed
     FROM learning_events e
     WHERE ((e.kind = 'lesson' AND e.verb = 'completed') OR (e.kind = 'exam' AND e.verb IN ('passed', 'failed')))
       AND ${s.where}
     GROUP BY SUBSTR(e.ts, 1, 7) ORDER BY month`,
    s.params,
  );
  return rows.map((r) => ({
    month: String(r.month),
    lessonCompletions: num(r.lessons),
    examAttempts: num(r.attempts),
    examPassed: num(r.passed),
    passRate: num(r.attempts) === 0 ? null : num(r.passed) / num(r.attempts),
  }));
}

export async function transcript(
  sql: Sql,
  personnelNumber: string,
  limit = 1000,
): Promise<TranscriptEntry[]> {
  const rows = await sql.all(
    `SELECT ts, verb, kind, section, item_id, success, scaled, duration_ms, registration FROM learning_events
     WHERE personnel_number = ? AND kind IN ('lesson', 'quiz', 'exam') ORDER BY ts DESC LIMIT ?`,
    [personnelNumber, limit],
  );
  return rows.map((r) => ({
    timestamp: String(r.ts),
    verb: String(r.verb),
    kind: String(r.kind),
    section: r.section === null ? null : num(r.section),
    itemId: r.item_id === null ? null : String(r.item_id),
    success: r.success === null ? null : num(r.success) === 1,
    scaled: r.scaled === null ? null : num(r.scaled),
    durationMs: r.duration_ms === null ? null : num(r.duration_ms),
    registration: r.registration === null ? null : String(r.registration),
  }));
}
