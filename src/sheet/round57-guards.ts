/**
 * Guard of round 57: the shape sukagawa-seika read wrong with exit 0 once its 成果動向 column was known but the
 * legend's caption was not — refused now whatever reader path leaves it so (exit 2, `implausible_reading`).
 * - A legend band labelled with an evaluation column's name (「成果動向」, 「達成状況」, 「進捗状況」: words a header of
 *   ratings prints, three characters or more) that no KPI's rating prints: the legend's caption
 *   (「成果動向:基準値とR4実績値を比べ…を示す。 向上:… やや向上:…」) read as its best band, every label after it a step
 *   lower than the city meant (向上 read as mostly on track, やや向上 as delayed).
 * - A KPI read with no rating while other KPIs of the sheet have theirs, though its own row prints a letter or mark the
 *   legend lists (「A」 under a second 「達成度」 beside 「-」): the rating column of its table taken for a rate and
 *   dropped (found by swapping header words on daisen-kensho; read since by round57-lone-label.ts).
 */
import type { Kpi, Sheet } from "../core/sheet.ts";
import { recogniseHeader } from "./column-fields.ts";
import type { SourceTable } from "./types.ts";

const MARK = /^([A-Za-zＡ-Ｚ][+＋]?|[◎○〇●△▲×])$/u;

function unreadRating(sheet: Sheet, table: SourceTable, name: (k: Kpi) => string): string | null {
  const labels = new Set((sheet.scale?.bands ?? []).map((b) => b.label.trim()).filter((l) => MARK.test(l)));
  if (labels.size < 2 || !sheet.kpis.some((k) => k.evaluation.printed !== false)) return null;
  for (const k of sheet.kpis) {
    if (k.evaluation.printed !== false) continue;
    const cells = table.rows.find((r) => r.row === k.row)?.cells ?? [];
    const mark = cells.map((c) => c.trim()).find((c) => labels.has(c));
    if (mark)
      return `${name(k)}の行は凡例の評価「${mark}」を印刷していますが、評価なしと読まれました(ほかの指標には評価があります)。評価の列を別の列として読んだおそれがあります`;
  }
  return null;
}

export function round57Refusal(sheet: Sheet, table: SourceTable, name: (k: Kpi) => string): string | null {
  const bands = sheet.scale?.bands ?? [];
  const printed = new Set(
    [...sheet.kpis, ...(sheet.numericGoals ?? [])].map((k) => (k.evaluation?.label ?? "").replace(/\s/g, "")),
  );
  for (const b of bands) {
    const label = b.label.replace(/\s/g, "");
    if ([...label].length < 3 || !/^[ぁ-んァ-ヶ一-龥]+$/.test(label) || printed.has(label)) continue;
    if (recogniseHeader(label).field === "evaluation")
      return `凡例の区分「${label}」は評価の列の名前で、どの指標の評価にも使われていません。凡例の見出しを区分として読み、区分の順(良い順)がずれたおそれがあります`;
  }
  return unreadRating(sheet, table, name);
}
