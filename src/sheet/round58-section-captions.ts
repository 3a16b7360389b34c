/**
 * Round 58: a section's caption printed over each part's table (日向市: under every 「基本目標N …」 line, a 【数値目標】
 * table, then a 【重要業績評価指標(KPI)】 one). The first 【数値目標】 stands above the sheet's first table, among the
 * lines a print repeats at each page's top; printed again under 基本目標2 it was dropped as that running title, so the
 * 数値目標 table below it was read as KPIs with exit 0 (XLSX, where the caption is a row). A caption names the kind of
 * the table under it: repeated anywhere but right under a running title, it heads that table again.
 */
import {
  HEADING_KPIS,
  isSectionGoals,
  SECTION_GOALS,
  SECTION_KPIS,
  sectionText,
} from "./section-headings.ts";

const squashed = (t: string) => sectionText(t).replace(/\s+/g, "");

/** 「【数値目標】」, 「【重要業績評価指標(KPI)】」, 「数値目標」: a line that only names the kind of the table under it. */
export function isSectionCaption(text: string): boolean {
  const t = squashed(text);
  return t.length > 0 && t.length <= 16 && (SECTION_GOALS.test(t) || SECTION_KPIS.test(t));
}

/** Which kind a line names: 数値目標 (goals), KPIs, or neither (null). */
export function sectionKind(text: string): "goals" | "kpis" | null {
  const t = squashed(text);
  if (t.length === 0 || t.length > 30) return null;
  if (SECTION_GOALS.test(t) || isSectionGoals(t)) return "goals";
  if (SECTION_KPIS.test(t) || HEADING_KPIS.test(t)) return "kpis";
  return null;
}
