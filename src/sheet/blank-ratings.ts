/**
 * A rating left blank beside a KPI's actual, in a table that rates its other KPIs: read so, the KPI
 * was written 評価不可 with exit 0 — but the blank was a rating printed once for several KPIs (a 施策's,
 * merged down or printed under its heading) that the reading did not carry, or a row that lost its
 * rating cell. A blank is 評価不可 only where there was nothing to rate (no actual); a city leaving a
 * rated KPI blank on purpose prints 「―」 or 「評価不可」.
 */
import type { Sheet } from "../core/sheet.ts";
import { hasFigures } from "./year-plausibility.ts";

/** The KPIs (source rows) whose rating is blank though they have an actual and other KPIs are rated. */
export function blankRatingsBesideActuals(sheet: Sheet): number[] {
  const rated = sheet.kpis.filter((k) => k.evaluation.printed !== false && (k.evaluation.label ?? "") !== "");
  if (rated.length === 0) return [];
  return sheet.kpis
    .filter(
      (k) =>
        k.evaluation.printed !== false &&
        k.evaluation.category === "not_evaluable" &&
        (k.evaluation.label ?? "").trim() === "" &&
        hasFigures(k.actual),
    )
    .map((k) => k.row);
}
