/**
 * Guards of round 58: the shapes hyuga-suuchi read wrong with exit 0 — refused now whatever reader path leaves them
 * so (exit 2, `implausible_reading`).
 * - A legend band that only says the target was not reached (「×:目標に達していない」) read as on track or mostly
 *   on track: a two-band legend's second entry rated by the legend's order alone.
 * - A legend band whose words, outside its parentheses, only say the target was reached (「◎:目標を達成(「増加」は
 *   基準値を上回ったもの、…)」) read as anything but on track: an aside taken for the band's own words.
 * - A KPI read under a 数値目標 caption (「【数値目標】」, the last caption printed above its row, no KPI caption
 *   between) in a sheet whose other 数値目標 were read as such: a table of the 基本目標's goals read as KPIs (its
 *   caption dropped as a running title, XLSX).
 * Each was verified by taking its reading rule out (round58-legend-words.ts, round58-section-captions.ts): the fixture
 * was then refused, not written wrong.
 */
import type { Kpi, Sheet } from "../core/sheet.ts";
import { sectionKind } from "./round58-section-captions.ts";
import type { SourceTable } from "./types.ts";

const outsideParens = (t: string) =>
  t
    .normalize("NFKC")
    .replace(/\([^()]*\)/g, "")
    .replace(/[\s。.]/g, "");
const ONLY_NOT_REACHED =
  /^(目標|目標値|計画値?)(に|まで)(は)?(達して(い)?ない|達しない|達せず|達しなかった|届いて(い)?ない|届かない|届かなかった)(もの)?$/;
const ONLY_REACHED = /^(目標|目標値)を?達成(した|している)?(もの)?$/;

function legendRefusal(sheet: Sheet): string | null {
  for (const b of sheet.scale?.bands ?? []) {
    const words = outsideParens(b.meaning ?? "");
    if (ONLY_NOT_REACHED.test(words) && b.category !== "delayed")
      return `凡例の区分「${b.label}」(${b.meaning})は目標に達していないことを示しますが、遅れ以外として読まれました。凡例の並び順だけで区分を決めたおそれがあります`;
    // A parenthesis with a figure (「(達成率100%以上)」) may bound the band: only asides of words are passed over.
    const asides = (b.meaning ?? "").normalize("NFKC").match(/\([^()]*\)/g) ?? [];
    if (ONLY_REACHED.test(words) && b.category !== "on_track" && !asides.some((a) => /\d|割/.test(a)))
      return `凡例の区分「${b.label}」(${b.meaning})は目標の達成を示しますが、達成以外として読まれました。括弧内の説明を区分の意味として読んだおそれがあります`;
  }
  return null;
}

/** The captions (「【数値目標】」 / 「【KPI】」) printed on their own, as rows or as lines, with the row they stand on. */
function captions(table: SourceTable): { row: number; kind: "goals" | "kpis" }[] {
  const lines = [
    ...table.outside,
    ...table.rows.flatMap((r) => {
      const filled = [...new Set(r.cells.map((c) => c.trim()).filter((c) => c !== ""))];
      return filled.length === 1 ? [{ row: r.row, text: filled[0]! }] : [];
    }),
  ];
  return lines
    .flatMap((l) => {
      const kind = sectionKind(l.text);
      return kind ? [{ row: l.row, kind }] : [];
    })
    .sort((a, b) => a.row - b.row);
}

export function round58Refusal(sheet: Sheet, table: SourceTable, name: (k: Kpi) => string): string | null {
  const legend = legendRefusal(sheet);
  if (legend) return legend;
  // A sheet of 数値目標 only (久留米市's 広報: 「数値目標の達成状況」 over its one table) lists them as its KPIs: the
  // shape is KPIs under a goals caption beside goals the reader did tell apart.
  if ((sheet.numericGoals ?? []).length === 0) return null;
  const marks = captions(table);
  if (!marks.some((m) => m.kind === "goals")) return null;
  for (const k of sheet.kpis) {
    const last = marks.filter((m) => m.row < k.row).at(-1);
    if (last?.kind === "goals")
      return `${name(k)}は「数値目標」の見出し(${last.row}行目)の下の表にありますが、KPIとして読まれました。数値目標の表の見出しを読み落としたおそれがあります`;
  }
  return null;
}
