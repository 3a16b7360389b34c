/**
 * Round 54 (奈良県): a mark before an indicator's name that a legend line defines as the indicator's
 * direction — 「※転出超過数」 with 「※は数値が低い方が良くなる指標です。」 under the table. The mark is the
 * legend's, not part of the name (and no note line: the row carries figures), and it says which way is
 * better: the marked KPI's direction is 「減少」 (or 「増加」 for 「高い方が良い」). Unmarked indicators get
 * none — the legend speaks only of the marked ones. A mark no legend line defines is left alone (the
 * plausibility check refuses an indicator in a note's form, naming it).
 */
import type { Kpi } from "../core/sheet.ts";
import type { ImportIssue } from "./types.ts";

const MARKS = "※＊*◆●▲■☆★";

/** The direction a legend line gives the indicators its mark stands before, by mark. */
export function markedDirectionsOf(texts: readonly string[]): Map<string, "increase" | "decrease"> {
  const out = new Map<string, "increase" | "decrease">();
  for (const raw of texts) {
    const t = raw.replace(/<br\s*\/?>/gi, "").replace(/\s/g, "");
    // 「※は…」, 「※印は…」, 「※が付いた指標は…」, 「※を付した指標は…」: the line defines the mark.
    const m = new RegExp(
      `^([${MARKS}])(?:印)?(?:は|が付いた|がついた|の付いた|のついた|を付した|を付けた)`,
    ).exec(t);
    if (!m) continue;
    if (/(数値|値|指標|実績)?が?(低い|小さい|少ない)(方|ほう)が(良|よ)|減少を目指|減らすことを目指/.test(t))
      out.set(m[1]!, "decrease");
    else if (
      /(数値|値|指標|実績)?が?(高い|大きい|多い)(方|ほう)が(良|よ)|増加を目指|増やすことを目指/.test(t)
    )
      out.set(m[1]!, "increase");
  }
  return out;
}

/**
 * Strips a legend-defined mark from the front of each KPI's indicator and gives the KPI the mark's
 * direction (a direction the table's own 方向性 column printed is kept: the column is the KPI's own word).
 */
export function applyMarkedDirections(kpis: Kpi[], texts: readonly string[], issues: ImportIssue[]): void {
  const marks = markedDirectionsOf(texts);
  if (marks.size === 0) return;
  for (const k of kpis) {
    const mark = k.indicator.trim()[0] ?? "";
    const direction = marks.get(mark);
    if (!direction) continue;
    const name = k.indicator.trim().slice(1).trim();
    if (name === "") continue;
    const before = k.indicator;
    k.indicator = name;
    if (!k.direction) k.direction = { direction, label: mark };
    issues.push({
      row: k.row,
      column: null,
      kind: "indicator_mark_read",
      before,
      after: `${name}(${direction === "decrease" ? "減少" : "増加"}を目指す指標)`,
      confidence: "high",
      message: `指標名の前の「${mark}」は凡例が定める印: 指標名から外し、方向性として読んだ`,
    });
  }
}
