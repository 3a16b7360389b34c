/**
 * Reads the first worksheet that holds a sheet's column names (exceljs). Merged cells (the cities'
 * files merge the hierarchy over its rows) are read from their top-left cell on every row they cover.
 */
// Loaded when a workbook is read or written, not when the CLI starts.
import type ExcelJS from "exceljs";
import { COLUMN_COUNT, isSeedHeader } from "./columns.ts";
import { checkColumnCount, checkRowCount, checkZipInflatedSize } from "./input-limits.ts";
import { dropEmptyColumns } from "./margin-columns.ts";
import { formatLiteralNumber } from "./number-format.ts";
import { NotASheet, type SourceTable } from "./types.ts";
import { readTextBoxes, type TextBox } from "./xlsx-text-boxes.ts";
import { checkZipInflatesWithinLimit } from "./zip-inflate-check.ts";

type FormatNumber = typeof import("numfmt")["format"];

/**
 * A number as the sheet shows it through its number format (numfmt reads Excel's format codes): a
 * city's file carries the unit, padding and sign in the format (`#,##0"人"_ ;[Red]\-#,##0"人"\ `,
 * `0.0%`, `#,##0;"▲"#,##0`), so the stored 1234 is 「1,234人」 on its printed sheet, and a PDF of it
 * reads the same. General keeps every digit (its display would round to the column's width).
 */
function numberText(v: number, fmt: string, format: FormatNumber): string {
  // Japanese Excel may keep its own words in a code: 「G/標準」 for General, 「[赤]」「[色10]」 for colours.
  const code = fmt
    .replace(/G\/標準/g, "General")
    .replace(/\[(?:赤|青|黒|緑|白|黄|紫|水)\]/g, "[Red]")
    .replace(/\[色(\d+)\]/g, "[Color$1]");
  if (code === "" || /^(General|@)$/i.test(code)) return String(v);
  let shown: string;
  try {
    shown = format(code, v, { locale: "ja", nbsp: false }).trim();
  } catch {
    // A code numfmt cannot parse (a quote left open): the literal forms our writer uses, a
    // percentage, or the plain number.
    const literal = formatLiteralNumber(v, fmt);
    if (literal !== null) return literal;
    if (fmt.includes("%")) return `${(v * 100).toFixed(/\.(0+)%/.exec(fmt)?.[1]?.length ?? 0)}%`;
    return fmt.includes("#,##") ? v.toLocaleString("en-US") : String(v);
  }
  // A negative shown only in red or in brackets (an accountant's 「(1.50)」) is a minus all the same.
  if (v < 0 && !/[-−▲△]/.test(shown)) shown = `-${shown.replace(/^\((.*)\)$/, "$1")}`;
  return shown;
}

/**
 * A date as a Japanese sheet writes it, by what its format shows: 「2016年3月」 for a month
 * (目標年月 typed as a date, shown 「平成28年3月」 or 「H28.3」), else 「2016年3月31日」. (Excel keeps a
 * date as a day count; exceljs gives it as a UTC instant.)
 */
function dateText(d: Date, fmt: string): string {
  const month = `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月`;
  const showsDay = /d|日/i.test(fmt.replace(/"[^"]*"|\[[^\]]*\]/g, ""));
  return showsDay || fmt === "" ? `${month}${d.getUTCDate()}日` : month;
}

function cellText(cell: ExcelJS.Cell, format: FormatNumber): string {
  const v = cell.isMerged && cell.master !== cell ? cell.master.value : cell.value;
  const fmt = (cell.isMerged ? cell.master : cell).numFmt ?? "";
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return numberText(v, fmt, format);
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return String(v);
  if (v instanceof Date) return dateText(v, fmt);
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  if ("text" in v && typeof v.text === "string") return v.text;
  // A formula (a 達成率 computed as 実績÷目標) shows its cached result through the cell's format.
  if ("result" in v) {
    const r = v.result;
    if (typeof r === "number") return numberText(r, fmt, format);
    if (r instanceof Date) return dateText(r, fmt);
    // 「#DIV/0!」 (a rate over a target of 0): the error as the sheet shows it, read as no figure.
    if (r !== null && typeof r === "object") return "error" in r ? String(r.error) : "";
    return r === undefined || r === null ? "" : String(r);
  }
  return String(cell.text ?? "");
}

/** The workbook's text boxes; a drawing that cannot be read is left out (the cells are the sheet). */
async function textBoxesOf(bytes: Uint8Array): Promise<TextBox[]> {
  try {
    const { default: JSZip } = await import("jszip");
    return await readTextBoxes(await JSZip.loadAsync(bytes));
  } catch {
    return [];
  }
}

/**
 * A text box's text as a row of one cell (how a legend typed in cells under the table reads): at its
 * anchor row when no cell is there, else after the worksheet's last row (a box drawn over the table).
 */
function placeTextBoxes(rows: SourceTable["rows"], boxes: TextBox[], block: number, sheet: string): void {
  const width = Math.max(COLUMN_COUNT, ...rows.map((r) => r.cells.length));
  let last = Math.max(0, ...rows.map((r) => r.row));
  for (const b of boxes) {
    const at = rows.some((r) => r.row === b.row) ? ++last : b.row;
    last = Math.max(last, at);
    const cells = Array.from({ length: width }, (_, i) => (i === 0 ? b.text : ""));
    rows.push({ row: at, cells, block, sheet });
  }
  rows.sort((a, b) => a.row - b.row);
}

const withHidden = (table: SourceTable, hidden: NonNullable<SourceTable["hidden"]>): SourceTable =>
  hidden.length > 0 ? { ...table, hidden } : table;

export async function readXlsxTable(bytes: Uint8Array): Promise<SourceTable> {
  checkZipInflatedSize(bytes);
  // The declared sizes can lie: count what really inflates before exceljs inflates it all in memory.
  checkZipInflatesWithinLimit(bytes);
  const [{ default: Excel }, { format }] = await Promise.all([import("exceljs"), import("numfmt")]);
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (e) {
    throw new NotASheet("xlsx_unreadable", `xlsx ファイルを読めません: ${(e as Error).message}`);
  }
  const boxes = await textBoxesOf(bytes);
  const all: SourceTable = { rows: [], outside: [] };
  // What Excel hides is not on the printed sheet: a list sheet for drop-downs, a helper column of
  // formulas, an abolished KPI's row. Read, it became rows, KPIs or a role (8 of 42 layouts wrong
  // with exit 0, 21 refused, with one hidden helper column); it is kept aside and reported.
  const hidden: NonNullable<SourceTable["hidden"]> = [];
  const seed: SourceTable["rows"] = [];
  for (const [index, ws] of wb.worksheets.entries()) {
    const sheetHidden = ws.state !== "visible";
    // Sparse: only rows and cells that exist (a lone far cell must not make us walk the whole grid).
    const rows: SourceTable["rows"] = [];
    let count = 0;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      checkRowCount(++count);
      const byCol = new Map<number, string>();
      let last = 0;
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const text = cellText(cell, format).replace(/\r\n?/g, "\n").trim();
        if (text === "") return;
        checkColumnCount(r, c);
        if (sheetHidden || row.hidden || ws.getColumn(c).hidden) {
          hidden.push({ row: r, column: `${ws.name}!${cell.address}`, text });
          return;
        }
        byCol.set(c, text);
        last = Math.max(last, c);
      });
      if (sheetHidden || row.hidden) return;
      const cells = Array.from({ length: Math.max(COLUMN_COUNT, last) }, (_, i) => byCol.get(i + 1) ?? "");
      while (cells.length > COLUMN_COUNT && cells.at(-1) === "") cells.pop();
      rows.push({ row: r, cells, block: index + 1, sheet: ws.name });
    });
    dropEmptyColumns(rows);
    if (!sheetHidden)
      placeTextBoxes(
        rows,
        boxes.filter((b) => b.sheet === ws.name),
        index + 1,
        ws.name,
      );
    // Worksheets in the seed's 14 columns are the sheet (a sheet per year among them: year-
    // worksheets.ts), the others (a legend, a 数値目標 sheet our writer adds) not; other layouts
    // may spread over worksheets (a card per worksheet, a sheet per 基本目標 or per year), so all
    // are read. (The first header once ended the workbook here: a sheet per 基本目標 lost all but
    // its first sheet's KPIs with exit 0 — 31 of 31 table layouts so split — and of a seed workbook
    // with a sheet per year, the first was read, whichever year it was.)
    if (rows.some((r) => isSeedHeader(r.cells))) seed.push(...rows);
    all.rows.push(...rows);
  }
  return withHidden(seed.length > 0 ? { rows: seed, outside: [] } : all, hidden);
}
