/** Entry points: bytes (or a file) in, a sheet/1 sheet and its import report out. All-or-nothing. */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { checkSheet, sheetProblemsText } from "../core/api/sheet.ts";
import { fiscalYearOutOfRangeMessage, isFiscalYearInRange } from "../core/fiscal-year-range.ts";
import type { EvaluationScale } from "../core/sheet.ts";
import { checkSheetBounds } from "./check-sheet-bounds.ts";
import { checkNoFutureActuals } from "./future-actuals.ts";
import { importLayout } from "./import-layout.ts";
import type { ImportProfile } from "./import-profile.ts";
import { checkCellLengths, checkColumnCount, checkInputSize, checkRowCount } from "./input-limits.ts";
import { readCsvTable } from "./read-csv.ts";
import { readMarkdownTable } from "./read-markdown-table.ts";
import { sniffFormat } from "./sniff-format.ts";
import { type ImportOutcome, NotASheet } from "./types.ts";

/** What the user gives with the import: the city's scale (--scale), a corrected mapping (--profile). */
export interface ImportOptions {
  scale?: EvaluationScale | null;
  profile?: ImportProfile | null;
  /** The day the import runs (the caller's Clock): no actual can be of a later fiscal year. */
  today?: Date | null;
}

async function run(bytes: Uint8Array, fileName: string, options: ImportOptions): Promise<ImportOutcome> {
  const source = basename(fileName);
  checkInputSize(bytes);
  const { format, text } = sniffFormat(bytes, fileName);
  if (format === "json") {
    let json: unknown;
    try {
      json = JSON.parse(text ?? "");
    } catch (e) {
      throw new NotASheet("invalid_json", `JSON として読めません: ${(e as Error).message}`);
    }
    // A year out of range is its own refusal (invalid_fiscal_year), before the shape check would
    // call 1e308 only "too big".
    const fy =
      typeof json === "object" && json !== null ? (json as { fiscalYear?: unknown }).fiscalYear : null;
    if (typeof fy === "number" && !isFiscalYearInRange(fy))
      throw new NotASheet("invalid_fiscal_year", fiscalYearOutOfRangeMessage(fy));
    const v = checkSheet(json);
    if (!v.ok)
      throw new NotASheet(
        "invalid_sheet_json",
        `sheet/1 の形式に合いません: ${sheetProblemsText(v.problems)}`,
      );
    checkSheetBounds(v.sheet);
    return {
      ok: true,
      sheet: v.sheet,
      report: {
        format,
        source,
        kpiCount: v.sheet.kpis.length,
        issues: [],
        cells: { total: v.sheet.kpis.length, used: v.sheet.kpis.length, dropped: [] },
      },
    };
  }
  // The PDF reader (and pdfjs with it) is loaded only when a PDF is imported.
  const pdf = format === "pdf" ? await (await import("./pdf/read-pdf.ts")).readPdfTable(bytes) : null;
  const table =
    pdf ??
    (format === "xlsx"
      ? await (await import("./read-xlsx.ts")).readXlsxTable(bytes)
      : format === "csv"
        ? readCsvTable(text ?? "")
        : readMarkdownTable(await withPipeTables(text ?? "")));
  checkRowCount(table.rows.length);
  for (const r of table.rows) {
    checkColumnCount(r.row, r.cells.length);
    checkCellLengths(r.row, r.cells);
  }
  // PDF and extracted Markdown: every printed line ends in a break that may be a wrap (the reader
  // decides); CSV and XLSX breaks were typed by a person.
  const { sheet, report } = importLayout(table, format, source, {
    authored: format !== "markdown" && format !== "pdf",
    measured: format === "pdf",
    ...options,
  });
  if (pdf) report.locations = pdf.locations;
  checkSheetBounds(sheet);
  if (options.today) checkNoFutureActuals(sheet, options.today);
  const v = checkSheet(sheet);
  if (!v.ok)
    throw new NotASheet(
      "internal_invalid_output",
      `出力が sheet/1 に合いません: ${sheetProblemsText(v.problems, 20)}`,
    );
  return { ok: true, sheet, report };
}

/** HTML tables a Markdown writer kept (merged cells) as pipe rows; htmlparser2 loaded only for them. */
async function withPipeTables(text: string): Promise<string> {
  if (!/<table[\s>]/i.test(text)) return text;
  return (await import("./html-tables.ts")).htmlTablesAsPipes(text);
}

/** Imports one fiscal year's sheet; the format is sniffed from the content (the extension is a hint). */
export async function importSheet(
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  try {
    return await run(bytes, fileName, options);
  } catch (e) {
    if (e instanceof NotASheet)
      return {
        ok: false,
        error: { code: e.code, message: e.message, ...(e.labels ? { labels: e.labels } : {}) },
      };
    throw e;
  }
}

export async function importSheetFile(path: string, options: ImportOptions = {}): Promise<ImportOutcome> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as { code?: string }).code ?? "";
    return {
      ok: false,
      error: {
        code: "file_unreadable",
        message: `ファイルを読めません: ${path}${code === "ENOENT" ? "(存在しません)" : code ? ` (${code})` : ""}`,
      },
    };
  }
  return importSheet(bytes, path, options);
}
