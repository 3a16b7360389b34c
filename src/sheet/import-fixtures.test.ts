// Our own fixtures: みなと市 (sheet/1 JSON written by hand, and the CSV / XLSX generated from it),
// さくら市 (a sheet in the PDF-extracted layout with other years and other damage), not-a-sheet inputs.
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { generateSheet, renderMarkdownSheet } from "../../bench/generate.ts";
import type { Sheet } from "../core/sheet.ts";
import { importSheet, importSheetFile, writeSheetCsv } from "./index.ts";
import { fixturesDir } from "./test-paths.ts";
import { renderPdfLikeMarkdown } from "./test-render-markdown.ts";

const fixture = (p: string) => path.join(fixturesDir, p);
const minato = JSON.parse(readFileSync(fixture("sheet/minato-2023.json"), "utf8")) as Sheet;

async function imported(p: string): Promise<Sheet> {
  const r = await importSheetFile(fixture(p));
  if (!r.ok) throw new Error(`${p}: ${r.error.code} ${r.error.message}`);
  return r.sheet;
}

describe("cell accounting: every non-empty cell is either used or dropped with a reason", () => {
  it.each([
    "sheet/minato-2023.utf8-bom.csv",
    "sheet/minato-2023.sjis.csv",
    "sheet/minato-2023.xlsx",
    "markdown/sakura-r5.md",
    "markdown/kawase-r6-odd-rows.md",
    "csv/sparse-2-headers.csv",
  ])("%s", async (file) => {
    const r = await importSheetFile(fixture(file));
    if (!r.ok) throw new Error(`${file}: ${r.error.code} ${r.error.message}`);
    const { cells } = r.report;
    expect(cells.total).toBeGreaterThan(0);
    expect(cells.used).toBeGreaterThan(0);
    expect(cells.used + cells.dropped.length).toBe(cells.total);
    for (const d of cells.dropped) expect(d.reason).toMatch(/\S/);
  });
});

describe("みなと市 in every format", () => {
  it.each([
    ["sheet/minato-2023.utf8-bom.csv", "csv"],
    ["sheet/minato-2023.sjis.csv", "csv"],
    ["sheet/minato-2023.xlsx", "xlsx"],
  ])("%s imports to the hand-written sheet", async (file, format) => {
    const r = await importSheetFile(fixture(file));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.report.format).toBe(format);
    // The table carries neither the city's name nor the JSON's file name.
    expect({ ...r.sheet, municipality: minato.municipality, source: minato.source }).toEqual(minato);
    expect(r.report.cells.used + r.report.cells.dropped.length).toBe(r.report.cells.total);
  });

  it("JSON imports unchanged", async () => {
    expect(await imported("sheet/minato-2023.json")).toEqual(minato);
  });

  it("the CSV fixture is what writeSheetCsv writes today (regenerate with fixtures/sheet/regenerate.mts)", () => {
    const text = readFileSync(fixture("sheet/minato-2023.utf8-bom.csv"), "utf8");
    expect(text).toBe(writeSheetCsv(minato));
    expect(text).toContain("目標値(令和7年度)");
  });

  it("the XLSX fixture has the hierarchy in merged cells, two header rows, A4 landscape", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(fixture("sheet/minato-2023.xlsx")) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const merges = (ws.model as { merges?: string[] }).merges ?? [];
    expect(merges).toContain("A3:A7"); // 大基本目標 1 over its five KPIs
    expect(merges).toContain("C5:C6"); // 施策 ② of goal 1
    expect(ws.getCell("B2").value).toBe("小基本目標");
    expect(ws.pageSetup.orientation).toBe("landscape");
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.getCell("D3").alignment?.wrapText).toBe(true);
  });
});

describe("a city's own CSV: group header, hierarchy only where it changes, no BOM, CRLF", () => {
  it("fills the hierarchy down and splits the typed line breaks", async () => {
    const sheet = await imported("csv/sparse-2-headers.csv");
    expect(sheet.fiscalYear).toBe(2024);
    expect(sheet.kpis.map((k) => `${k.goal.no}.${k.subgoal.no}.${k.measure.no}`)).toEqual([
      "1.1.1",
      "1.1.1",
      "1.2.1",
    ]);
    expect(sheet.kpis[0]!.initiatives).toEqual(["稚魚の放流", "漁港の清掃活動"]);
    expect(sheet.kpis[1]!.departments).toEqual(["水産課", "港まち交流センター"]);
    expect(sheet.kpis[1]!.challenge).toBeNull();
    expect(sheet.kpis[2]!.finalTarget).toMatchObject({
      value: 40_000,
      unit: "人",
      period: { year: 2026, basis: "fiscal" },
    });
  });
});

describe("さくら市 (PDF-extracted layout, 令和5年度, 目標値(令和7年度))", () => {
  it("imports to the expected sheet", async () => {
    const expected = JSON.parse(readFileSync(fixture("markdown/sakura-r5.expected.json"), "utf8")) as Sheet;
    const r = await importSheetFile(fixture("markdown/sakura-r5.md"));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.sheet).toEqual(expected);
    const kinds = r.report.issues.map((i) => i.kind);
    expect(kinds.filter((k) => k === "row_realigned")).toHaveLength(5);
    expect(kinds).toContain("evaluation_label_unknown");
    expect(
      r.report.issues.filter((i) => i.kind === "hierarchy_moved" && i.column === "小基本目標"),
    ).toHaveLength(2);
  });
});

describe("かわせ町 (odd rows: title row, other group header, heading row, row continued on the next page)", () => {
  it("imports with each oddity repaired and reported", async () => {
    const r = await importSheetFile(fixture("markdown/kawase-r6-odd-rows.md"));
    if (!r.ok) throw new Error(r.error.message);
    const { sheet, report } = r;
    expect(sheet.fiscalYear).toBe(2024);
    expect(sheet.kpis.map((k) => k.indicator)).toEqual([
      "直売所の年間売上額",
      "農地の貸借成立件数",
      "見守り訪問の延べ件数",
      "配食サービスの利用者数",
      "防災無線の更新率",
      "備蓄計画の達成率",
    ]);
    expect(sheet.kpis.map((k) => `${k.goal.no}.${k.subgoal.no}.${k.measure.no}`)).toEqual([
      "1.1.1",
      "1.1.2",
      "2.1.1",
      "2.1.1",
      "2.1.1",
      "2.1.1",
    ]);
    expect(sheet.kpis[5]!.departments).toEqual(["危機管理室"]);
    expect(sheet.kpis[0]!.goal.title).toBe("元気な町");
    expect(sheet.kpis[0]!.finalTarget).toMatchObject({
      value: 100_000_000,
      unit: "円",
      period: { year: 2027 },
    });
    expect(sheet.kpis[1]!.departments).toEqual(["農業委員会事務局", "地域おこし協力隊担当"]);
    expect(sheet.kpis[1]!.nextSteps).toBe("条件を事前に確かめる仕組みをつくる。");
    expect(sheet.kpis[2]!.evaluation).toEqual({
      category: "mostly_on_track",
      covid: true,
      label: "概ね順調に進捗(コロナ)",
    });
    expect(sheet.kpis[3]!.nextSteps).toBe("地元の事業者に配達を委託する。");
    expect(sheet.kpis[3]!.departments).toEqual(["福祉介護課"]);
    expect(sheet.kpis[4]!.challenge).toBeNull();
    const kinds = report.issues.map((i) => i.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(["heading_row", "row_merged", "row_realigned", "ditto_resolved"]),
    );
    expect(kinds).not.toContain("hierarchy_missing");
    const reasons = new Set(report.cells.dropped.map((d) => d.reason));
    expect(reasons).toEqual(
      new Set([
        "表の外の文",
        "列見出しより前の行(表題など)",
        "区切り行",
        "グループ見出し行",
        "列見出し",
        "列見出しの繰り返し(改ページ)",
        "評価シート以外の表",
      ]),
    );
    expect(report.cells.used + report.cells.dropped.length).toBe(report.cells.total);
  });
});

describe("generated sheets nobody hand-tuned for (bench/generate.ts)", () => {
  it.each([11, 12, 13])("seed %i: Markdown rendering imports back to the generated sheet", async (seed) => {
    const sheet = generateSheet(seed, {
      municipality: "架空市",
      fiscalYear: 2024,
      finalYear: 2028,
      kpiCount: 30,
    });
    const md = renderMarkdownSheet(sheet, seed, 2028);
    const r = await importSheet(new TextEncoder().encode(md), "generated.md");
    if (!r.ok) throw new Error(r.error.message);
    expect(r.sheet.kpis).toEqual(sheet.kpis);
  });
});

describe("our sheets printed as a PDF extractor would (wrapped by width, shifted rows)", () => {
  it.each([5, 6, 7])("みなと市, %i KPIs per page", async (pageSize) => {
    const r = await importSheet(
      new TextEncoder().encode(renderPdfLikeMarkdown(minato, pageSize)),
      "minato.md",
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.sheet.kpis).toEqual(minato.kpis);
  });
});

describe("not a sheet", () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it.each([
    ["empty", new Uint8Array(0), "x.md", "empty_input"],
    ["blank", bytes("  \n\n"), "x.csv", "empty_input"],
    ["binary", Uint8Array.from({ length: 512 }, (_, i) => (i * 37) % 256), "x.md", "binary_input"],
    [
      "zip that is not xlsx",
      Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]),
      "x.xlsx",
      "xlsx_unreadable",
    ],
    ["a PDF that is only a header", bytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj"), "x.pdf", "pdf_unreadable"],
    [
      "an old .xls",
      Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      "x.xls",
      "xls_unsupported",
    ],
    ["JSON of another shape", bytes('{"format":"sheet/1","kpis":"none"}'), "x.json", "invalid_sheet_json"],
  ])("%s", async (_name, input, name, code) => {
    const r = await importSheet(input, name);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.message).toMatch(/[ぁ-んァ-ン一-龥]/);
    }
  });

  it.each([
    ["not-a-sheet/prose.txt", "not_a_sheet"],
    ["not-a-sheet/other-columns.md", "unrecognised_columns"],
    ["not-a-sheet/header-only.md", "no_kpis"],
    // gotsu-city's workbook saved by LibreOffice Calc as .ods (a ZIP like .xlsx).
    ["not-a-sheet/calc.ods", "ods_unsupported"],
  ])("%s", async (file, code) => {
    const r = await importSheetFile(fixture(file));
    expect(r).toMatchObject({ ok: false, error: { code } });
  });
});
