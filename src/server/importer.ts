/**
 * The web's view of the importer and the evaluation engine: the import report turned into problems
 * (failure) and warnings (repairs and inferences worth a look before saving), and what the reader
 * recognised (the mapping profile, each column with how sure it is). src/sheet is loaded on the
 * first import, so that commands which never import do not pay for its libraries.
 */
import { evaluateKpi } from "../core/evaluation/evaluate.ts";
import { DEFAULT_RULES } from "../core/evaluation/rules.ts";
import type { Category, Kpi, Sheet } from "../core/sheet.ts";
import type { ImportProfile, ProfileColumn } from "../sheet/profile-types.ts";
import type { Confidence, ImportIssue } from "../sheet/types.ts";

export interface ImportProblem {
  row?: number | null;
  column?: string | null;
  message: string;
}

/** A recognised column and how sure the reader is of it. */
export interface RecognisedColumn extends ProfileColumn {
  confidence: Confidence;
}

/** What the reader recognised (layout, columns, header rows, evaluated year, scale). */
export interface Recognised extends Omit<ImportProfile, "columns" | "layout"> {
  layout: NonNullable<ImportProfile["layout"]> | "json";
  columns: RecognisedColumn[];
}

/** What an upload gives the web: the sheet, or the problems that stopped it. */
export interface UploadOutcome {
  ok: boolean;
  sheet: Sheet | null;
  report: { problems: ImportProblem[]; warnings: ImportProblem[] };
  /** Absent when the importer says nothing about its reading (a test double). */
  recognised?: Recognised;
}

/** A mapping given with the upload (the municipality's saved one, or the user's corrections). */
export interface UploadOptions {
  profile?: ImportProfile | null;
}

export type Importer = (
  bytes: Uint8Array,
  fileName: string,
  options?: UploadOptions,
) => Promise<UploadOutcome>;

/** The core evaluation engine's category under the default rules (the engine never throws on data). */
export function coreCategory(kpi: Kpi, fiscalYear: number): Category {
  return evaluateKpi(kpi, DEFAULT_RULES, fiscalYear).computed;
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
    if (!named)
      for (const i of issues)
        if (i.column && c.header && i.column === c.header && RANK[i.confidence] < RANK[confidence])
          confidence = i.confidence;
    return { ...c, table, confidence };
  });
}

/** What the reader recognised, from its report (`given`: the profile the file was read with). */
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

/** The importer of src/sheet (Markdown/PDF-text tables, CSV, Excel, sheet/1 JSON). */
export const sheetImporter: Importer = async (bytes, fileName, options = {}) => {
  const { importSheet } = await import("../sheet/index.ts");
  const out = await importSheet(bytes, fileName, options.profile ? { profile: options.profile } : {});
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
    recognised: recognisedOf(out.report, out.sheet, options.profile),
  };
};
