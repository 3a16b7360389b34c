/**
 * A department's workbook (XLSX) for the open year, the file a department fills in and sends back:
 * 「記入方法」 (instructions) first, then 「記入シート」 with one row per KPI — the hierarchy, last
 * year's target and actual, this year's target (numbers where printed as one), the cells to fill
 * (yellow, unlocked) and everything else locked by sheet protection; 評価 and 評価不可の理由 are
 * drop-down lists; hidden columns hold each row's KPI id, year, version and fingerprint, and a
 * hidden sheet 「_sosei」 the format, year and department, so that the upload is read exactly.
 * Also a ZIP of several workbooks (jszip).
 */
// Loaded when a workbook is written, not when the CLI starts.
import type ExcelJS from "exceljs";
import {
  type DepartmentWorkbook,
  EVALUATION_CHOICES,
  NOT_EVALUABLE_CHOICES,
  originalText,
  WORKBOOK_FORMAT,
  type WorkbookKpi,
} from "../core/entry/workbook-entry.ts";
import { fiscalYear, fiscalYearToWareki, formatFiscalYearJa as fyJa } from "../core/period.ts";
import { SHEET_COLUMN_NAMES_JA as COL, type Value } from "../core/sheet.ts";
import { printedValue } from "../core/value/format.ts";
import { printedNumberCell } from "./number-format.ts";

/** The columns of 「記入シート」 (1-based), shared with the reader. */
export const WB = {
  row: 1,
  goal: 2,
  measure: 3,
  indicator: 4,
  departments: 5,
  unit: 6,
  lastTarget: 7,
  lastActual: 8,
  target: 9,
  finalTarget: 10,
  actual: 11,
  evaluation: 12,
  notEvaluable: 13,
  reason: 14,
  status: 15,
  challenge: 16,
  nextSteps: 17,
  state: 18,
  kpiId: 19,
  fiscalYear: 20,
  version: 21,
  fingerprint: 22,
  original: 23,
} as const;
export const ENTRY_SHEET = "記入シート";
export const META_SHEET = "_sosei";
/** The header row of 「記入シート」; data rows follow. */
export const HEADER_ROW = 3;

const FILL_COLUMNS = [
  WB.actual,
  WB.evaluation,
  WB.notEvaluable,
  WB.reason,
  WB.status,
  WB.challenge,
  WB.nextSteps,
];
const WIDTHS = [5, 18, 20, 28, 12, 7, 12, 12, 12, 12, 14, 16, 14, 28, 32, 28, 28, 10];
const STATE_JA: Record<string, string> = {
  draft: "下書き",
  submitted: "提出済み",
  returned: "差戻し",
  approved: "承認済み",
  published: "公表済み",
};

const formatFiscalYearJa = (y: number) => fyJa(fiscalYear(y));
/** Columns a text takes (full-width characters count two), for row heights: exceljs sets none. */
const textWidth = (t: string) => [...t].reduce((n, ch) => n + ((ch.codePointAt(0) ?? 0) > 0xff ? 2 : 1), 0);

/** A row tall enough for its wrapped texts (Excel and LibreOffice do not grow a row written without). */
function fitHeight(row: ExcelJS.Row, widths: readonly number[], min: number) {
  let lines = 1;
  row.eachCell((cell, col) => {
    if (col > widths.length) return; // the hidden columns
    const width = Math.max(4, (widths[col - 1] ?? 10) - 1);
    const text = typeof cell.value === "string" ? cell.value : "";
    const n = text
      .split("\n")
      .reduce((sum, line) => sum + Math.max(1, Math.ceil(textWidth(line) / width)), 0);
    lines = Math.max(lines, n);
  });
  row.height = Math.max(min, lines * 14 + 4);
}

/** 2024-05-01T09:00:00Z → 2024-05-01 18:00 (Japan has no daylight saving time). */
const japanTime = (iso: string) =>
  new Date(Date.parse(iso) + 9 * 3_600_000).toISOString().replace("T", " ").slice(0, 16);
const solid = (argb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });
const FILL_YELLOW = solid("FFFFF2CC");
const FILL_GREY = solid("FFEDEDED");
const FILL_HEADER = solid("FFD9E1F2");
const thin: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

/** The file name of a department's workbook: 「2022年度_商工振興課_KPI記入シート.xlsx」. */
export const workbookFileName = (fiscalYear: number, department: string): string =>
  `${fiscalYear}年度_${department.replace(/[\\/:*?"<>|]/g, "_")}_KPI記入シート.xlsx`;

function setValue(cell: ExcelJS.Cell, v: Value | null | undefined) {
  if (!v || v.kind === "missing") return;
  const text = printedValue(v);
  const num = printedNumberCell(text);
  if (num) {
    cell.value = num.value;
    cell.numFmt = num.numFmt;
  } else cell.value = text;
}

function instructions(wb: ExcelJS.Workbook, data: DepartmentWorkbook) {
  const ws = wb.addWorksheet("記入方法", {
    pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true },
  });
  ws.columns = [{ width: 4 }, { width: 90 }];
  const year = formatFiscalYearJa(data.fiscalYear);
  const lines: [string, string][] = [
    ["", `${year} 総合戦略KPI 実績記入シート`],
    ["", `${data.municipality ?? ""} ${data.department}（KPI ${data.rows.length}件）`],
    ["", `作成日時: ${japanTime(data.createdAt)}（日本時間）`],
    ["", ""],
    ["", "記入のしかた"],
    [
      "1",
      "「記入シート」の黄色のセルに記入してください。灰色のセルは変更できません（行や列の追加・削除もしないでください）。",
    ],
    [
      "2",
      "実績値: 「1万8225人」「85.2%」のように単位を付けて書けます。数字だけを書いた場合は「単位」列の単位とみなします。",
    ],
    [
      "3",
      "進捗評価: セルを選ぶと出る一覧から選んでください（順調に進捗・概ね順調に進捗・進捗の遅れ・進捗の遅れ(コロナ)・評価不可）。",
    ],
    [
      "4",
      "進捗の遅れのときは「理由」を書いてください。評価不可のときは「評価不可の理由」を一覧から選び、「その他」のときは「理由」に内容を書いてください。",
    ],
    ["5", "取組の実施状況・課題・今後の方策等は、評価シートに載る文章です。セル内の改行は Alt+Enter です。"],
    [
      "6",
      "記入が終わったら保存し、Sosei の「インポート/エクスポート」画面の「課別記入シート（Excel）」からアップロードしてください（または企画担当へ送ってください）。",
    ],
    [
      "7",
      "アップロードすると、KPIごとに変わる内容が表示され、確認してから下書きとして保存されます。提出は Web 画面の「入力」で行います。",
    ],
    [
      "8",
      "このファイルを作った後に Web 画面で変更された KPI は、上書きせずに「競合」と表示します。その KPI は Web 画面で入力してください。",
    ],
    ["", ""],
    ["", "状態が「提出済み」「承認済み」の行は変更できません（差し戻されると変更できます）。"],
  ];
  for (const l of lines) ws.addRow(l);
  ws.getCell("B1").font = { bold: true, size: 14 };
  ws.getCell("B5").font = { bold: true };
  ws.eachRow((row, r) => {
    row.getCell(2).alignment = { wrapText: true, vertical: "top" };
    row.getCell(1).alignment = { vertical: "top", horizontal: "right" };
    if (r > 1) fitHeight(row, [4, 90], 16);
  });
}

function entrySheet(wb: ExcelJS.Workbook, data: DepartmentWorkbook) {
  const ws = wb.addWorksheet(ENTRY_SHEET, {
    // A3 landscape (OOXML paper size 8; exceljs names no A3), one page wide: 18 columns do not fit A4.
    pageSetup: {
      paperSize: 8 as ExcelJS.PaperSize,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
    views: [{ state: "frozen", ySplit: HEADER_ROW, xSplit: WB.indicator }],
  });
  ws.pageSetup.printTitlesRow = `${HEADER_ROW}:${HEADER_ROW}`;
  ws.columns = [
    ...WIDTHS.map((width) => ({ width })),
    ...[10, 6, 6, 10, 10].map((width) => ({ width, hidden: true })),
  ];
  const last = data.rows.find((r) => r.lastYear)?.lastYear?.fiscalYear ?? data.fiscalYear - 1;
  ws.getCell(1, 1).value = `${formatFiscalYearJa(data.fiscalYear)} KPI実績 記入シート　${data.department}`;
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  ws.getCell(2, 1).value =
    "黄色のセルに記入してください（灰色のセルは変更できません）。記入方法は「記入方法」シートを見てください。";
  const header = ws.getRow(HEADER_ROW);
  const names: Record<number, string> = {
    [WB.row]: "行",
    [WB.goal]: COL.goal,
    [WB.measure]: COL.measure,
    [WB.indicator]: COL.indicator,
    [WB.departments]: COL.departments,
    [WB.unit]: "単位",
    [WB.lastTarget]: `${fiscalYearToWareki(fiscalYear(last))} 目標値`,
    [WB.lastActual]: `${fiscalYearToWareki(fiscalYear(last))} 実績値`,
    [WB.target]: "今年度 目標値",
    [WB.finalTarget]: COL.finalTarget,
    [WB.actual]: "実績値【記入】",
    [WB.evaluation]: "進捗評価【選択】",
    [WB.notEvaluable]: "評価不可の理由【選択】",
    [WB.reason]: "理由（進捗の遅れ・評価不可）【記入】",
    [WB.status]: "取組の実施状況【記入】",
    [WB.challenge]: "課題【記入】",
    [WB.nextSteps]: "今後の方策等【記入】",
    [WB.state]: "状態",
    [WB.kpiId]: "kpi_id",
    [WB.fiscalYear]: "fiscal_year",
    [WB.version]: "version",
    [WB.fingerprint]: "fingerprint",
    [WB.original]: "original",
  };
  for (const [col, name] of Object.entries(names)) header.getCell(Number(col)).value = name;
  header.eachCell((c) => {
    c.font = { bold: true };
    c.fill = FILL_HEADER;
    c.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
    c.border = thin;
  });
  header.height = 36;
  data.rows.forEach((k, i) => {
    const row = ws.getRow(HEADER_ROW + 1 + i);
    writeRow(row, k);
    // Room to type in, and for the narrative already there.
    fitHeight(row, WIDTHS, 36);
  });
  return ws;
}

function writeRow(row: ExcelJS.Row, k: WorkbookKpi) {
  const text: [number, string | number][] = [
    [WB.row, k.row],
    [WB.goal, k.goal],
    [WB.measure, k.measure],
    [WB.indicator, k.indicator],
    [WB.departments, k.departments.join("\n")],
    [WB.unit, k.unit ?? ""],
    [WB.actual, k.entry.actualText],
    [WB.evaluation, k.entry.evaluation],
    [WB.notEvaluable, k.entry.notEvaluable],
    [WB.reason, k.entry.reason],
    [WB.status, k.entry.status],
    [WB.challenge, k.entry.challenge],
    [WB.nextSteps, k.entry.nextSteps],
    [WB.state, STATE_JA[k.state] ?? k.state],
    [WB.kpiId, k.kpiId],
    [WB.fiscalYear, Number(k.key.split("-")[0])],
    [WB.version, k.version],
    [WB.fingerprint, k.fingerprint],
    [WB.original, originalText(k.entry)],
  ];
  for (const [col, v] of text) if (v !== "") row.getCell(col).value = v;
  setValue(row.getCell(WB.lastTarget), k.lastYear?.target);
  setValue(row.getCell(WB.lastActual), k.lastYear?.actual);
  setValue(row.getCell(WB.target), k.target);
  setValue(row.getCell(WB.finalTarget), k.finalTarget);
  for (let col = WB.row; col <= WB.original; col++) {
    const cell = row.getCell(col);
    const fill = k.editable && FILL_COLUMNS.includes(col as (typeof FILL_COLUMNS)[number]);
    cell.alignment = { wrapText: true, vertical: "top" };
    cell.border = thin;
    cell.fill = fill ? FILL_YELLOW : FILL_GREY;
    cell.protection = { locked: !fill };
  }
  // The actual as typed stays text (「1万8225人」 must not become a date or a number without its unit).
  if (k.editable) {
    row.getCell(WB.evaluation).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [`"${EVALUATION_CHOICES.map((c) => c.label).join(",")}"`],
      showErrorMessage: true,
      errorTitle: COL.evaluation,
      error: "一覧から選んでください",
    };
    row.getCell(WB.notEvaluable).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [`"${NOT_EVALUABLE_CHOICES.join(",")}"`],
      showErrorMessage: true,
      errorTitle: "評価不可の理由",
      error: "一覧から選んでください",
    };
  }
}

function metaSheet(wb: ExcelJS.Workbook, data: DepartmentWorkbook) {
  const ws = wb.addWorksheet(META_SHEET, { state: "veryHidden" });
  ws.addRows([
    ["format", WORKBOOK_FORMAT],
    ["fiscal_year", data.fiscalYear],
    ["department", data.department],
    ["municipality", data.municipality ?? ""],
    ["created_at", data.createdAt],
  ]);
  return ws;
}

export async function writeDepartmentWorkbook(data: DepartmentWorkbook): Promise<Uint8Array> {
  const { default: Excel } = await import("exceljs");
  const wb = new Excel.Workbook();
  wb.creator = "sosei";
  wb.title = `${formatFiscalYearJa(data.fiscalYear)} KPI実績 記入シート ${data.department}`;
  instructions(wb, data);
  const entry = entrySheet(wb, data);
  const meta = metaSheet(wb, data);
  // No password: the protection keeps a clerk from changing a locked cell by accident, nothing more.
  const options = {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  };
  await entry.protect("", options);
  await meta.protect("", {});
  wb.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: "visible" },
  ];
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Several workbooks in one ZIP (file names in UTF-8). */
export async function zipWorkbooks(files: { name: string; body: Uint8Array }[]): Promise<Uint8Array> {
  const { default: JSZip } = await import("jszip");
  const zip = new JSZip();
  for (const f of files) zip.file(f.name, f.body);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
