/** sheet/1 → CSV of the 14 printed columns (UTF-8, one header row, hierarchy on every row). */
import type { Sheet } from "../core/sheet.ts";
import { headerRow, kpiRow } from "./sheet-rows.ts";

const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

export function writeSheetCsv(sheet: Sheet): string {
  const rows = [headerRow(sheet), ...sheet.kpis.map(kpiRow)];
  return `${rows.map((r) => r.map(quote).join(",")).join("\r\n")}\r\n`;
}
