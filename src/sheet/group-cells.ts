/**
 * A rating printed once per 施策 over its KPIs (merged down in the city's file; in a PDF's text the
 * cell stands on the group's first row only): 泰阜村's 事業効果検証 rates each 具体的施策, not each KPI.
 * Read so only when the whole table says it — the rating filled on every row that opens a group and
 * on no row under one; a column filled on some KPI row inside a group is the KPIs' own, and an empty
 * cell stays empty. Projects (an initiatives column) have their own rule (merge-rows.ts).
 * With no level column, the group is the heading over the rows (丸亀市's 「施策15 商工業の振興」 above
 * each 施策's table, its 施策評価 and 所管部 on the table's first row only).
 */
import type { ColumnMeaning, Field } from "./column-fields.ts";
import { squash } from "./columns.ts";
import type { SourceRow } from "./types.ts";

const isEmpty = (t: string) => squash(t) === "";

/** The fields a group's first row gives the KPI rows under it. */
const GROUP_FIELDS: readonly Field[] = ["evaluation", "comments", "nextSteps", "reason", "departments"];

/**
 * The KPI rows under a group's first row (by source row number) and the columns whose cells belong to
 * the group, not the row; null when the table rates each KPI. A row is in the group above when its
 * levels are empty or repeat the row above's (a merged cell filled down, as an XLSX reads).
 */
export function groupRatedColumns(
  cols: readonly ColumnMeaning[],
  rows: readonly SourceRow[],
  /** Each row's heading (the levels printed above its table), when rows are under headings. */
  headingOf: (row: SourceRow) => string = () => "",
): { under: Set<number>; inherit: number[] } | null {
  const idx = (f: Field) => cols.flatMap((c, i) => (c.field === f ? [i] : []));
  if (idx("initiatives").length > 0) return null;
  const levels = [...idx("goal"), ...idx("subgoal"), ...idx("measure")];
  const rating = idx("evaluation");
  const indicator = idx("indicator")[0];
  if (rating.length !== 1 || indicator === undefined) return null;
  const kpiRows = rows.filter((r) => !isEmpty(r.cells[indicator] ?? ""));
  // No level column: the heading is the group's key, when every KPI row is under one.
  const byHeading = levels.length === 0;
  if (byHeading && !kpiRows.every((r) => headingOf(r) !== "")) return null;
  const opens: SourceRow[] = [];
  const under: SourceRow[] = [];
  const openOf = new Map<number, SourceRow>();
  let key: string[] = [];
  for (const r of kpiRows) {
    const own = byHeading
      ? [headingOf(r)]
      : levels.map((c, i) => (isEmpty(r.cells[c] ?? "") ? (key[i] ?? "") : squash(r.cells[c]!)));
    const same = opens.length > 0 && own.every((k, i) => k === key[i]);
    (same ? under : opens).push(r);
    openOf.set(r.row, opens.at(-1)!);
    key = own;
  }
  if (opens.length < 2 || under.length === 0) return null;
  const filled = (r: SourceRow, c: number) => !isEmpty(r.cells[c] ?? "");
  const col = rating[0]!;
  const once = opens.every((r) => filled(r, col)) && !under.some((r) => filled(r, col));
  // Under headings, a rating merged down over its group (an XLSX fills it into every row) is the
  // group's too: every row of the group holds its opening row's rating.
  const merged =
    byHeading &&
    opens.every((r) => filled(r, col)) &&
    under.every((r) => squash(r.cells[col] ?? "") === squash(openOf.get(r.row)!.cells[col] ?? ""));
  if (!once && !merged) return null;
  const inherit = GROUP_FIELDS.flatMap((f) => idx(f)).filter((c) => !under.some((r) => filled(r, c)));
  return { under: new Set(under.map((r) => r.row)), inherit };
}
