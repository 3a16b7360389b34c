/** The review list's filters and order, pure (tested without a browser). */
import type { ReviewState, Row } from "../../src/core/api/index.ts";
import { REVIEW_STATES } from "../../src/core/review.ts";
import type { Value } from "../../src/core/sheet.ts";
import { valueInColumnParts } from "../../src/core/value/format.ts";

export interface ReviewFilter {
  state: ReviewState | "";
  department: string;
  disagreement: boolean;
  warnings: boolean;
  sort: "row" | "department" | "state";
}

export const DEFAULT_FILTER: ReviewFilter = {
  state: "submitted",
  department: "",
  disagreement: false,
  warnings: false,
  sort: "row",
};

export function filterRows(rows: Row[], f: ReviewFilter): Row[] {
  const shown = rows.filter(
    (r) =>
      (!f.state || r.state === f.state) &&
      (!f.department || r.kpi.departments.includes(f.department)) &&
      (!f.disagreement || r.disagreement) &&
      (!f.warnings || (r.warnings?.length ?? 0) > 0),
  );
  const byRow = (a: Row, b: Row) => a.row - b.row;
  if (f.sort === "department")
    return shown.sort(
      (a, b) => (a.kpi.departments[0] ?? "").localeCompare(b.kpi.departments[0] ?? "", "ja") || byRow(a, b),
    );
  if (f.sort === "state")
    return shown.sort(
      (a, b) => REVIEW_STATES.indexOf(a.state) - REVIEW_STATES.indexOf(b.state) || byRow(a, b),
    );
  return shown.sort(byRow);
}

/** Every department named by the rows, each once, in first-seen order. */
export const departmentsOf = (rows: Row[]): string[] => [...new Set(rows.flatMap((r) => r.kpi.departments))];

/** A value with its own period always: 12,025億円（令和2年）, 18,225人（令和4年度）. */
export function valueWithOwnPeriod(v: Value): string {
  const p = valueInColumnParts(v, null);
  return p.period ? `${p.value}（${p.period}）` : p.value;
}
