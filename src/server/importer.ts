/**
 * The importer as the web uses it: src/sheet's `importSheet`, loaded on the first upload so that
 * commands which never import do not pay for its libraries; and the import report as the web shows
 * it (problems that stopped it, warnings worth a look before saving). Also the evaluation engine's
 * category, which the web store's presenters add to every row.
 */
import type { ImportPreview } from "../core/api/index.ts";
import { evaluateKpi } from "../core/evaluation/evaluate.ts";
import { DEFAULT_RULES } from "../core/evaluation/rules.ts";
import type { Category, Kpi } from "../core/sheet.ts";
import type { ImportOutcome } from "../sheet/types.ts";

/** Reads an uploaded file: the same `ImportOutcome` as `importSheet` (tests and the bench inject others). */
export type Importer = (bytes: Uint8Array, fileName: string) => Promise<ImportOutcome>;

/** The core evaluation engine's category under the default rules (the engine never throws on data). */
export function coreCategory(kpi: Kpi, fiscalYear: number): Category {
  return evaluateKpi(kpi, DEFAULT_RULES, fiscalYear).computed;
}

/** The importer of src/sheet (Markdown/PDF-text tables, CSV, Excel, PDF, sheet/1 JSON). */
export const sheetImporter: Importer = async (bytes, fileName) =>
  (await import("../sheet/import-sheet.ts")).importSheet(bytes, fileName);

/**
 * An import's report for the web: a refusal is one problem; a sheet read has no problems and, as
 * warnings, every repair or inference not made with certainty. A PDF's rows are numbered through
 * the document, so a warning names the page the row was printed on: that is what a person finds.
 */
export function presentImportReport(outcome: ImportOutcome): ImportPreview["report"] {
  if (!outcome.ok) return { problems: [{ message: outcome.error.message }], warnings: [] };
  const pageOf = new Map((outcome.report.locations ?? []).map((l) => [l.row, l.page]));
  const onPage = (row: number | null) =>
    row !== null && pageOf.has(row) ? `${pageOf.get(row)}ページ: ` : "";
  return {
    problems: [],
    warnings: outcome.report.issues
      .filter((i) => i.confidence !== "certain")
      .map((i) => ({ row: i.row, column: i.column, message: `${onPage(i.row)}${i.message}` })),
  };
}
