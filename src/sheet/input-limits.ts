/**
 * Limits on what the importer accepts, so that one upload cannot exhaust memory or time.
 * A city's yearly sheet is a few hundred KPIs and well under a megabyte; the limits are far above.
 */
import { NotASheet } from "./types.ts";

/** Bytes of one input file. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
/** Rows of one table (a sheet has a few hundred). */
export const MAX_ROWS = 50_000;
/** Columns with content (a sheet has 14, plus a few spacers). */
export const MAX_COLUMNS = 200;
/** Characters of one cell: a sheet's longest narrative is a few thousand; far above that is not a sheet. */
export const MAX_CELL_CHARS = 100_000;
/** Total uncompressed size of an XLSX's entries, read from its central directory before inflating. */
// exceljs holds about 80 bytes of memory per byte of sheet XML, so 32 MiB keeps one upload under ~3 GB.
export const MAX_XLSX_INFLATED_BYTES = 32 * 1024 * 1024;

const mib = (n: number) => `${Math.round(n / 1024 / 1024)} MiB`;

export function checkInputSize(bytes: Uint8Array): void {
  if (bytes.length > MAX_IMPORT_BYTES)
    throw new NotASheet(
      "input_too_large",
      `ファイルが大きすぎます(${mib(bytes.length)}。上限は ${mib(MAX_IMPORT_BYTES)})`,
    );
}

export function checkRowCount(rows: number): void {
  if (rows > MAX_ROWS)
    throw new NotASheet("input_too_large", `行が多すぎます(${rows} 行。上限は ${MAX_ROWS} 行)`);
}

export function checkColumnCount(row: number, columns: number): void {
  if (columns > MAX_COLUMNS)
    throw new NotASheet(
      "input_too_large",
      `${row}行目: 列が多すぎます(${columns} 列。上限は ${MAX_COLUMNS} 列)`,
    );
}

export function checkCellLengths(row: number, cells: readonly string[]): void {
  cells.forEach((text, i) => {
    if (text.length > MAX_CELL_CHARS)
      throw new NotASheet(
        "input_too_large",
        `${row}行目 ${i + 1}列目: セルが長すぎます(${text.length.toLocaleString("ja-JP")} 文字。上限は ${MAX_CELL_CHARS.toLocaleString("ja-JP")} 文字)`,
      );
  });
}

/**
 * Sums the uncompressed sizes a zip declares in its central directory (without inflating
 * anything) and refuses a zip that would inflate past the limit. A zip without a readable
 * directory is left to the XLSX reader, which refuses it.
 */
export function checkZipInflatedSize(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return;
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return;
    total += view.getUint32(at + 24, true);
    if (total > MAX_XLSX_INFLATED_BYTES)
      throw new NotASheet(
        "input_too_large",
        `xlsx の展開後の大きさが上限(${mib(MAX_XLSX_INFLATED_BYTES)})を超えます`,
      );
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
}
