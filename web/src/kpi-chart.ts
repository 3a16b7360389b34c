/**
 * The KPI page's chart as data, pure (tested without a browser): each value sits at its own period
 * (12,025億円（令和2年）at 2020, not at the fiscal year of the sheet that printed it), and a KPI with
 * no number anywhere (待機児童なし) gets no chart at all.
 */
import type { KpiDetail } from "../../src/core/api/index.ts";
import type { Value } from "../../src/core/sheet.ts";
import { periodOfValue } from "../../src/core/value/format.ts";

type History = KpiDetail["history"];

export interface ChartPoints {
  /** The x axis: every year a value refers to, oldest first. */
  years: number[];
  actual: (number | null)[];
  target: (number | null)[];
  final: { year: number; value: number } | null;
  unit: string;
}

const numberOf = (v: Value) => (v.kind === "number" ? v.value : null);
const yearOf = (v: Value, fallback: number) => periodOfValue(v)?.year ?? fallback;

/** Null when there is nothing to draw (no numeric value in any year). */
export function chartPoints(history: History, finalTarget: Value): ChartPoints | null {
  const actualAt = new Map<number, number>();
  const targetAt = new Map<number, number>();
  for (const h of history) {
    const a = numberOf(h.actual);
    if (a !== null) actualAt.set(yearOf(h.actual, h.fiscalYear), a);
    const t = numberOf(h.target);
    if (t !== null) targetAt.set(yearOf(h.target, h.fiscalYear), t);
  }
  const fv = numberOf(finalTarget);
  const final =
    fv !== null && finalTarget.kind === "number" ? { year: finalTarget.period.year, value: fv } : null;
  if (actualAt.size === 0 && targetAt.size === 0 && !final) return null;
  const years = [...new Set([...actualAt.keys(), ...targetAt.keys(), ...(final ? [final.year] : [])])].sort(
    (a, b) => a - b,
  );
  const unitFrom = [finalTarget, ...history.map((h) => h.target)].find((v) => v.kind === "number");
  return {
    years,
    actual: years.map((y) => actualAt.get(y) ?? null),
    target: years.map((y) => targetAt.get(y) ?? null),
    final,
    unit: unitFrom?.kind === "number" ? (unitFrom.unit ?? "") : "",
  };
}
