/**
 * Formulas in CSV: the policy (docs/open-data.md, "Formulas in CSV").
 *
 * - The sheet CSV (the 14 printed columns, opened in Excel by people) neutralises a cell that a
 *   spreadsheet would run as a formula: one beginning with `=`, `+`, `@`, TAB or CR, or with `-`
 *   followed by anything but a plain printed number (`-`, `-5人`, `-3.5%` stay). Such a cell is
 *   written with a leading `'` (Excel's own "this is text" mark), and the importer removes that
 *   `'` again, so the CSV still imports back to the same sheet.
 * - The open data CSV (machine-readable) is never altered: it must round-trip byte for byte; a
 *   consumer opening it in a spreadsheet is told so in docs/open-data.md.
 */

const PLAIN_NEGATIVE = /^-(?:[\d,]+(?:\.\d+)?[^=+\-*/^&()!:;|"'@\t\r<>]*)?$/;

/** Whether a spreadsheet could take the cell for a formula. */
export function looksLikeFormula(cell: string): boolean {
  const c = cell.charAt(0);
  if (c === "=" || c === "+" || c === "@" || c === "\t" || c === "\r") return true;
  return c === "-" && !PLAIN_NEGATIVE.test(cell);
}

/** The cell as the sheet CSV writes it. */
export const neutraliseFormula = (cell: string): string => (looksLikeFormula(cell) ? `'${cell}` : cell);

/** The cell as read back: a `'` the writer put before a formula-like cell is removed. */
export const restoreNeutralised = (cell: string): string =>
  cell.startsWith("'") && looksLikeFormula(cell.slice(1)) ? cell.slice(1) : cell;
