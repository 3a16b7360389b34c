/**
 * A sheet that prints each KPI's 達成率 says what its target and actual are: the rate is the actual
 * over the target (the target over the actual for a KPI to lower, the distance from the baseline
 * for some, at most 100% for others). When most printed rates match no such reading of the target
 * and actual read beside them, those were read from the wrong columns (a final target for the year's,
 * another year's actual) — refused, naming an example. One KPI that disagrees is the sheet's own slip
 * (the audit reports it), not a misreading.
 */
import type { Kpi, Sheet, Value } from "../core/sheet.ts";
import { refuse } from "./refuse-reading.ts";

const num = (v: Value | undefined) => (v?.kind === "number" ? v.value : null);

/** The rates a printed 達成率 may be of this KPI's figures (of another of its actuals: round56-guards.ts). */
export function readings(k: Kpi, actual: Value | undefined = k.actual): number[] {
  const a = num(actual);
  const b = num(k.baseline);
  if (a === null) return [];
  const out: number[] = [];
  for (const t of [num(k.target), num(k.finalTarget)]) {
    if (t === null) continue;
    if (t !== 0) out.push(a / t);
    if (a !== 0) out.push(t / a);
    if (b !== null && t !== b) out.push((a - b) / (t - b));
  }
  return [...out, ...out.map((r) => Math.min(r, 1))];
}

/** A printed ratio (1.073 = 107.3%) rounded as sheets round it: to 1% or 0.1%, or from unrounded figures. */
export const matches = (printed: number, r: number) =>
  Math.abs(printed - r) <= Math.max(0.0051, 0.015 * Math.abs(printed));

export function checkPrintedRates(sheet: Sheet): void {
  const checked = sheet.kpis.filter((k) => typeof k.printedRate === "number" && readings(k).length > 0);
  if (checked.length < 3) return;
  const off = checked.filter((k) => !readings(k).some((r) => matches(k.printedRate!, r)));
  if (off.length * 2 <= checked.length) return;
  const k = off[0]!;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const t = num(k.target) ?? num(k.finalTarget);
  refuse(
    `達成率の欄が、読み取った目標値・実績値と${checked.length}件中${off.length}件で合いません` +
      `(例: 指標「${k.indicator.slice(0, 20)}」(${k.row}行目) 達成率 ${pct(k.printedRate!)}、実績値 ${num(k.actual)}・目標値 ${t})。` +
      "目標値か実績値を別の列(最終目標・別の年度)から読んだおそれがあります",
  );
}
