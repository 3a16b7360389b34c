/**
 * The web's view of the importer and the evaluation engine: the import report turned into problems
 * (failure) and warnings (repairs and inferences worth a look before saving). src/sheet is loaded on
 * the first import, so that commands which never import do not pay for its libraries.
 */
import { evaluateKpi } from "../core/evaluation/evaluate.ts";
import { DEFAULT_RULES } from "../core/evaluation/rules.ts";
import type { Category, Kpi, Sheet } from "../core/sheet.ts";

export interface ImportProblem {
  row?: number | null;
  column?: string | null;
  message: string;
}

/** What an upload gives the web: the sheet, or the problems that stopped it. */
export interface UploadOutcome {
  ok: boolean;
  sheet: Sheet | null;
  report: { problems: ImportProblem[]; warnings: ImportProblem[] };
}

export type Importer = (bytes: Uint8Array, fileName: string) => Promise<UploadOutcome>;

/** The core evaluation engine's category under the default rules (the engine never throws on data). */
export function coreCategory(kpi: Kpi, fiscalYear: number): Category {
  return evaluateKpi(kpi, DEFAULT_RULES, fiscalYear).computed;
}

/** The importer of src/sheet (Markdown/PDF-text tables, CSV, Excel, sheet/1 JSON). */
export const sheetImporter: Importer = async (bytes, fileName) => {
  const { importSheet } = await import("../sheet/index.ts");
  const out = await importSheet(bytes, fileName);
  if (!out.ok)
    return { ok: false, sheet: null, report: { problems: [{ message: out.error.message }], warnings: [] } };
  // A PDF's rows are numbered through the document; the page they were printed on is what a person finds.
  const pageOf = new Map((out.report.locations ?? []).map((l) => [l.row, l.page]));
  const onPage = (row: number | null) =>
    row !== null && pageOf.has(row) ? `${pageOf.get(row)}ページ: ` : "";
  return {
    ok: true,
    sheet: out.sheet,
    report: {
      problems: [],
      warnings: out.report.issues
        .filter((i) => i.confidence !== "certain")
        .map((i) => ({ row: i.row, column: i.column, message: `${onPage(i.row)}${i.message}` })),
    },
  };
};
