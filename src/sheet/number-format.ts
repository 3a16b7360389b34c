/**
 * Targets and actuals as numbers in the XLSX, printed exactly as the sheet prints them: the cell
 * holds the number as printed (12,025億円 → 12025, so a column of the same unit sums) and a number
 * format carries what surrounds it as literal text (`#,##0"億円(令和2年)"`). The reader turns such a
 * cell back into the same text, so the workbook imports to the same sheet. A value that is not one
 * number with text around it (segments, ▲, line breaks, words) stays a text cell.
 */

export interface NumberCell {
  value: number;
  numFmt: string;
}

// prefix (no digits, no sign marks) · the number as printed · the rest (may mention a year)
const PRINTED = /^([^\d\-−▲△+.,"\\]*)(-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?)([^"\\]*)$/;
const LITERAL_FORMAT = /^(?:"([^"]*)")?(#,##0|0)(?:\.(0+))?(?:"([^"]*)")?$/;

const quoted = (s: string) => (s === "" ? "" : `"${s}"`);

/** The number cell for a printed value, or null when the text must stay text. */
export function printedNumberCell(text: string): NumberCell | null {
  if (text.includes("\n") || text.trim() !== text) return null;
  const m = PRINTED.exec(text);
  if (!m) return null;
  const [, prefix = "", digits = "", decimals, suffix = ""] = m;
  if (/^[\d.,]/.test(suffix)) return null; // 1,2345人 is not 1,234 then "5人"
  const value = Number(digits.replaceAll(",", ""));
  if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) return null;
  // 1234 printed without a separator needs "0"; 12,345 or a number below 1,000 reads the same with "#,##0".
  const grouping = digits.includes(",") || Math.abs(value) < 1000 ? "#,##0" : "0";
  const numFmt = `${quoted(prefix)}${grouping}${decimals ? `.${"0".repeat(decimals.length)}` : ""}${quoted(suffix)}`;
  const cell = { value, numFmt };
  // Only when the format gives back exactly the printed text.
  return formatLiteralNumber(value, numFmt) === text ? cell : null;
}

/** A number shown through a format of the kind printedNumberCell writes, or null for other formats. */
export function formatLiteralNumber(value: number, numFmt: string): string | null {
  const m = LITERAL_FORMAT.exec(numFmt);
  if (!m) return null;
  const [, prefix = "", grouping, decimals = "", suffix = ""] = m;
  const n =
    grouping === "#,##0"
      ? value.toLocaleString("en-US", {
          minimumFractionDigits: decimals.length,
          maximumFractionDigits: decimals.length,
        })
      : value.toFixed(decimals.length);
  return `${prefix}${n}${suffix}`;
}
