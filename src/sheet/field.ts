/** The fields a column of a sheet can carry (the reader's vocabulary, also a profile's). */
export type Field =
  | "no"
  | "goal"
  | "subgoal"
  | "measure"
  | "initiatives"
  | "status"
  | "indicator"
  | "unit"
  | "baseline"
  | "target"
  | "actual"
  | "finalTarget"
  | "rate"
  | "evaluation"
  | "direction"
  | "reason"
  | "challenge"
  | "nextSteps"
  | "departments"
  | "comments"
  | "year"
  | "extra";

/** Field names as the report prints them. */
export const FIELD_JA: Record<Field, string> = {
  no: "番号",
  goal: "基本目標",
  subgoal: "小基本目標",
  measure: "施策",
  initiatives: "主な取組",
  status: "実施状況",
  indicator: "指標名",
  unit: "単位",
  baseline: "基準値",
  target: "目標値",
  actual: "実績値",
  finalTarget: "最終目標値",
  rate: "達成率",
  evaluation: "評価",
  direction: "方向性",
  reason: "理由",
  challenge: "課題",
  nextSteps: "今後の方策",
  departments: "担当課",
  comments: "委員会意見",
  year: "年度(実績/目標の別なし)",
  extra: "その他(そのまま保持)",
};
