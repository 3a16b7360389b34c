/**
 * The official outputs of a year as downloads (the web's downloadSheetPdf / downloadSheetXlsx /
 * downloadSheetCsv / downloadOpenData): the same renderers as `sosei report` and `sosei export`.
 * Who may see which year is decided by the route (the public: published years only); a year not yet
 * published is printed marked 案. The open data of a year carries each KPI's stable id and state.
 */
import { evaluateSheet } from "../core/evaluation/index.ts";
import { toOpenDataCsv } from "../report/open-data.ts";
import { sheetPrintHtml } from "../report/print-html.ts";
import { writeSheetCsv, writeSheetXlsx } from "../sheet/index.ts";
import { type Db, exportSheet, isPublishedYear, publicYear, yearIdentity } from "../store/index.ts";
import { chromiumPrinter, type PdfPrinter } from "./pdf-printer.ts";

export interface Download {
  body: Uint8Array;
  contentType: string;
  filename: string;
}

export type SheetFormat = "pdf" | "xlsx" | "csv";

const CONTENT_TYPES: Record<SheetFormat | "open-data", string> = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  "open-data": "text/csv; charset=utf-8",
};

const utf8 = (s: string) => new TextEncoder().encode(s);

/** The year's sheet as PDF (A4 landscape, 案 unless published), XLSX (numbers typed) or CSV (for Excel). */
export async function sheetDownload(
  db: Db,
  where: { fiscalYear: number; municipality?: string | undefined },
  format: SheetFormat,
  /** The public's copy: a row under correction as last published, never marked 案. */
  asPublic = false,
  print: PdfPrinter = chromiumPrinter,
): Promise<Download> {
  const sheet = asPublic ? (await publicYear(db, where)).sheet : await exportSheet(db, where);
  const draft = !asPublic && !(await isPublishedYear(db, where.fiscalYear));
  const base = `sheet-${where.fiscalYear}${draft ? "-draft" : ""}`;
  if (format === "pdf") {
    const body = await print(sheetPrintHtml(sheet, evaluateSheet(sheet), { draft }));
    return { body, contentType: CONTENT_TYPES.pdf, filename: `${base}.pdf` };
  }
  if (format === "xlsx")
    return { body: await writeSheetXlsx(sheet), contentType: CONTENT_TYPES.xlsx, filename: `${base}.xlsx` };
  return {
    body: utf8(writeSheetCsv(sheet)),
    contentType: CONTENT_TYPES.csv,
    filename: `${base}.csv`,
  };
}

/**
 * The year's open data CSV (docs/open-data.md): kpi_id, review_state and the dated 訂正 note on every
 * row; the public's copy shows a row under correction as last published.
 */
export async function openDataDownload(
  db: Db,
  where: { fiscalYear: number; municipality?: string | undefined },
  asPublic = false,
): Promise<Download> {
  const year = await publicYear(db, where);
  const sheet = asPublic ? year.sheet : await exportSheet(db, where);
  const identity = asPublic ? year : await yearIdentity(db, where);
  const csv = toOpenDataCsv([sheet], [evaluateSheet(sheet)], [identity]);
  return {
    body: utf8(csv),
    contentType: CONTENT_TYPES["open-data"],
    filename: `sosei-open-data-${where.fiscalYear}.csv`,
  };
}

/** `Content-Disposition` for a download whose name may hold non-ASCII (RFC 6266 / 5987). */
export const attachment = (filename: string): string =>
  `attachment; filename="${filename.replace(/[^\x20-\x7e]|"/g, "_")}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
