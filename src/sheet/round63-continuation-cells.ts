/**
 * Columns a group prints once (round 63): a project's 自己評価 / 委員会評価, its 委員会の意見 and 担当課 on its first KPI's
 * row, left blank on the rows of its other KPIs (whose 事業名 cell is blank too). A Markdown row of such a KPI that
 * left its empty cells out at its end (「| | 文化施設の来館者数 | 人 | 38,200 | 45,000 | - |」) keeps its last cell
 * where it was printed: a 「-」 under 実績値 is no rating, though a dash fits a rating column as well as an actual.
 * Placed under the rating, the KPI read 「-」 (not evaluable) where its project's rating continues, with exit 0.
 *
 * The rule: the rows that start at the same column as the short row (the same leading cells blank), three or more
 * with it; a column each of them leaves blank — a row shorter than the header read as Markdown reads it, its end
 * blank (a writer that trims trailing empty cells trims every such row) — is one such a row leaves blank: a placing
 * that fills it fits worse (realign-general-row.ts).
 */
import { squash } from "./columns.ts";
import type { SourceRow } from "./types.ts";

/** How much a placing loses per cell put under a column rows like it leave blank (a clear column's fit). */
export const GROUP_ONCE_PENALTY = 2;

const leadOf = (cells: readonly string[]) => cells.findIndex((t) => squash(t) !== "");

/**
 * By the column where each row starts (its first filled cell, a blank before it): the columns every row starting
 * there leaves blank (or does not reach), where three rows or more start there.
 */
export function blankByLead(rows: readonly SourceRow[], n: number): Map<number, Set<number>> {
  const byLead = new Map<number, string[][]>();
  for (const r of rows) {
    if (r.cells.length > n) continue;
    const lead = leadOf(r.cells);
    if (lead <= 0) continue;
    byLead.set(lead, [...(byLead.get(lead) ?? []), r.cells]);
  }
  const out = new Map<number, Set<number>>();
  for (const [lead, group] of byLead) {
    if (group.length < 3) continue;
    const blank = new Set<number>();
    for (let col = lead + 1; col < n; col++)
      if (group.every((c) => squash(c[col] ?? "") === "")) blank.add(col);
    if (blank.size > 0) out.set(lead, blank);
  }
  return out;
}

/** How many of a placing's filled cells sit under columns the rows starting where it starts leave blank. */
export function cellsWhereGroupIsBlank(cells: readonly string[], blank: Map<number, Set<number>>): number {
  const cols = blank.get(leadOf(cells));
  if (!cols) return 0;
  return cells.filter((t, i) => cols.has(i) && squash(t) !== "").length;
}
