/**
 * The department workbook file: written protected (only the cells to fill unlocked), with the
 * drop-down lists, the instructions first and the ids hidden; filled with exceljs as a department
 * would and read back exactly; other files refused with a reason.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { type DepartmentWorkbook, WORKBOOK_FORMAT } from "../core/entry/workbook-entry.ts";
import { readDepartmentWorkbook } from "./read-department-workbook.ts";
import { zipOf } from "./test-zip.ts";
import {
  ENTRY_SHEET,
  HEADER_ROW,
  WB,
  workbookFileName,
  writeDepartmentWorkbook,
  zipWorkbooks,
} from "./write-department-workbook.ts";
import { writeSheetXlsx } from "./write-xlsx.ts";

const fy = { year: 2023, basis: "fiscal" as const };
const data: DepartmentWorkbook = {
  municipality: "架空市",
  fiscalYear: 2023,
  department: "産業振興課",
  createdAt: "2024-05-01T09:00:00.000Z",
  rows: [
    {
      kpiId: "k-1",
      key: "2023-1",
      row: 1,
      state: "draft",
      version: 3,
      fingerprint: "0123456789abcdef",
      goal: "1 しごとをつくる",
      measure: "① 創業支援",
      indicator: "創業支援による新規開業件数",
      departments: ["産業振興課"],
      unit: "件",
      target: { kind: "number", value: 32, unit: "件", period: fy, raw: "32件" },
      finalTarget: {
        kind: "number",
        value: 40,
        unit: "件",
        period: { year: 2026, basis: "fiscal" },
        raw: "40件",
      },
      lastYear: {
        fiscalYear: 2022,
        target: { kind: "number", value: 30, unit: "件", period: fy, raw: "30件" },
        actual: { kind: "number", value: 34, unit: "件", period: fy, raw: "34件" },
      },
      entry: {
        actualText: "",
        evaluation: "",
        notEvaluable: "",
        reason: "",
        status: "",
        challenge: "",
        nextSteps: "",
      },
      editable: true,
    },
    {
      kpiId: "k-2",
      key: "2023-2",
      row: 2,
      state: "submitted",
      version: 5,
      fingerprint: "fedcba9876543210",
      goal: "1 しごとをつくる",
      measure: "② 雇用",
      indicator: "市内事業所の従業者数",
      departments: ["産業振興課", "商工労働課"],
      unit: "人",
      target: { kind: "missing" },
      finalTarget: { kind: "missing" },
      lastYear: null,
      entry: {
        actualText: "5.1万人",
        evaluation: "進捗の遅れ(コロナ)",
        notEvaluable: "",
        reason: "休業が続いた",
        status: "",
        challenge: "",
        nextSteps: "",
      },
      editable: false,
    },
  ],
};

async function open(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

describe("department workbook", () => {
  it("is protected, with the cells to fill unlocked, drop-downs, instructions first and hidden ids", async () => {
    const wb = await open(await writeDepartmentWorkbook(data));
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["記入方法", "visible"],
      [ENTRY_SHEET, "visible"],
      ["_sosei", "veryHidden"],
    ]);
    expect(String(wb.worksheets[0]!.getCell("B1").value)).toBe(
      "令和5年度（2023年度） 総合戦略KPI 実績記入シート",
    );
    const ws = wb.getWorksheet(ENTRY_SHEET)!;
    expect((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    const r1 = ws.getRow(HEADER_ROW + 1);
    const r2 = ws.getRow(HEADER_ROW + 2);
    expect(r1.getCell(WB.actual).protection?.locked).toBe(false);
    // a cell without a protection entry is locked (Excel's default)
    expect(r1.getCell(WB.indicator).protection?.locked ?? true).toBe(true);
    expect(r2.getCell(WB.actual).protection?.locked ?? true).toBe(true); // submitted: nothing to fill
    expect(r1.getCell(WB.evaluation).dataValidation).toMatchObject({
      type: "list",
      formulae: ['"順調に進捗,概ね順調に進捗,進捗の遅れ,進捗の遅れ(コロナ),評価不可"'],
    });
    expect(r1.getCell(WB.notEvaluable).dataValidation?.formulae).toEqual([
      '"統計の公表前,統計の廃止,事業の終了,その他"',
    ]);
    // last year's and this year's values as numbers, shown with their unit
    expect([r1.getCell(WB.lastActual).value, r1.getCell(WB.lastActual).numFmt]).toEqual([34, '#,##0"件"']);
    expect(ws.getRow(HEADER_ROW).getCell(WB.lastTarget).value).toBe("令和4年度 目標値");
    for (const col of [WB.kpiId, WB.fiscalYear, WB.version, WB.fingerprint, WB.original])
      expect(ws.getColumn(col).hidden).toBe(true);
    expect([r1.getCell(WB.kpiId).value, r1.getCell(WB.version).value]).toEqual(["k-1", 3]);
    expect(r2.getCell(WB.evaluation).value).toBe("進捗の遅れ(コロナ)");
  });

  it("reads back what a department typed with exceljs (a bare number gets the row's unit)", async () => {
    const wb = await open(await writeDepartmentWorkbook(data));
    const row = wb.getWorksheet(ENTRY_SHEET)!.getRow(HEADER_ROW + 1);
    row.getCell(WB.actual).value = 41;
    row.getCell(WB.evaluation).value = "順調に進捗";
    row.getCell(WB.status).value = "セミナーを4回開いた\r\n相談窓口を常設";
    const back = await readDepartmentWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(back).toMatchObject({ fiscalYear: 2023, department: "産業振興課", municipality: "架空市" });
    expect(back.createdAt).toBe("2024-05-01T09:00:00.000Z");
    expect(back.rows.map((r) => [r.line, r.kpiId, r.fiscalYear, r.version, r.fingerprint])).toEqual([
      [4, "k-1", 2023, 3, "0123456789abcdef"],
      [5, "k-2", 2023, 5, "fedcba9876543210"],
    ]);
    expect(back.rows[0]!.entry).toEqual({
      actualText: "41件",
      evaluation: "順調に進捗",
      notEvaluable: "",
      reason: "",
      status: "セミナーを4回開いた\n相談窓口を常設",
      challenge: "",
      nextSteps: "",
    });
    expect(back.rows[1]!.entry).toMatchObject({ actualText: "5.1万人", reason: "休業が続いた" });
    // the cells as written, kept hidden: what the department changed is what differs from them
    expect(back.rows.map((r) => r.original)).toEqual(data.rows.map((k) => k.entry));
  });

  it("refuses a file that is not a department workbook, naming why", async () => {
    const sheet = await writeSheetXlsx({ schema: "sheet/1", fiscalYear: 2023, kpis: [] } as never);
    await expect(readDepartmentWorkbook(sheet)).rejects.toMatchObject({
      code: "workbook_unreadable",
      message: expect.stringContaining("課別記入シートではありません"),
    });
    await expect(readDepartmentWorkbook(new TextEncoder().encode("PK garbage"))).rejects.toMatchObject({
      code: "workbook_unreadable",
    });
    // a zip bomb: 40 MiB of zeros is refused before exceljs inflates it
    const bomb = zipOf([["xl/worksheets/sheet1.xml", Buffer.alloc(40 * 1024 * 1024)]]);
    await expect(readDepartmentWorkbook(bomb)).rejects.toMatchObject({
      code: "workbook_unreadable",
      message: expect.stringContaining("上限"),
    });
    expect(WORKBOOK_FORMAT).toBe("sosei-department-workbook/1");
  });

  it("zips several workbooks under Japanese file names", async () => {
    const one = await writeDepartmentWorkbook(data);
    const name = workbookFileName(2023, "産業振興課");
    expect(name).toBe("2023年度_産業振興課_KPI記入シート.xlsx");
    const zip = await JSZip.loadAsync(await zipWorkbooks([{ name, body: one }]));
    expect(Object.keys(zip.files)).toEqual([name]);
    const back = await readDepartmentWorkbook(await zip.file(name)!.async("uint8array"));
    expect(back.department).toBe("産業振興課");
  });
});
