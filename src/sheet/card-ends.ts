/**
 * A card's target of the plan's end given as a key beside the indicator's name, with its own year
 * (瑞浪市's 施策評価調書: 「成果指標名 | 福祉ボランティアグループの数 | … | 令和5年度目標値 | 23」, the grid below
 * printing 24年度…30年度): the final target at that year — not a target of the evaluated year — listed among
 * the KPI's years after the grid's; and the unit it prints (「71.6%」, 「15,000人」) is the unit of the grid's
 * bare figures when the card names none.
 */
import type { Value } from "../core/sheet.ts";
import { squash } from "./columns.ts";

/** The unit after the figure of a final target's cell (「71.6%」 → %, 「15,000人」 → 人); null for a bare figure. */
export function unitOfEnd(text: string | undefined): string | null {
  const m = /^[▲△+\-−]?[\d,，.．]+\s*([^\d\s,，.．()（）]{1,4})$/.exec(squash(text ?? ""));
  return m ? m[1]!.replace(/％/, "%") : null;
}

/** The years with the final target's year added when it lies after the grid's last year. */
export function yearsWithEnd<Y extends { year: number; target: Value; actual: Value }>(
  years: Y[],
  end: { year: number; value: Value } | null,
  row: (year: number, target: Value) => Y,
): Y[] {
  if (!end || years.length === 0 || end.value.kind === "missing") return years;
  if (end.year <= Math.max(...years.map((y) => y.year))) return years;
  return [...years, row(end.year, end.value)];
}
