// A city's own workbook holds its figures as numbers whose unit, padding and sign live in the number
// format, and its rates as formulas: each cell reads as the sheet shows it.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readXlsxTable } from "./read-xlsx.ts";

async function cellsOf(set: (ws: ExcelJS.Worksheet) => void): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("評価");
  set(ws);
  const table = await readXlsxTable(new Uint8Array(await wb.xlsx.writeBuffer()));
  return table.rows[0]!.cells.filter((c) => c !== "");
}

describe("readXlsxTable reads a number as its format shows it", () => {
  it("with the unit, padding and a red negative section in the format", async () => {
    const cells = await cellsOf((ws) => {
      const fmt = '#,##0"人"_ ;[Red]\\-#,##0"人"\\ ';
      Object.assign(ws.getCell("A1"), { value: 1234, numFmt: fmt });
      Object.assign(ws.getCell("B1"), { value: -5, numFmt: fmt });
      Object.assign(ws.getCell("C1"), { value: 2600, numFmt: '#,##0"億円"_ ' });
      Object.assign(ws.getCell("D1"), { value: 38.45, numFmt: "0.0_ " });
    });
    expect(cells).toEqual(["1,234人", "-5人", "2,600億円", "38.5"]);
  });

  it("with ▲ for minus, a bracketed negative and a percentage", async () => {
    const cells = await cellsOf((ws) => {
      Object.assign(ws.getCell("A1"), { value: -12, numFmt: '#,##0;"▲"#,##0' });
      Object.assign(ws.getCell("B1"), { value: -1.5, numFmt: "0.00_);[Red]\\(0.00\\)" });
      Object.assign(ws.getCell("C1"), { value: 0.3856, numFmt: "0.0%" });
      Object.assign(ws.getCell("D1"), { value: 0.1 + 0.2, numFmt: "General" });
    });
    expect(cells).toEqual(["▲12", "-1.50", "38.6%", String(0.1 + 0.2)]);
  });

  it("a formula's cached result through the cell's format", async () => {
    const cells = await cellsOf((ws) => {
      Object.assign(ws.getCell("A1"), { value: { formula: "C1/B1", result: 0.9312 }, numFmt: "0.0%" });
      Object.assign(ws.getCell("B1"), {
        value: { formula: "SUM(D1:E1)", result: 1200 },
        numFmt: '#,##0"件"',
      });
      Object.assign(ws.getCell("C1"), { value: { formula: "1/0", result: { error: "#DIV/0!" } } });
    });
    expect(cells).toEqual(["93.1%", "1,200件", "#DIV/0!"]);
  });

  it("with Japanese Excel's own words in the code (G/標準, [赤], [色10])", async () => {
    const cells = await cellsOf((ws) => {
      Object.assign(ws.getCell("A1"), { value: -1234, numFmt: '#,##0;[赤]"▲"#,##0' });
      Object.assign(ws.getCell("B1"), { value: 12.5, numFmt: 'G/標準"人"' });
      Object.assign(ws.getCell("C1"), { value: -3, numFmt: "#,##0;[色10]-#,##0" });
      Object.assign(ws.getCell("D1"), { value: 1234, numFmt: "G/標準" });
    });
    expect(cells).toEqual(["▲1,234", "12.5人", "-3", "1234"]);
  });

  it("a code that cannot be parsed falls back to the plain number", async () => {
    const cells = await cellsOf((ws) => {
      Object.assign(ws.getCell("A1"), { value: 1234.5, numFmt: '#,##0"人' });
    });
    expect(cells).toEqual(["1,234.5"]);
  });
});

describe("readXlsxTable reads a date as a Japanese sheet writes it", () => {
  it("a month (目標年月) as 「2016年3月」, a day with its day", async () => {
    const cells = await cellsOf((ws) => {
      Object.assign(ws.getCell("A1"), {
        value: new Date(Date.UTC(2016, 2, 1)),
        numFmt: '[$-411]ggge"年"m"月"',
      });
      Object.assign(ws.getCell("B1"), { value: new Date(Date.UTC(2016, 2, 1)), numFmt: "yyyy/m" });
      Object.assign(ws.getCell("C1"), { value: new Date(Date.UTC(2023, 2, 31)), numFmt: "yyyy/m/d" });
      Object.assign(ws.getCell("D1"), {
        value: new Date(Date.UTC(2023, 2, 31)),
        numFmt: 'ggge"年"m"月"d"日"',
      });
    });
    expect(cells).toEqual(["2016年3月", "2016年3月", "2023年3月31日", "2023年3月31日"]);
  });
});
