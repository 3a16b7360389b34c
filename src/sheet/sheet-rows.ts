/** A sheet/1 sheet laid out as the printed 14 columns (used by the CSV and XLSX writers). */

import { statedLabelJa } from "../core/evaluation/stated-label.ts";
import type { Period } from "../core/period.ts";
import { finalTargetColumnJa, type Kpi, type Sheet, type Value } from "../core/sheet.ts";
import { formatQuantityJa, formatValueJa, LINE_SEGMENTS } from "../core/value/format.ts";
import { formatEraYear, gregorianToEraYear } from "../core/wareki.ts";
import { COLUMN_NAMES_JA, GROUP_HEADER } from "./columns.ts";

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟";

const era = (year: number) => {
  const e = gregorianToEraYear(year);
  return e ? formatEraYear(e) : `${year}`;
};
const periodText = (p: Period) => `${era(p.year)}年${p.basis === "fiscal" ? "度" : ""}`;

/** The final-target column's period: the commonest period among the final targets. */
export function finalPeriodOf(sheet: Sheet): Period {
  const counts = new Map<string, { p: Period; n: number }>();
  for (const k of sheet.kpis) {
    const v = k.finalTarget;
    if (v.kind !== "number" && v.kind !== "segmented") continue;
    const key = `${v.period.year}:${v.period.basis}`;
    const c = counts.get(key) ?? { p: v.period, n: 0 };
    c.n++;
    counts.set(key, c);
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n || b.p.year - a.p.year)[0];
  return best?.p ?? { year: sheet.fiscalYear + 2, basis: "fiscal" };
}

export function headerRow(sheet: Sheet): string[] {
  const fy = `${era(sheet.fiscalYear)}年度`;
  return [
    COLUMN_NAMES_JA.goal,
    COLUMN_NAMES_JA.subgoal,
    COLUMN_NAMES_JA.measure,
    COLUMN_NAMES_JA.initiatives,
    COLUMN_NAMES_JA.status,
    COLUMN_NAMES_JA.indicator,
    `${fy}${COLUMN_NAMES_JA.target}`,
    `${fy}${COLUMN_NAMES_JA.actual}`,
    finalTargetColumnJa(periodText(finalPeriodOf(sheet))),
    COLUMN_NAMES_JA.evaluation,
    COLUMN_NAMES_JA.reason,
    COLUMN_NAMES_JA.challenge,
    COLUMN_NAMES_JA.nextSteps,
    COLUMN_NAMES_JA.departments,
  ];
}

export const groupRow = (): string[] => [...GROUP_HEADER];

/** A value as printed: its raw text when it has one, else written by the core's formatter with its period. */
export function valueText(v: Value): string {
  if (v.raw !== undefined) return v.raw;
  switch (v.kind) {
    case "missing":
      return "-";
    case "text":
      return v.text;
    case "number":
      return `${formatQuantityJa(v)}(${periodText(v.period)})`;
    case "segmented":
      return formatValueJa(v, LINE_SEGMENTS);
  }
}

export const goalText = (k: Kpi) => `${k.goal.no} ${k.goal.title}`;
export const subgoalText = (k: Kpi) => `${k.subgoal.no} ${k.subgoal.title}`;
export const measureText = (k: Kpi) =>
  `${CIRCLED[k.measure.no - 1] ?? `(${k.measure.no})`} ${k.measure.title}`;

export function kpiRow(k: Kpi): string[] {
  // A sheet that printed no evaluation prints none (not 評価不可).
  const label = k.evaluation.printed === false ? "" : statedLabelJa(k.evaluation);
  return [
    goalText(k),
    subgoalText(k),
    measureText(k),
    k.initiatives.join("\n"),
    k.status ?? "-",
    k.indicator,
    valueText(k.target),
    valueText(k.actual),
    valueText(k.finalTarget),
    label,
    k.reason ?? "-",
    k.challenge ?? "-",
    k.nextSteps ?? "-",
    k.departments.join("\n"),
  ];
}
