/**
 * The parts of the XLSX that only another city's sheet has (write-xlsx.ts): the 基準値 cell of a
 * KPI, the legend of the city's evaluation scale printed under the table (as the cities print it;
 * the reader reads such a legend back into the scale), and the 数値目標 per 基本目標 on a worksheet
 * of their own. Each is written only when the sheet has it.
 */
import type ExcelJS from "exceljs";
import { statedLabelJa } from "../core/evaluation/stated-label.ts";
import { periodToWareki } from "../core/period.ts";
import { scaleBandText } from "../core/scale-text.ts";
import type { Kpi, Sheet } from "../core/sheet.ts";
import { printedNumberCell } from "./number-format.ts";
import { valueText } from "./sheet-rows.ts";

/** The 1-based column the 基準値 takes: right after 指標名. */
export const BASELINE_AT = 7;

export const hasBaselines = (sheet: Sheet): boolean =>
  sheet.kpis.some((k) => k.baseline !== undefined && k.baseline.kind !== "missing");

/** The baseline as printed, with its period (valueText adds it when the cell had no text). */
export const baselineCell = (k: Kpi): string => (k.baseline ? valueText(k.baseline) : "-");

/** 「評価の基準 A：目標達成(100%以上) B：…」, or null when the sheet has no scale. */
export function legendText(sheet: Sheet): string | null {
  const bands = sheet.scale?.bands ?? [];
  if (bands.length === 0) return null;
  return `評価の基準　${bands.map(scaleBandText).join("　")}`;
}

/** The legend in a merged row under the table, one blank row below the last KPI. */
export function addLegendRow(ws: ExcelJS.Worksheet, sheet: Sheet): void {
  const text = legendText(sheet);
  if (!text) return;
  const at = ws.rowCount + 2;
  const cell = ws.getCell(at, 1);
  cell.value = text;
  cell.alignment = { wrapText: true, vertical: "top" };
  ws.mergeCells(at, 1, at, Math.min(ws.columnCount, 10));
}

/** The 数値目標 on their own worksheet 「数値目標」: 基本目標 | 数値目標 | 基準値 | 実績値 | 目標値(最終) | 評価. */
export function addNumericGoalsSheet(wb: ExcelJS.Workbook, sheet: Sheet): void {
  const goals = sheet.numericGoals ?? [];
  if (goals.length === 0) return;
  const ws = wb.addWorksheet("数値目標", {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const fy = periodToWareki({ year: sheet.fiscalYear, basis: "fiscal" });
  const evaluated = goals.some((g) => g.evaluation && g.evaluation.printed !== false);
  ws.columns = [18, 32, 16, 16, 16, ...(evaluated ? [12] : [])].map((width) => ({ width }));
  const head = ws.addRow([
    "基本目標",
    "数値目標",
    "基準値",
    `${fy}実績値`,
    "目標値(最終)",
    ...(evaluated ? ["評価"] : []),
  ]);
  head.font = { bold: true };
  for (const g of goals) {
    const label = g.evaluation && g.evaluation.printed !== false ? statedLabelJa(g.evaluation) : "";
    const row = ws.addRow([
      `${g.goal.no} ${g.goal.title}`,
      g.indicator,
      g.baseline ? valueText(g.baseline) : "-",
      valueText(g.actual),
      valueText(g.finalTarget),
      ...(evaluated ? [label] : []),
    ]);
    for (const col of [3, 4, 5]) {
      const cell = row.getCell(col);
      const num = typeof cell.value === "string" ? printedNumberCell(cell.value) : null;
      if (!num) continue;
      cell.value = num.value;
      cell.numFmt = num.numFmt;
    }
  }
  ws.eachRow((row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.alignment = { wrapText: true, vertical: "top" };
      cell.border = {
        top: { style: "thin" },
        left: { style: "thin" },
        bottom: { style: "thin" },
        right: { style: "thin" },
      };
    }),
  );
}
