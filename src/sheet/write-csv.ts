/** sheet/1 → CSV of the 14 printed columns (one header row, hierarchy on every row), in the one CSV dialect. */
import { writeCsv } from "../core/csv.ts";
import type { Sheet } from "../core/sheet.ts";
import { neutraliseFormula } from "./csv-formula.ts";
import { headerRow, kpiRow } from "./sheet-rows.ts";

/**
 * The sheet as the cities' CSV: UTF-8 with BOM, CRLF (core/csv.ts); imports back to the same sheet.
 * Formula-like cells are neutralised with a leading `'` (csv-formula.ts); the importer removes it.
 */
export function writeSheetCsv(sheet: Sheet): string {
  return writeCsv([headerRow(sheet), ...sheet.kpis.map(kpiRow)].map((r) => r.map(neutraliseFormula)));
}
