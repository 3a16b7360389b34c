// Workbooks whose table spreads over worksheets (year-worksheets.ts): a sheet per 基本目標 reads as
// one table; a sheet per fiscal year reads the latest (or the profile's year) and says which sheets
// it left; two sheets of one year listing the same indicators are refused, naming both.
// (Before: any header ended the workbook at its first sheet — a sheet per 基本目標 lost the other
// sheets' KPIs with exit 0 in 31 of 31 table layouts; read together, last year's copy joined this
// year's rows.)
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { importSheet } from "./index.ts";
import { compareWithGolden } from "./layout-golden.ts";
import { type Block, parse, xlsx } from "./test-layout-forms.ts";
import { fixturesDir } from "./test-paths.ts";

const root = path.join(fixturesDir, "layouts");
const layouts = readdirSync(root).filter((n) => existsSync(path.join(root, n, "golden.json")));
const sourceOf = (name: string) => readFileSync(path.join(root, name, "source.md"), "utf8");
const goldenOf = (name: string) => JSON.parse(readFileSync(path.join(root, name, "golden.json"), "utf8"));
const tables = layouts.filter((n) => !sourceOf(n).includes("<!--cards-->"));

/** Copies a workbook's first worksheet (values, formats, merges) into `to` as a new sheet. */
function copySheet(from: ExcelJS.Worksheet, to: ExcelJS.Workbook, name: string, text = (t: string) => t) {
  const ws = to.addWorksheet(name);
  from.eachRow((row, r) =>
    row.eachCell((cell, c) => {
      const v = cell.value;
      ws.getCell(r, c).value = typeof v === "string" ? text(v) : v;
      ws.getCell(r, c).numFmt = cell.numFmt;
    }),
  );
  for (const m of (from.model as { merges?: string[] }).merges ?? []) ws.mergeCells(m);
}

async function workbookOf(...sheets: Block[][]): Promise<ExcelJS.Workbook> {
  const out = new ExcelJS.Workbook();
  for (const [i, blocks] of sheets.entries()) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsx(blocks, false)) as unknown as ArrayBuffer);
    copySheet(wb.worksheets[0]!, out, `その${i + 1}`);
  }
  return out;
}
const bytesOf = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());

describe.each(tables)("layout %s", (name) => {
  it("reads its table split over two worksheets (the title and header on each) as the golden", async () => {
    const blocks = parse(sourceOf(name));
    const b = blocks.reduce((a, x) => (x.rows.length > a.rows.length ? x : a));
    const half = Math.floor(b.rows.length / 2);
    const i = blocks.indexOf(b);
    const wb = await workbookOf(
      [...blocks.slice(0, i), { ...b, rows: b.rows.slice(0, half), after: [] }],
      [{ ...b, rows: b.rows.slice(half) }, ...blocks.slice(i + 1)],
    );
    const r = await importSheet(await bytesOf(wb), "sheet.xlsx");
    expect(r.ok ? "read" : r.error.message).toBe("read");
    if (!r.ok) return;
    const wrong = compareWithGolden(r.sheet, goldenOf(name)).filter((x) => !x.ok);
    expect(wrong.map((w) => `${w.kpi} ${w.field}: ${JSON.stringify(w.actual)}`)).toEqual([]);
  });

  it("refuses two worksheets of the same year listing the same indicators, naming both", async () => {
    const wb = await workbookOf(parse(sourceOf(name)));
    copySheet(wb.worksheets[0]!, wb, "作業用");
    const r = await importSheet(await bytesOf(wb), "sheet.xlsx");
    expect(r.ok ? "read" : r.error.message).toMatch(/シート「その1」と「作業用」に同じ年度/);
  });
});

describe("a worksheet per fiscal year", () => {
  // 江津市's sheet (R2 actuals, evaluated in R3) beside last year's: R1 actuals, the same indicators.
  const lastYear = (t: string) =>
    t.replace(/R3年度評価/, "R2年度評価").replace(/令和2年度実績|R2実績値/g, (m) => m.replace("2", "元"));
  const workbook = async () => {
    const wb = await workbookOf(parse(sourceOf("gotsu-city")));
    copySheet(wb.worksheets[0]!, wb, "令和元年度", lastYear);
    return bytesOf(wb);
  };

  it("reads the latest year's sheet and names the sheet it left", async () => {
    const r = await importSheet(await workbook(), "sheet.xlsx");
    expect(r.ok ? "read" : r.error.message).toBe("read");
    if (!r.ok) return;
    expect(compareWithGolden(r.sheet, goldenOf("gotsu-city")).filter((x) => !x.ok)).toEqual([]);
    const issue = r.report.issues.find((i) => i.kind === "year_worksheet_chosen");
    expect(issue?.message).toMatch(/読まなかったシート: 「令和元年度」\(2019年度\)/);
    expect(r.report.cells.used + r.report.cells.dropped.length).toBe(r.report.cells.total);
  });

  it("reads the year the profile names, and refuses a year no sheet holds", async () => {
    const r = await importSheet(await workbook(), "sheet.xlsx", { profile: { fiscalYear: 2019 } });
    expect(r.ok ? r.sheet.fiscalYear : r.error.message).toBe(2019);
    const none = await importSheet(await workbook(), "sheet.xlsx", { profile: { fiscalYear: 2017 } });
    expect(none.ok ? "read" : none.error.message).toMatch(/2017年度の表のシートがありません/);
  });
});

describe("a seed-layout workbook with a worksheet per fiscal year", () => {
  // みなと市's sheet/1 export (the seed's 14 columns) beside its copy for the year before, put first.
  const workbook = async (order: "this-first" | "last-first") => {
    const src = new ExcelJS.Workbook();
    await src.xlsx.load(
      readFileSync(path.join(fixturesDir, "sheet/minato-2023.xlsx")) as unknown as ArrayBuffer,
    );
    const wb = new ExcelJS.Workbook();
    const lastYear = (t: string) => t.replaceAll("令和5年度", "令和4年度").replaceAll("2023", "2022");
    if (order === "last-first") copySheet(src.worksheets[0]!, wb, "令和4年度", lastYear);
    copySheet(src.worksheets[0]!, wb, "令和5年度");
    if (order === "this-first") copySheet(src.worksheets[0]!, wb, "令和4年度", lastYear);
    return bytesOf(wb);
  };

  it.each(["this-first", "last-first"] as const)(
    "reads the latest year wherever its sheet is (%s)",
    async (order) => {
      const r = await importSheet(await workbook(order), "sheet.xlsx");
      expect(r.ok ? r.sheet.fiscalYear : r.error.message).toBe(2023);
      if (!r.ok) return;
      expect(r.report.issues.find((i) => i.kind === "year_worksheet_chosen")?.message).toMatch(
        /「令和4年度」\(2022年度\)/,
      );
    },
  );
});

describe("rows of a table over two worksheets, as the report and a refusal name them", () => {
  const header = ["基本目標", "KPI", "基準値(令和元年度)", "目標値(令和6年度)", "令和5年度実績値", "担当課"];
  const book = async (second: (string | number)[][]) => {
    const wb = new ExcelJS.Workbook();
    const one = wb.addWorksheet("目標1");
    one.addRows([
      ["総合戦略 KPI 進捗状況(令和5年度)"],
      header,
      ["1 しごと", "創業支援件数", 20, 50, 41, "商工課"],
    ]);
    const two = wb.addWorksheet("目標2");
    two.addRows([header, ...second]);
    return bytesOf(wb);
  };

  it("names a worksheet's own row in the report", async () => {
    const r = await importSheet(await book([["2 ひと", "移住相談件数", 40, 100, "52※"]]), "sheet.xlsx");
    expect(r.ok ? r.sheet.kpis.map((k) => k.indicator) : r.error.message).toEqual([
      "創業支援件数",
      "移住相談件数",
    ]);
    if (!r.ok) return;
    const headers = r.report.cells.dropped.filter((d) => d.text === "KPI");
    expect(headers.map((d) => [d.row, d.column.split("!")[0]])).toEqual([
      [2, "目標1"],
      [1, "目標2"],
    ]);
  });

  it("names a worksheet's own row in a refusal", async () => {
    const joined = [
      "2 ひと<br>3 まち",
      "移住相談件数\n空き家活用件数",
      "40\n8",
      "100\n30",
      "52\n12",
      "企画課",
    ];
    const r = await importSheet(
      await book([joined, ["3 まち", "公園整備数", 2, 10, 5, "都市課"]]),
      "sheet.xlsx",
    );
    expect(r.ok ? "read" : r.error.message).toMatch(/^シート「目標2」2行目:/);
  });
});
