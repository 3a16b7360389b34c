/** The mapping profile's shape (kept apart so that the importer's public types can name it). */
import type { EvaluationScale } from "../core/sheet.ts";
import type { Field } from "./field.ts";

export interface ProfileColumn {
  /** Which table of the sheet (1-based; a sheet may print several, e.g. 数値目標 and KPIs). */
  table?: number;
  /** 1-based column. */
  col: number;
  header?: string;
  field: Field;
  year?: number | null;
}

export interface ImportProfile {
  layout?: "seed" | "table" | "cards" | "yearTables";
  fiscalYear?: number | null;
  headerRows?: number[];
  columns?: ProfileColumn[];
  scale?: EvaluationScale | null;
  /**
   * Read, never given: a workbook's worksheets of one table each for another fiscal year
   * (year-worksheets.ts), so that the year to read can be chosen (`fiscalYear`).
   */
  yearSheets?: { sheet: string; fiscalYear: number }[];
}
