/**
 * The KPI page's chart as data, pure (tested without a browser): each value sits at its own period
 * (12,025億円（令和2年）at 2020, not at the fiscal year of the sheet that printed it), and a KPI with
 * no number anywhere (待機児童なし) gets no chart at all. Earlier years a sheet printed in its year
 * columns (`printedYears`, never stored as years) are drawn too, where no stored year gives a value.
 */
import type { KpiDetail } from "../../src/core/api/index.ts";
import type { Value } from "../../src/core/sheet.ts";
import { periodOfValue } from "../../src/core/value/format.ts";

type History = KpiDetail["history"];
type Printed = KpiDetail["printedYears"];

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
export function chartPoints(history: History, finalTarget: Value, printed: Printed = []): ChartPoints | null {
  const actualAt = new Map<number, number>();
  const targetAt = new Map<number, number>();
  for (const h of history) {
    const a = numberOf(h.actual);
    if (a !== null) actualAt.set(yearOf(h.actual, h.fiscalYear), a);
    const t = numberOf(h.target);
    if (t !== null) targetAt.set(yearOf(h.target, h.fiscalYear), t);
  }
  // A stored year's own value wins over what another year's sheet printed for that period.
  for (const p of printed) {
    const a = numberOf(p.actual);
    if (a !== null && !actualAt.has(yearOf(p.actual, p.year))) actualAt.set(yearOf(p.actual, p.year), a);
    const t = numberOf(p.target);
    if (t !== null && !targetAt.has(yearOf(p.target, p.year))) targetAt.set(yearOf(p.target, p.year), t);
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

/** The history table's rows: the stored years and the printed earlier years, by year. */
export type HistoryRow =
  | { kind: "stored"; year: number; entry: History[number] }
  | { kind: "printed"; year: number; entry: Printed[number] };

export function historyRows(history: History, printed: Printed = []): HistoryRow[] {
  const rows: HistoryRow[] = [
    ...history.map((entry) => ({ kind: "stored" as const, year: entry.fiscalYear, entry })),
    ...printed.map((entry) => ({ kind: "printed" as const, year: entry.year, entry })),
  ];
  return rows.sort((a, b) => a.year - b.year);
}
