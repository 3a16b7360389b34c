/**
 * The importer as the web uses it: src/sheet's `importSheet`, loaded on the first upload so that
 * commands which never import do not pay for its libraries, giving its one `ImportOutcome`; and that
 * outcome as the web shows it: the report (problems that stopped it, warnings worth a look before
 * saving) and what the reader recognised (the mapping profile, each column with how sure it is).
 * Also the evaluation engine's category, which the web store's presenters add to every row.
 */
import type { ImportPreview } from "../core/api/index.ts";
import { evaluateKpi } from "../core/evaluation/evaluate.ts";
import type { Rules } from "../core/evaluation/types.ts";
import type { Category, Kpi, Sheet } from "../core/sheet.ts";
import type { ImportOptions } from "../sheet/import-sheet.ts";
import type { ImportProfile, ProfileColumn } from "../sheet/profile-types.ts";
import type { Confidence, ImportIssue, ImportOutcome } from "../sheet/types.ts";

/** A recognised column and how sure the reader is of it. */
export interface RecognisedColumn extends ProfileColumn {
  confidence: Confidence;
}

/** What the reader recognised (layout, columns, header rows, evaluated year, scale). */
export interface Recognised extends Omit<ImportProfile, "columns" | "layout"> {
  layout: "seed" | "table" | "cards" | "yearTables" | "json";
  columns: RecognisedColumn[];
}

/**
 * Reads an uploaded file, with the mapping given with it (the municipality's saved one, or the
 * user's corrections): the same `ImportOutcome` as `importSheet` (tests and the bench inject others).
 */
export type Importer = (
  bytes: Uint8Array,
  fileName: string,
  options?: ImportOptions,
) => Promise<ImportOutcome>;

/**
 * The core evaluation engine's category under `rules` (the engine never throws on data): the server's
 * one way to compute a category; the browser gets the same rules (getEvaluationRules).
 */
export const categoryUnder =
  (rules: Rules) =>
  (kpi: Kpi, fiscalYear: number): Category =>
    evaluateKpi(kpi, rules, fiscalYear).computed;

/** The importer of src/sheet (Markdown/PDF-text tables, CSV, Excel, PDF, sheet/1 JSON). */
export const sheetImporter: Importer = async (bytes, fileName, options = {}) =>
  (await import("../sheet/import-sheet.ts")).importSheet(bytes, fileName, options);

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

/**
 * What the reader recognised, from its report (`given`: the profile the file was read with; a
 * sheet/1 JSON: layout "json", no columns).
 */
export function recognisedOf(
  report: { profile?: ImportProfile; issues: ImportIssue[] },
  sheet: Sheet,
  given: ImportProfile | null | undefined,
): Recognised {
  const p = report.profile;
  return {
    ...p,
    layout: p?.layout ?? "json",
    fiscalYear: p?.fiscalYear ?? sheet.fiscalYear,
    headerRows: p?.headerRows ?? [],
    scale: p?.scale ?? sheet.scale ?? null,
    columns: recognisedColumns(p, report.issues, given),
  };
}

const RANK: Record<Confidence, number> = { certain: 3, high: 2, medium: 1, low: 0 };

/**
 * How sure the reading of each column is: certain when a profile given with the import names it;
 * low when no header rule knew it (kept as an extra field); medium when the reader reported an
 * uncertain repair in it; high otherwise (its header names the field).
 */
export function recognisedColumns(
  profile: ImportProfile | undefined,
  issues: readonly ImportIssue[],
  given: ImportProfile | null | undefined,
): RecognisedColumn[] {
  return (profile?.columns ?? []).map((c) => {
    const table = c.table ?? 1;
    const named = given?.columns?.some((g) => g.col === c.col && (g.table ?? 1) === table);
    let confidence: Confidence = named ? "certain" : c.field === "extra" ? "low" : "high";
    // A doubt about some of its cells (a mark read from its words, a cell inferred) asks for a look at a
    // recognised column — 要確認, not 「不明」: low is kept for a column the reader did not recognise.
    const floor = c.field === "extra" ? "low" : "medium";
    if (!named)
      for (const i of issues)
        if (i.column && c.header && i.column === c.header && RANK[i.confidence] < RANK[confidence])
          confidence = RANK[i.confidence] < RANK[floor] ? floor : i.confidence;
    return { ...c, table, confidence };
  });
}
