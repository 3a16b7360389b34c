/** The importer's public API: evaluation sheets (Markdown, CSV, XLSX, sheet/1 JSON) in, sheet/1 out. */

export { type Grid, type GridCell, type GridImportOptions, importGrid } from "./import-grid.ts";
export { type ImportProfile, parseProfile, parseScale, savedScaleIssue } from "./import-profile.ts";
export { formatImportReport } from "./import-report.ts";
export type { ImportOptions } from "./import-sheet.ts";
export { importSheet, importSheetFile } from "./import-sheet.ts";
export { readDepartmentWorkbook } from "./read-department-workbook.ts";
export type { ImportFormat, ImportIssue, ImportOutcome, ImportReport } from "./types.ts";
export { writeSheetCsv } from "./write-csv.ts";
export { workbookFileName, writeDepartmentWorkbook, zipWorkbooks } from "./write-department-workbook.ts";
export { writeSheetXlsx } from "./write-xlsx.ts";
