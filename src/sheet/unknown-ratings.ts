/**
 * A rating column none of whose labels means anything: every KPI's printed evaluation is a word no legend
 * lists and no rule knows (小矢部市's 区分 「当初」 / 「追加」 — when each indicator was set — read as the rating,
 * every KPI 評価不可 with exit 0). Real ratings are explained by a legend or are words that say how it went;
 * a column whose every label is neither is some other column taken for the rating: refused, naming its labels.
 * (A rating the sheet leaves empty, or 「―」, is no label.)
 */
import type { Sheet } from "../core/sheet.ts";
import { squash } from "./columns.ts";
import { parseEvaluationLabel } from "./parse-evaluation-label.ts";

/** The labels of the KPIs' printed ratings when none of them means anything; null otherwise. */
export function meaninglessRatings(sheet: Sheet): string[] | null {
  const scaled = new Set((sheet.scale?.bands ?? []).map((b) => squash(b.label)));
  const labels: string[] = [];
  for (const k of sheet.kpis) {
    const e = k.evaluation;
    if (e.printed === false || !e.label || /^[-‐－―ー−]$/.test(squash(e.label))) continue;
    if (e.category !== "not_evaluable" || scaled.has(squash(e.label))) return null;
    if (parseEvaluationLabel(e.label).known || /評価|判定|不能|対象外|未実施|なし/.test(e.label)) return null;
    // (Marks and letters — ◎, ①, A — are the legend's to explain: labels-explained.ts says which are not.)
    if (!/^[ぁ-んァ-ヶ一-龥]{2,}$/.test(squash(e.label))) return null;
    labels.push(squash(e.label));
  }
  return labels.length >= 2 ? [...new Set(labels)] : null;
}
