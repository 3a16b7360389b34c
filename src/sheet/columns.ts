/** The 14 columns of an evaluation sheet, in printed order, and how their headers are recognised. */

export const COLUMN_KEYS = [
  "goal",
  "subgoal",
  "measure",
  "initiatives",
  "status",
  "indicator",
  "target",
  "actual",
  "finalTarget",
  "evaluation",
  "reason",
  "challenge",
  "nextSteps",
  "departments",
] as const;

export type ColumnKey = (typeof COLUMN_KEYS)[number];

export const COLUMN_COUNT = COLUMN_KEYS.length;

/** Column names as printed (the year columns with the years left out). */
export const COLUMN_NAMES_JA: Record<ColumnKey, string> = {
  goal: "大基本目標",
  subgoal: "小基本目標",
  measure: "具体的な施策",
  initiatives: "主な取組",
  status: "主な取組及び関連事業の実施状況",
  indicator: "指標名",
  target: "目標値",
  actual: "実績値",
  finalTarget: "目標値(最終年度)",
  evaluation: "進捗評価",
  reason: "進捗が遅れている理由",
  challenge: "課題",
  nextSteps: "今後の方策等",
  departments: "担当課",
};

/** The group header printed above the column names. */
export const GROUP_HEADER = [
  "基本情報",
  "",
  "",
  "取組内容",
  "",
  "KPIの達成状況",
  "",
  "",
  "",
  "",
  "方向性",
  "",
  "",
  "担当課",
] as const;

const GROUP_WORDS = new Set(["基本情報", "取組内容", "KPIの達成状況", "方向性", "担当課"]);

/** A cell's text with line breaks and spaces removed and width folded, for comparing header words. */
export const squash = (text: string): string =>
  text
    .replace(/<br\s*\/?>/gi, "")
    .normalize("NFKC")
    .replace(/\s+/g, "");

/** Header words that only a column-name row contains (years removed before matching). */
const HEADER_WORDS = [
  "大基本目標",
  "小基本目標",
  "具体的な施策",
  "主な取組",
  "主な取組及び関連事業の実施状況",
  "指標名",
  "目標値",
  "実績値",
  "進捗評価",
  "進捗が遅れている理由",
  "課題",
  "今後の方策等",
  "担当課",
];

/** How many distinct column names a row's cells carry. */
export function headerScore(cells: readonly string[]): number {
  const seen = new Set<string>();
  for (const c of cells) {
    const s = squash(c).replace(/\(.*?\)/g, "");
    for (const w of HEADER_WORDS) {
      if (s === w || (w.length >= 3 && s.endsWith(w) && /年度|最終/.test(s))) seen.add(w);
    }
  }
  return seen.size;
}

/** A column-name row: most of the 14 names present. */
export const isHeaderRow = (cells: readonly string[]): boolean => headerScore(cells) >= 9;

/** The group header (基本情報 / 取組内容 / KPIの達成状況 / 方向性 / 担当課), with empty spacers. */
export function isGroupHeaderRow(cells: readonly string[]): boolean {
  const filled = cells.map(squash).filter((c) => c !== "");
  return filled.length >= 3 && filled.every((c) => GROUP_WORDS.has(c));
}
