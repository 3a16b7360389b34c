/**
 * Guards of round 59: shapes the first reading (or a round-59 rule taken out) left wrong with exit 0, refused
 * whatever reader path leaves them so (exit 2, `implausible_reading`, the KPI or numeric goal named).
 * - A KPI or numeric goal left unrated that keeps, as a column read as is, a mark a legend line explains with a colon
 *   (kagamino-kensho's 推移 「↗」, with 「推移の見方 ◎:目標値を達成 ↗:基準値より改善 …」): the rating went unread. The
 *   legend may be a line above the table that Excel merged across every column (the same text in each cell) — a
 *   line reading-plausibility.ts's own check, which looks at rows of one cell, does not see: the XLSX first reading
 *   wrote every KPI unrated with exit 0. And an item may go unrated while the others are rated (the one-row 数値目標
 *   tables, round59-captioned-rating.ts asking two marks). Marks a legend explains as the work's course (hakui-nintei's
 *   総合評価 ◎:取組内容の深化、発展 …) are no rating and refuse nothing.
 * - No KPI rated and arrows kept as is under a column with no legend (the legend dropped): unexplainedArrows.
 */
import type { Kpi, NumericGoal, Sheet } from "../core/sheet.ts";
import { escapeRegExp, squash } from "./columns.ts";
import { courseLegend } from "./course-verdicts.ts";
import { ARROW_MARK } from "./round59-captioned-rating.ts";
import type { SourceTable } from "./types.ts";

const DASH = /^[-‐－―ー−]$/;

/** Lines a legend may be printed on: prose outside the table, rows of one cell, rows merged across (one text). */
export function legendCandidates(table: SourceTable): string[] {
  const merged = table.rows.flatMap((r) => {
    const texts = [...new Set(r.cells.map((c) => c.trim()).filter((c) => squash(c) !== ""))];
    return texts.length === 1 ? texts : [];
  });
  return [...table.outside.map((o) => o.text), ...merged];
}

function unreadMark(
  items: readonly (Kpi | NumericGoal)[],
  lines: readonly string[],
): { item: Kpi | NumericGoal; header: string; mark: string } | null {
  for (const item of items) {
    if (item.evaluation && item.evaluation.printed !== false) continue;
    for (const e of item.extras ?? []) {
      const mark = squash(e.text);
      // (a short mark, not a word: 「↗」, 「◎」, 「A」 — a course's 「継続」 is no rating)
      if (mark === "" || DASH.test(mark) || mark.length > 2 || /^[0-9]+$/.test(mark)) continue;
      const paired = new RegExp(`(^|[\\s　、,])${escapeRegExp(mark)}\\s*[:：]\\s*\\S`, "u");
      // (marks a legend explains as the work's course — 継続 / 見直し / 中止 — are no rating: course-verdicts.ts)
      if (lines.some((l) => paired.test(l)) && !courseLegend(e.header, [mark], lines))
        return { item, header: e.header, mark };
    }
  }
  return null;
}

/**
 * No KPI rated, and a column read as is holds arrows (↗ / → / ↘) on two KPIs or more, which no legend explains (the
 * legend dropped: kagamino-kensho without its 「推移の見方」 line): the arrows may be the rating or the trend, and
 * written as nothing the rating is lost with exit 0.
 */
function unexplainedArrows(sheet: Sheet, name: (k: Kpi) => string): string | null {
  if (sheet.kpis.some((k) => k.evaluation && k.evaluation.printed !== false)) return null;
  const arrow = new RegExp(`^${ARROW_MARK}$`, "u");
  const byHeader = new Map<string, Kpi[]>();
  for (const k of sheet.kpis)
    for (const e of k.extras ?? [])
      if (arrow.test(squash(e.text))) byHeader.set(e.header, [...(byHeader.get(e.header) ?? []), k]);
  for (const [header, kpis] of byHeader) {
    // (two arrows or more, as a rating's: a 工程表's 「→」 under each year, kishiwada-kensho's, marks the work going on)
    const marks = new Set(kpis.map((k) => squash(k.extras?.find((e) => e.header === header)?.text ?? "")));
    if (kpis.length >= 2 && marks.size >= 2)
      return `${name(kpis[0]!)}ほかの列「${header}」の矢印(「${kpis[0]!.extras?.find((e) => e.header === header)?.text}」)は評価か推移の向きか、凡例がなく分かりません。評価として読まずに取り込むと評価が失われます`;
  }
  return null;
}

export function round59Refusal(sheet: Sheet, table: SourceTable, name: (k: Kpi) => string): string | null {
  const lines = legendCandidates(table);
  const kpi = unreadMark(sheet.kpis, lines);
  const goal = kpi ? null : unreadMark(sheet.numericGoals ?? [], lines);
  const hit = kpi ?? goal;
  if (!hit) return unexplainedArrows(sheet, name);
  const who = kpi ? name(kpi.item as Kpi) : `数値目標「${hit.item.indicator}」`;
  return `${who}は評価がありませんが、列「${hit.header}」に凡例が意味を示す記号「${hit.mark}」があります。評価の列を読み落としたおそれがあります`;
}
