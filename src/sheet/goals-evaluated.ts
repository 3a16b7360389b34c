import { squash } from "./columns.ts";

/**
 * A heading that says the sheet reports how far its 数値目標 got (「数値目標の達成状況」, 「基本目標の数値目標の
 * 進捗状況」, 「数値目標の検証」): the 数値目標 under it are what the sheet evaluates, not outcomes kept beside
 * KPIs. A bare 「数値目標」 heading says no such thing.
 */
export function goalsEvaluated(texts: readonly string[]): boolean {
  return texts.some((t) =>
    /^[0-9０-９()（）.．\s]*(?:基本目標の)?数値目標の(?:達成状況|進捗状況|進捗|実績|評価|検証)/.test(
      squash(t),
    ),
  );
}
