/**
 * The one CSV writer: every CSV Sosei writes (the sheet CSV, open data, the web's download) goes
 * through `writeCsv`, so they all share one dialect — UTF-8 with a BOM (Excel then reads UTF-8),
 * CRLF line ends, RFC 4180 quoting (a cell with `,` `"` a line break, or spaces at either end is
 * quoted; quotes doubled). csv-stringify's sync API is pure (no I/O), so it may live in the core.
 */
import { stringify } from "csv-stringify/sync";
import { plainDecimal } from "./value/format.ts";

export type CsvCell = string | number | boolean | null | undefined;

/** A number as plain digits: no 3桁区切り, no exponent; NaN and ±Infinity as an empty cell. */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return "";
  return `${n < 0 ? "-" : ""}${plainDecimal(n)}`;
}

/** Rows (the header first, when there is one) → CSV text. null / undefined → empty cell. */
export function writeCsv(rows: readonly (readonly CsvCell[])[]): string {
  return stringify(rows as CsvCell[][], {
    bom: true,
    record_delimiter: "\r\n",
    quoted_match: /^\s|\s$|[\r\n]/,
    cast: {
      number: plainNumber,
      boolean: (b) => (b ? "true" : "false"),
    },
  });
}
