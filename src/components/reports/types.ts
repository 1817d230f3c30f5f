export type {
  ClauseHeat,
  DueLearner,
  ItemStatistics,
  MonthTrend,
  StuckLearner,
  UnitOverview,
} from "../../lib/reports/types.ts";

export type ReportStrings = Record<string, string>;
