/**
 * Guards of round 42: shapes a reading left wrong with exit 0 while nagano-renkei's rules were being made,
 * refused now whatever reader path leaves them so (exit 2, `implausible_reading`, the row named).
 * - A unit printed in the indicator's name's brackets (「年間有効求人倍率(倍)」) that was not read as the KPI's unit,
 *   in a sheet whose other names' brackets were read as their units: the figures written without their unit.
 * - A figure read without the unit its KPI has (「58,120<br>H26年」, a figure over its survey year, parsed with the year
 *   glued on and the name's 百万円 not applied): the figure written 1,000,000 times too small.
 * - A note mark kept at the end of an indicator's name (「圏域の社会増減(人)※」): the mark points to a note under the
 *   table; a name read with it is a name misread (and its bracket's unit, before the mark, lost with it).
 */
import type { Kpi, Sheet } from "../core/sheet.ts";
import { squash } from "./columns.ts";

const NAME_BRACKET = /[(（]([^()（）0-9０-９]{1,4})[)）]$/;
const NOTE_MARK = /[※＊][0-9０-９]{0,2}$/;

/** The message naming a KPI whose name's bracket looks like the unit its neighbours' brackets were read as. */
export function unitInNameUnread(sheet: Sheet): string | null {
  const bracket = (name: string) => NAME_BRACKET.exec(squash(name))?.[1] ?? null;
  const readSo = sheet.kpis.filter((k) => k.unit && bracket(k.indicator) === squash(k.unit));
  if (readSo.length === 0) return null;
  for (const k of sheet.kpis) {
    const b = bracket(k.indicator);
    if (k.unit || !b) continue;
    const figures = [k.baseline, k.actual, k.target, k.finalTarget].some((v) => v?.kind === "number");
    if (!figures) continue;
    return `指標「${k.indicator}」(${k.row}行目)の名前の括弧「${b}」は、ほかの指標の名前の括弧(「${readSo[0]!.unit}」)と同じく単位のようですが、単位として読めていません。単位のない数値として書くと読み違いになります`;
  }
  return null;
}

/** The message naming a KPI with a unit one of whose figures was read without it. */
export function figureWithoutItsUnit(sheet: Sheet): string | null {
  for (const k of sheet.kpis) {
    if (!k.unit || squash(k.unit) === "") continue;
    const values = [
      k.baseline,
      k.target,
      k.actual,
      k.finalTarget,
      ...(k.years ?? []).flatMap((y) => [y.target, y.actual]),
    ];
    const bare = values.find((v) => v?.kind === "number" && !v.unit);
    if (bare?.kind === "number")
      return `指標「${k.indicator}」(${k.row}行目)の単位は「${k.unit}」ですが、数値「${bare.raw ?? bare.value}」を単位なしで読みました。単位の読み落としのおそれがあります`;
  }
  return null;
}

/** The message naming a KPI whose name was read with the note mark after it. */
export function noteMarkInName(sheet: Sheet): string | null {
  const k = sheet.kpis.find((x) => NOTE_MARK.test(squash(x.indicator)));
  return k
    ? `指標「${k.indicator}」(${k.row}行目)の名前の末尾に注記の印「${NOTE_MARK.exec(squash(k.indicator))![0]}」が残っています。表の下の注記を指す印で、名前の一部ではありません。名前の読み違いのおそれがあります`
    : null;
}

/** Round 42's refusals, the first that applies. */
export const round42Refusal = (sheet: Sheet): string | null =>
  unitInNameUnread(sheet) ?? figureWithoutItsUnit(sheet) ?? noteMarkInName(sheet);
