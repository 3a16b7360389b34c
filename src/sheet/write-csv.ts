/** sheet/1 → CSV of the 14 printed columns (UTF-8, one header row, hierarchy on every row). */
import type { Sheet } from "../core/sheet.ts";
import { neutraliseFormula } from "./csv-formula.ts";
import { headerRow, kpiRow } from "./sheet-rows.ts";

const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

export interface SheetCsvOptions {
  /** Start with a UTF-8 BOM so that Excel opens the file as UTF-8 (the web's download). */
  bom?: boolean;
}

/** Formula-like cells are neutralised with a leading `'` (csv-formula.ts); the importer removes it. */
export function writeSheetCsv(sheet: Sheet, opts: SheetCsvOptions = {}): string {
  const rows = [headerRow(sheet), ...sheet.kpis.map(kpiRow)];
  const body = `${rows.map((r) => r.map((c) => quote(neutraliseFormula(c))).join(",")).join("\r\n")}\r\n`;
  return opts.bom ? `\uFEFF${body}` : body;
}
