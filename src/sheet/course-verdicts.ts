/**
 * A committee's verdict on the work's course printed under a rating's name (羽咋市's 有識者会議: 「総合評価」
 * over ◎ / 〇 / △ / ×, its legend 「総合評価 ◎:取組内容の深化、発展 〇:取組内容の継続 △:取組内容の見直し
 * ×:取組の中止・終了」): what is to be done with the 施策 next, not how far its KPI went — a KPI well above its
 * baseline may be told to end, one below it to go on. Read as the KPI's rating, ◎ became on track and × delayed.
 * When the column's own legend gives every mark a meaning of course words only (深化・発展, 継続, 見直し, 中止…)
 * and none of progress (達成, 順調, 遅れ, 目標…), the column is kept as an extra (reported). The guard
 * (`courseReadAsRating`, checkReading) refuses such a legend read as the KPIs' scale.
 */
import type { Sheet } from "../core/sheet.ts";
import { FIELD_JA } from "./column-fields.ts";
import { escapeRegExp, squash } from "./columns.ts";
import type { FoundHeader } from "./find-header.ts";
import { headedLegendBlocks } from "./legend-blocks.ts";
import type { ImportIssue, SourceRow } from "./types.ts";

/** Words of a course of work: go further, go on, rethink, shrink, merge, stop. */
const COURSE = /深化|発展|拡充|拡大|継続|現状維持|見直し|縮小|統合|中止|終了|廃止|休止|再構築/;
/** Words of progress or of a figure: a legend saying any of them rates how far the KPI went. */
const PROGRESS =
  /達成|順調|遅れ|進捗|進ん|進ま|目標|実績|上回|下回|[%％]|割以上|効果|成果|伸び|向上|悪化|基準値|計画(通り|どおり|以上|以下)|十分|不十分/;

/** Whether a legend's meaning speaks only of the work's course. */
export const isCourseMeaning = (meaning: string): boolean => {
  const t = meaning.normalize("NFKC");
  return COURSE.test(t) && !PROGRESS.test(t);
};

/**
 * Each label's meaning in a legend line (「◎:取組内容の深化、発展 〇:取組内容の継続 …」), or null when a label
 * is not set off in it.
 */
export function meaningsOf(line: string, labels: readonly string[]): Map<string, string> | null {
  const alt = labels.map(escapeRegExp).join("|");
  const re = new RegExp(String.raw`(?:^|\s)(${alt})\s*[:：]?\s*(.+?)(?=\s+(?:${alt})\s*[:：]?\s*\S|$)`, "gu");
  const out = new Map<string, string>();
  for (const m of line.matchAll(re)) if (!out.has(m[1]!)) out.set(m[1]!, m[2]!.trim());
  return labels.every((l) => out.has(l)) ? out : null;
}

/** The legend line headed by the column's name whose every label means a course, or null. */
export function courseLegend(
  header: string,
  labels: readonly string[],
  texts: readonly string[],
): string | null {
  const names = [squash(header), squash(header.split(/\s+/).at(-1) ?? "")].filter((n) => n.length >= 2);
  for (const text of headedLegendBlocks(texts)) {
    const t = text.replace(/<br\s*\/?>/gi, " ").trim();
    const name = names.find((n) => squash(t).startsWith(n));
    if (!name) continue;
    const meanings = meaningsOf(t, labels);
    if (meanings && [...meanings.values()].every(isCourseMeaning)) return t;
  }
  return null;
}

/** The evaluation column whose labels its own legend explains as the work's course becomes an extra. */
export function courseVerdictsAsExtra(
  header: FoundHeader,
  rows: readonly SourceRow[],
  issues: ImportIssue[],
  legendTexts: readonly string[],
): void {
  header.columns.forEach((c, col) => {
    if (c.confirmed || c.field !== "evaluation") return;
    const cells = rows.map((r) => squash(r.cells[col] ?? "")).filter((t) => t !== "");
    // (Short labels only: a mark or a letter, not a sentence.)
    if (cells.length < 2 || cells.some((t) => t.length > 3)) return;
    const labels = [...new Set(cells)];
    const line = courseLegend(c.header, labels, legendTexts);
    if (!line) return;
    issues.push({
      row: null,
      column: c.header,
      kind: "course_verdicts_kept",
      before: FIELD_JA.evaluation,
      after: FIELD_JA.extra,
      confidence: "medium",
      message: `列「${c.header}」の記号(${labels.join("・")})は、凡例「${line.slice(0, 40)}…」が取組の今後の方向(継続・見直し・中止など)として説明しています: 指標の進捗の評価ではないため、そのまま残しました`,
    });
    c.field = "extra";
  });
}

/**
 * The guard: KPIs rated on a scale whose every band (not the not-evaluable ones) means a course of the work —
 * a verdict on what to do next read as how far the KPI went. The refusal's reason, or null.
 */
export function courseReadAsRating(sheet: Sheet): string | null {
  const bands = (sheet.scale?.bands ?? []).filter((b) => b.category !== "not_evaluable");
  if (bands.length < 2 || !bands.every((b) => isCourseMeaning(b.meaning))) return null;
  const labels = new Set(bands.map((b) => squash(b.label)));
  const k = sheet.kpis.find(
    (x) => x.evaluation?.printed !== false && !!x.evaluation?.label && labels.has(squash(x.evaluation.label)),
  );
  if (!k) return null;
  const band = bands.find((b) => squash(b.label) === squash(k.evaluation.label ?? ""))!;
  return `指標「${k.indicator.slice(0, 20)}」(${k.row}行目)の評価「${band.label}」は、凡例では「${band.meaning.slice(0, 24)}」— 取組の今後の方向(継続・見直し・中止など)を示す語で、指標の進捗の評価ではありません。方向を評価として読んだおそれがあります`;
}
