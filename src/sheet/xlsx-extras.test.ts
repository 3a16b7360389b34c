/**
 * The XLSX of another city's sheet: a 基準値 column after 指標名, the legend under the table, the
 * 数値目標 on a worksheet of their own; the seed's layout keeps its one worksheet of 14 columns.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { Sheet } from "../core/sheet.ts";
import { importSheet } from "./import-sheet.ts";
import { repoRoot } from "./test-paths.ts";
import { writeSheetXlsx } from "./write-xlsx.ts";

const load = (p: string) => JSON.parse(readFileSync(path.join(repoRoot, p), "utf8")) as Sheet;
const extended = load("fixtures/store/kakuu-table-2023.json");
const loadFixture = (name: string) => load(`fixtures/report/${name}`);

describe("the XLSX of a sheet with baselines, 数値目標 and a scale", () => {
  it("writes them into the XLSX: a 基準値 column, the legend under the table, a 数値目標 worksheet", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await writeSheetXlsx(extended)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("評価シート")!;
    expect(ws.getRow(2).getCell(6).value).toBe("指標名");
    expect(ws.getRow(2).getCell(7).value).toBe("基準値");
    expect(ws.getRow(2).getCell(8).value).toBe("令和5年度目標値");
    expect(ws.getRow(2).getCell(15).value).toBe("担当課");
    expect(ws.getRow(3).getCell(7).value).toBe(20);
    expect(ws.getRow(3).getCell(7).numFmt).toBe('#,##0"件"');
    const last = ws.getRow(ws.rowCount).getCell(1).value;
    expect(String(last)).toMatch(/^評価の基準　A：目標達成\(100%以上\)/);
    const goals = wb.getWorksheet("数値目標")!;
    expect(goals.getRow(2).values).toEqual([
      undefined,
      "1 しごとをつくる",
      "市内従業者数",
      68000,
      68900,
      70000,
    ]);
    // The seed's layout: one worksheet, 14 columns.
    const seedWb = new ExcelJS.Workbook();
    await seedWb.xlsx.load(
      Buffer.from(await writeSheetXlsx(loadFixture("sample-city-2024.json"))) as unknown as ArrayBuffer,
    );
    expect(seedWb.worksheets.map((w) => w.name)).toEqual(["評価シート"]);
    expect(seedWb.worksheets[0]!.getRow(2).cellCount).toBe(14);
  });

  it("imports back with its baselines and the scale from the legend", async () => {
    const back = await importSheet(await writeSheetXlsx(extended), "sheet-2023.xlsx");
    if (!back.ok) throw new Error(back.error.message);
    expect(
      back.sheet.kpis.map((k) => (k.baseline && k.baseline.kind === "number" ? k.baseline.value : null)),
    ).toEqual(
      extended.kpis.map((k) => (k.baseline && k.baseline.kind === "number" ? k.baseline.value : null)),
    );
    expect(back.sheet.scale?.bands.map((b) => [b.label, b.category])).toEqual(
      extended.scale!.bands.map((b) => [b.label, b.category]),
    );
  });
});
