/**
 * Reads the first worksheet that holds a sheet's column names (exceljs). Merged cells (the cities'
 * files merge the hierarchy over its rows) are read from their top-left cell on every row they cover.
 */
// Loaded when a workbook is read or written, not when the CLI starts.
import type ExcelJS from "exceljs";
import { COLUMN_COUNT, isHeaderRow } from "./columns.ts";
import { checkColumnCount, checkRowCount, checkZipInflatedSize } from "./input-limits.ts";
import { formatLiteralNumber } from "./number-format.ts";
import { NotASheet, type SourceTable } from "./types.ts";
import { checkZipInflatesWithinLimit } from "./zip-inflate-check.ts";

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.isMerged && cell.master !== cell ? cell.master.value : cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "number") {
    const fmt = (cell.isMerged ? cell.master : cell).numFmt ?? "";
    const literal = formatLiteralNumber(v, fmt);
    if (literal !== null) return literal;
    if (fmt.includes("%")) {
      const decimals = /\.(0+)%/.exec(fmt)?.[1]?.length ?? 0;
      return `${(v * 100).toFixed(decimals)}%`;
    }
    return fmt.includes("#,##") ? v.toLocaleString("en-US") : String(v);
  }
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  if ("text" in v && typeof v.text === "string") return v.text;
  if ("result" in v) return v.result === undefined || v.result === null ? "" : String(v.result);
  return String(cell.text ?? "");
}

export async function readXlsxTable(bytes: Uint8Array): Promise<SourceTable> {
  checkZipInflatedSize(bytes);
  // The declared sizes can lie: count what really inflates before exceljs inflates it all in memory.
  checkZipInflatesWithinLimit(bytes);
  const { default: Excel } = await import("exceljs");
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (e) {
    throw new NotASheet("xlsx_unreadable", `xlsx ファイルを読めません: ${(e as Error).message}`);
  }
  const all: SourceTable = { rows: [], outside: [] };
  for (const [index, ws] of wb.worksheets.entries()) {
    // Sparse: only rows and cells that exist (a lone far cell must not make us walk the whole grid).
    const rows: SourceTable["rows"] = [];
    let count = 0;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      checkRowCount(++count);
      const byCol = new Map<number, string>();
      let last = 0;
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const text = cellText(cell).replace(/\r\n?/g, "\n").trim();
        if (text === "") return;
        checkColumnCount(r, c);
        byCol.set(c, text);
        last = Math.max(last, c);
      });
      const cells = Array.from({ length: Math.max(COLUMN_COUNT, last) }, (_, i) => byCol.get(i + 1) ?? "");
      while (cells.length > COLUMN_COUNT && cells.at(-1) === "") cells.pop();
      rows.push({ row: r, cells, block: index + 1, sheet: ws.name });
    });
    // A worksheet in the 14-column layout is the sheet; other layouts may spread over worksheets
    // (one card per worksheet), so all of them are read.
    if (rows.some((r) => isHeaderRow(r.cells))) return { rows, outside: [] };
    all.rows.push(...rows);
  }
  return all;
}
