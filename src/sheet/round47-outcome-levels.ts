/**
 * A column under an indicator's word that holds the plan's numbered parts, not indicators: 与那原町's アクション
 * プラン groups its 基本的方向性 under numbered 成果指標 (「(1) 雇用の場の創出」, printed once over its rows), left of the
 * 重要業績評価指標(KPI) column that names the KPIs. Two indicator columns are refused (general-checks.ts); when the left
 * one holds only numbered titles with no figure, printed once per group, and the right one holds the names, the left
 * is the level one step above the level column beside it — the outcome a group of directions serves.
 */
import { squash } from "./columns.ts";
import { FIELD_JA, LEVELS } from "./field.ts";
import { type FoundHeader, settleLevelColumns } from "./find-header.ts";
import { readOrdinal } from "./read-ordinal.ts";
import type { ImportIssue, SourceRow } from "./types.ts";

/** The words an indicator column goes by that other plans also use for a named outcome over a group. */
const OUTCOME_WORD = /^(成果指標|指標)$/;

export function outcomeColumnAsLevel(
  header: FoundHeader,
  rows: readonly SourceRow[],
  issues: ImportIssue[],
): void {
  const cols = header.columns;
  const col = cols.findIndex(
    (m) => !m.confirmed && m.field === "indicator" && OUTCOME_WORD.test(squash(m.header)),
  );
  if (col < 0) return;
  const kpiCol = cols.findIndex((m, j) => j > col && m.field === "indicator" && !m.confirmed);
  if (kpiCol < 0) return;
  // Only the KPIs' rows: a heading or a note alone in a worksheet row is no cell of the column.
  const kpiRows = rows.filter((r) => squash(r.cells[kpiCol] ?? "") !== "");
  // (Read before squashing: 「一　雇用の場の創出」 and 「ア 起業支援」 are numbered only by the space after the number.)
  const cells = kpiRows.map((r) => (r.cells[col] ?? "").trim());
  const filled = cells.filter((t) => squash(t) !== "");
  // Printed once over its group (a blank below continues it), each cell a numbered title with no figure in it.
  if (filled.length === 0 || filled.length >= kpiRows.length) return;
  const titles = filled.map(readOrdinal);
  if (!titles.every((o) => o.no > 0 && o.title.length >= 2 && !/[0-9０-９]/.test(o.title))) return;
  // The KPI column's cells are names, not numbered titles (else the two columns would both be parts of the plan).
  if (kpiRows.every((r) => readOrdinal((r.cells[kpiCol] ?? "").trim()).no > 0)) return;
  // The level column right of it, between it and the KPIs: the outcome is the level one step above it.
  const below = cols.findIndex(
    (m, j) => j > col && j < kpiCol && (LEVELS as readonly string[]).includes(m.field),
  );
  if (below < 0) return;
  // Beside a lone level column (read as the top for want of another), or a middle one with no measure below it,
  // the outcome is the middle level and the column beside it the measure; the goal comes from the headings.
  const lone = cols.filter((m) => (LEVELS as readonly string[]).includes(m.field)).length === 1;
  if (lone || (cols[below]!.field === "subgoal" && !cols.some((m) => m.field === "measure")))
    cols[below] = { ...cols[below]!, field: "measure" };
  if (cols[below]!.field !== "measure") return;
  const field = "subgoal";
  cols[col] = { ...cols[col]!, field };
  issues.push({
    row: null,
    column: cols[col]!.header,
    kind: "column_read_by_content",
    before: FIELD_JA.indicator,
    after: FIELD_JA[field],
    confidence: "medium",
    message: `列「${cols[col]!.header}」は番号付きの項目(${filled[0]!.slice(0, 20)})をまとまりごとに一度だけ収め、数値がなく、指標名は「${cols[kpiCol]!.header}」の列にあるため、計画の階層として読んだ`,
  });
  settleLevelColumns(cols);
}
