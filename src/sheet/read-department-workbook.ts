/**
 * Reads a department workbook back (the file write-department-workbook.ts made, filled in): the
 * hidden sheet says which year and department; each row of 「記入シート」 gives its KPI id, year,
 * fingerprint and the filled cells as texts. A number typed as 実績値 gets the row's 単位.
 * Bounded like every XLSX import: file size, declared and real inflated size (zip-bomb guard),
 * rows, columns and cell lengths. Anything else is refused (workbook_unreadable), naming why.
 */
import type ExcelJS from "exceljs";
import {
  readOriginal,
  type UploadedRow,
  type UploadedWorkbook,
  WORKBOOK_FORMAT,
} from "../core/entry/workbook-entry.ts";
import { SoseiError } from "../core/errors.ts";
import { plainDecimal } from "../core/value/format.ts";
import {
  checkCellLengths,
  checkColumnCount,
  checkInputSize,
  checkRowCount,
  checkZipInflatedSize,
} from "./input-limits.ts";
import { NotASheet } from "./types.ts";
import { ENTRY_SHEET, HEADER_ROW, META_SHEET, WB } from "./write-department-workbook.ts";
import { checkZipInflatesWithinLimit } from "./zip-inflate-check.ts";

const refuse = (message: string) => new SoseiError("workbook_unreadable", message);

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return `${v < 0 ? "-" : ""}${plainDecimal(v)}`;
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  if ("text" in v && typeof v.text === "string") return v.text;
  if ("result" in v) return v.result === undefined || v.result === null ? "" : String(v.result);
  return "";
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  try {
    checkInputSize(bytes);
    checkZipInflatedSize(bytes);
    // The declared sizes can lie: count what really inflates before exceljs inflates it all in memory.
    checkZipInflatesWithinLimit(bytes);
  } catch (e) {
    if (e instanceof NotASheet) throw refuse(e.message);
    throw e;
  }
  const { default: Excel } = await import("exceljs");
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (e) {
    throw refuse(`xlsx ファイルを読めません: ${(e as Error).message}`);
  }
  return wb;
}

function readMeta(wb: ExcelJS.Workbook) {
  const meta = wb.getWorksheet(META_SHEET);
  const pairs = new Map<string, string>();
  meta?.eachRow({ includeEmpty: false }, (row, r) => {
    if (r <= 20) pairs.set(cellText(row.getCell(1)), cellText(row.getCell(2)).trim());
  });
  if (pairs.get("format") !== WORKBOOK_FORMAT)
    throw refuse(
      "Sosei の課別記入シートではありません（Sosei からダウンロードした記入シートに記入してアップロードしてください。評価シート全体は「取り込み」から）",
    );
  const fiscalYear = Number(pairs.get("fiscal_year"));
  const department = pairs.get("department") ?? "";
  if (!Number.isInteger(fiscalYear) || department === "")
    throw refuse("記入シートの年度・担当課の情報が壊れています");
  return {
    fiscalYear,
    department,
    municipality: pairs.get("municipality") || null,
    createdAt: pairs.get("created_at") ?? "",
  };
}

export async function readDepartmentWorkbook(bytes: Uint8Array): Promise<UploadedWorkbook> {
  const wb = await load(bytes);
  const meta = readMeta(wb);
  const ws = wb.getWorksheet(ENTRY_SHEET);
  if (!ws) throw refuse(`「${ENTRY_SHEET}」シートがありません（シート名を変えないでください）`);
  if (cellText(ws.getRow(HEADER_ROW).getCell(WB.kpiId)) !== "kpi_id")
    throw refuse(`「${ENTRY_SHEET}」の列が変わっています（列の追加・削除をしないでください）`);
  const rows: UploadedRow[] = [];
  let count = 0;
  try {
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      checkRowCount(++count);
      if (r <= HEADER_ROW) return;
      const texts: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        checkColumnCount(r, c);
        texts[c - 1] = cellText(cell);
      });
      checkCellLengths(
        r,
        texts.map((t) => t ?? ""),
      );
      const at = (col: number) => (texts[col - 1] ?? "").trim();
      if (texts.every((t) => !t || t.trim() === "")) return;
      const typed = row.getCell(WB.actual).value;
      // A bare number typed as 実績値 is in the row's unit (the instructions say so).
      const actualText =
        typeof typed === "number" && at(WB.unit) ? `${at(WB.actual)}${at(WB.unit)}` : at(WB.actual);
      rows.push({
        line: r,
        kpiId: at(WB.kpiId),
        fiscalYear: Number(at(WB.fiscalYear)),
        version: Number(at(WB.version)),
        fingerprint: at(WB.fingerprint),
        indicator: at(WB.indicator),
        original: readOriginal(texts[WB.original - 1] ?? ""),
        entry: {
          actualText,
          evaluation: at(WB.evaluation),
          notEvaluable: at(WB.notEvaluable),
          reason: texts[WB.reason - 1] ?? "",
          status: texts[WB.status - 1] ?? "",
          challenge: texts[WB.challenge - 1] ?? "",
          nextSteps: texts[WB.nextSteps - 1] ?? "",
        },
      });
    });
  } catch (e) {
    if (e instanceof NotASheet) throw refuse(e.message);
    throw e;
  }
  if (rows.length === 0) throw refuse(`「${ENTRY_SHEET}」にKPIの行がありません`);
  return { ...meta, rows };
}
