/** The importer's public types (re-exported by index.ts). */
import type { Sheet } from "../core/sheet.ts";
import type { ImportProfile } from "./profile-types.ts";

export type ImportFormat = "markdown" | "csv" | "xlsx" | "pdf" | "json";

export type Confidence = "certain" | "high" | "medium" | "low";

/** One repair or inference the importer made, or one problem it kept. `row` is the source row (1-based). */
export interface ImportIssue {
  row: number | null;
  column: string | null;
  kind: string;
  before: string | null;
  after: string | null;
  confidence: Confidence;
  message: string;
}

/** A value of a row's year columns that could not be read (kept as text; no column to name). */
export const unreadableYearValue = (row: number, message: string): ImportIssue => ({
  row,
  column: null,
  kind: "value_unreadable",
  before: null,
  after: null,
  confidence: "low",
  message,
});

export interface DroppedCell {
  row: number;
  column: string;
  text: string;
  reason: string;
}

export interface ImportReport {
  format: ImportFormat;
  source: string;
  kpiCount: number;
  issues: ImportIssue[];
  /** Every non-empty cell of the source: used in the output, or dropped with its reason. */
  cells: { total: number; used: number; dropped: DroppedCell[] };
  /** PDF: where each source row (its number in `row` above) was printed: page and cell boxes in points. */
  locations?: SourceLocation[];
  /** What the reader recognised (layout, column → field, header rows, evaluated year, scale). */
  profile?: ImportProfile;
}

/** Where one source row of a PDF was printed (points, origin at the top left of the page as shown). */
export interface SourceLocation {
  row: number;
  page: number;
  /**
   * Non-empty cells: column is the 0-based position in the row as read (free lines: one cell, 0);
   * page when the cell was printed on another page than the row's first cell (a sheet whose columns
   * go on to the next pages).
   */
  cells: { column: number; x: number; y: number; width: number; height: number; page?: number }[];
}

export type ImportOutcome =
  | { ok: true; sheet: Sheet; report: ImportReport }
  | { ok: false; error: { code: string; message: string; labels?: string[] } };

/** A row of the source table as printed: cell texts with their line breaks (`<br>` or newline). */
export interface SourceRow {
  /** 1-based row (line) number in the source. */
  row: number;
  cells: string[];
  /** Markdown: which table (run of `|` lines) the row belongs to; XLSX: which worksheet. */
  block?: number;
  /** XLSX: the worksheet's name. */
  sheet?: string;
}

/** A source table, read from any format, before it is understood. */
export interface SourceTable {
  rows: SourceRow[];
  /** Non-empty text outside the table (Markdown prose lines), accounted for as dropped. */
  outside: { row: number; text: string }[];
  /**
   * Cells of rows a print repeats on every page (a browser's <thead>) left out where they interrupt
   * the table they are printed in (a PDF, read-pdf.ts): accounted for as dropped, read by no reader.
   */
  printedAgain?: { row: number; text: string }[];
  /**
   * XLSX: cells Excel hides (a hidden worksheet, row or column: a list for drop-downs, a helper
   * column of formulas, an abolished KPI's row). Not printed nor published, so read by no reader:
   * accounted for as dropped, and said once in the report. `column` names the cell (「リスト!A1」).
   */
  hidden?: { row: number; column: string; text: string }[];
}

/** A failure that makes the input not a sheet: code (snake_case) and a one-line Japanese message. */
export class NotASheet extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** `scale_unknown`: the rating marks no legend explains (for a form that asks their meaning). */
    readonly labels?: string[],
  ) {
    super(message);
    this.name = "NotASheet";
  }
}
