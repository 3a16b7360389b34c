/**
 * The reader's entry point for any grid of cells (the PDF reader hands its cells here; Markdown,
 * CSV and XLSX go through the same pipeline): cells with their row/column (and page) positions in,
 * sheet/1 sheet + import report out. All-or-nothing, like importSheet.
 */
import { checkSheet, sheetProblemsText } from "../core/api/sheet.ts";
import { importLayout } from "./import-layout.ts";
import { checkCellLengths, checkColumnCount, checkRowCount } from "./input-limits.ts";
import { type ImportFormat, type ImportOutcome, NotASheet, type SourceTable } from "./types.ts";

/** One cell of a grid: 1-based row and column; `page` (1-based) when the source has pages. */
export interface GridCell {
  row: number;
  col: number;
  text: string;
  page?: number;
}

export interface Grid {
  cells: GridCell[];
  /** Non-empty text outside the table (titles, legends, notes), with the row it was printed on. */
  outside?: { row: number; text: string; page?: number }[];
}

export interface GridImportOptions {
  /** What the grid was read from (the report's `format`). */
  format: ImportFormat;
  /** The source file's name (the sheet's `source`). */
  source: string;
  /** Line breaks were typed by a person (CSV/XLSX), not made by a printer's wrapping (PDF). */
  authored?: boolean;
}

/** Lays grid cells out as source rows (row order, then column; a row's page becomes its block). */
export function gridToTable(grid: Grid): SourceTable {
  const byRow = new Map<number, { cells: string[]; page?: number }>();
  for (const c of grid.cells) {
    let r = byRow.get(c.row);
    if (!r) {
      r = { cells: [], page: c.page };
      byRow.set(c.row, r);
    }
    while (r.cells.length < c.col) r.cells.push("");
    r.cells[c.col - 1] = c.text;
  }
  const rows = [...byRow.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([row, r]) => ({ row, cells: r.cells, ...(r.page !== undefined ? { block: r.page } : {}) }));
  const outside = (grid.outside ?? []).map((o) => ({ row: o.row, text: o.text }));
  return { rows, outside };
}

/** Reads a grid of cells as an evaluation sheet. */
export function importGrid(grid: Grid, options: GridImportOptions): ImportOutcome {
  try {
    const table = gridToTable(grid);
    checkRowCount(table.rows.length);
    for (const r of table.rows) {
      checkColumnCount(r.row, r.cells.length);
      checkCellLengths(r.row, r.cells);
    }
    const { sheet, report } = importLayout(table, options.format, options.source, {
      authored: options.authored ?? options.format !== "markdown",
    });
    const v = checkSheet(sheet);
    if (!v.ok)
      throw new NotASheet(
        "internal_invalid_output",
        `出力が sheet/1 に合いません: ${sheetProblemsText(v.problems, 20)}`,
      );
    return { ok: true, sheet, report };
  } catch (e) {
    if (e instanceof NotASheet) return { ok: false, error: { code: e.code, message: e.message } };
    throw e;
  }
}
