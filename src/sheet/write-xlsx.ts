/**
 * sheet/1 → XLSX laid out like the cities' own files: the 14 columns under two header rows,
 * the hierarchy in merged cells, wrapped text, column widths, A4 landscape, header rows printed
 * on every page. Targets and actuals are numbers with a number format showing them as printed.
 * What another city's sheet printed beyond the 14 columns is written too, only when it did: a 基準値
 * column after 指標名 (its KPIs printed baselines), the legend of its scale under the table, and its
 * 数値目標 on a worksheet of their own (xlsx-extras.ts). The seed's workbook does not change.
 */
// Loaded when a workbook is read or written, not when the CLI starts.
import type ExcelJS from "exceljs";
import type { Kpi, Sheet } from "../core/sheet.ts";
import { printedNumberCell } from "./number-format.ts";
import { goalText, groupRow, headerRow, kpiRow, measureText, subgoalText } from "./sheet-rows.ts";
import {
  addLegendRow,
  addNumericGoalsSheet,
  BASELINE_AT,
  baselineCell,
  hasBaselines,
} from "./xlsx-extras.ts";

/** 1-based columns of the target, actual and final target. */
const VALUE_COLUMNS = [7, 8, 9];
const WIDTHS = [12, 14, 16, 24, 36, 18, 12, 12, 12, 12, 28, 32, 32, 12];
const GROUP_SPANS: [number, number][] = [
  [1, 3],
  [4, 5],
  [6, 10],
  [11, 13],
  [14, 14],
];

/** A 1-based column after the 基準値 column went in (when it did). */
const shifted = (col: number, baseline: boolean) => (baseline && col >= BASELINE_AT ? col + 1 : col);
/** `cells` with `extra` put in at the 基準値 column's place. */
const withBaseline = <T>(cells: T[], baseline: boolean, extra: T): T[] =>
  baseline ? [...cells.slice(0, BASELINE_AT - 1), extra, ...cells.slice(BASELINE_AT - 1)] : cells;

export async function writeSheetXlsx(sheet: Sheet): Promise<Uint8Array> {
  const { default: Excel } = await import("exceljs");
  const wb = new Excel.Workbook();
  wb.creator = "sosei";
  const ws = wb.addWorksheet("評価シート", {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: "frozen", ySplit: 2 }],
  });
  ws.pageSetup.printTitlesRow = "1:2";
  const baseline = hasBaselines(sheet);
  ws.columns = withBaseline(WIDTHS, baseline, 14).map((width) => ({ width }));
  ws.addRow(withBaseline(groupRow(), baseline, ""));
  ws.addRow(withBaseline(headerRow(sheet), baseline, "基準値"));
  // KPIの達成状況 (指標名 … 進捗評価) widens over the 基準値 column.
  for (const [from, to] of GROUP_SPANS) {
    const [a, b] = [shifted(from, baseline), shifted(to, baseline)];
    if (b > a) ws.mergeCells(1, a, 1, b);
  }
  for (const k of sheet.kpis) {
    const row = ws.addRow(withBaseline(kpiRow(k), baseline, baselineCell(k)));
    // 目標値 / 実績値 / 最終目標値 (and 基準値) as numbers where the printed text is one number (number-format.ts).
    for (const col of [
      ...(baseline ? [BASELINE_AT] : []),
      ...VALUE_COLUMNS.map((c) => shifted(c, baseline)),
    ]) {
      const cell = row.getCell(col);
      const num = typeof cell.value === "string" ? printedNumberCell(cell.value) : null;
      if (!num) continue;
      cell.value = num.value;
      cell.numFmt = num.numFmt;
    }
  }
  const border: Partial<ExcelJS.Borders> = {
    top: { style: "thin" },
    left: { style: "thin" },
    bottom: { style: "thin" },
    right: { style: "thin" },
  };
  ws.eachRow((row, r) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.alignment = {
        wrapText: true,
        vertical: r <= 2 ? "middle" : "top",
        horizontal: r <= 2 ? "center" : undefined,
      };
      cell.border = border;
      if (r <= 2) cell.font = { bold: true };
    });
  });
  // The hierarchy printed once per run of rows, in merged cells.
  const keys: ((k: Kpi) => string)[] = [
    goalText,
    (k) => `${goalText(k)}/${subgoalText(k)}`,
    (k) => `${goalText(k)}/${subgoalText(k)}/${measureText(k)}`,
  ];
  keys.forEach((key, col) => {
    let start = 0;
    for (let i = 1; i <= sheet.kpis.length; i++) {
      const k = sheet.kpis[i];
      if (i < sheet.kpis.length && k && key(k) === key(sheet.kpis[start]!)) continue;
      if (i - 1 > start) ws.mergeCells(start + 3, col + 1, i - 1 + 3, col + 1);
      start = i;
    }
  });
  addLegendRow(ws, sheet);
  addNumericGoalsSheet(wb, sheet);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
