/**
 * Guards of round 54: the shapes shingu-shinchoku and nara-sousei are written wrong with exit 0 in when a round-54
 * rule is taken out (their first readings were refusals; each rule, added alone, left another field silently wrong),
 * refused now whatever reader path leaves them so (exit 2, `implausible_reading`, the KPI or band named).
 * - A band whose meaning opens with the target reached (「達成済、目標をほぼ達成(8割以上達成)」) read as anything but
 *   on track: the band of reached read by its widening share (legend-categories.ts).
 * - A KPI with no 担当課 inside a 施策 whose KPI above names one, in a table where every other KPI names one: a cell
 *   merged over the group's rows read as none (group-cells.ts).
 * - An indicator still starting with a mark a legend line defines (「※転出超過数」 beside 「※は数値が低い方が良くなる
 *   指標です。」): the mark read into the name, its direction lost (round54-marked-direction.ts).
 * - An evaluated year whose actual no KPI has, while an earlier year's is printed (R5 / R6 実績 columns of 「―」
 *   only): a year not yet reported taken for the evaluated one (evaluated-year.ts).
 */
import type { Kpi, Sheet } from "../core/sheet.ts";
import { markedDirectionsOf } from "./round54-marked-direction.ts";
import type { SourceTable } from "./types.ts";

const REACHED_FIRST = /^(目標)?(達成済み?|既達成|達成)[、,・]/;

export function round54Refusal(sheet: Sheet, table: SourceTable, name: (k: Kpi) => string): string | null {
  for (const b of sheet.scale?.bands ?? [])
    if (
      REACHED_FIRST.test(b.meaning.replace(/\s/g, "")) &&
      !/未達成/.test(b.meaning) &&
      b.category !== "on_track"
    )
      return `評価「${b.label}」の凡例「${b.meaning.slice(0, 30)}」は目標の達成を含む区分ですが、達成以外の区分として読まれました。凡例の読み違いのおそれがあります`;

  const kpis = sheet.kpis;
  const named = (k: Kpi) => (k.departments ?? []).length > 0;
  const blank = kpis.filter((k) => !named(k));
  if (blank.length > 0 && blank.length * 4 <= kpis.length)
    for (const k of blank) {
      const i = kpis.indexOf(k);
      const above = kpis[i - 1];
      if (
        above &&
        named(above) &&
        JSON.stringify([above.goal, above.subgoal, above.measure]) ===
          JSON.stringify([k.goal, k.subgoal, k.measure])
      )
        return `${name(k)}の担当課が空です。同じ施策の上の指標には担当課があり、ほかの指標もすべて担当課があります。結合されたセルを空と読んだおそれがあります`;
    }

  const texts = [
    ...table.outside.map((o) => o.text),
    ...table.rows.map((r) => r.cells.filter((c) => c.trim() !== "").join(" ")),
  ];
  const marks = markedDirectionsOf(texts);
  for (const k of kpis) {
    const mark = k.indicator.trim()[0] ?? "";
    if (marks.has(mark) && k.indicator.trim().length > 1)
      return `${name(k)}は凡例が定める印「${mark}」で始まります。印を指標名の一部として読んだおそれがあります`;
  }

  const fy = sheet.fiscalYear;
  const withYears = kpis.filter((k) => (k.years ?? []).length >= 2);
  if (
    withYears.length > 0 &&
    withYears.every((k) => k.years!.every((y) => y.year !== fy || y.actual?.kind !== "number")) &&
    withYears.some((k) => k.years!.some((y) => y.year < fy && y.actual?.kind === "number"))
  )
    return `評価年度 ${fy}年度の実績がどの指標にもなく、それより前の年度には実績があります。実績の未確定の年度を評価年度と読んだおそれがあります`;
  return null;
}
