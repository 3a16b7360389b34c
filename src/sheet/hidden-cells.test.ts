// What a city's workbook hides is not on its printed sheet — a list sheet for drop-downs, a helper
// column of formulas, an abolished KPI's row — and is read by no reader: each layout's workbook with
// them reads as its golden, the hidden cells accounted for as dropped and said once in the report.
// (Read as rows, one hidden helper column made 8 of the 42 layouts wrong with exit 0 and 21 refused.)
// A list sheet left visible is no part of the first sheet's tables either.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { importSheet } from "./index.ts";
import { compareWithGolden } from "./layout-golden.ts";
import { readXlsxTable } from "./read-xlsx.ts";
import { fixturesDir } from "./test-paths.ts";

const root = path.join(fixturesDir, "layouts");
const layouts = readdirSync(root).filter((n) => existsSync(path.join(root, n, "golden.json")));

function addListSheet(wb: ExcelJS.Workbook, hidden: boolean): void {
  const l = wb.addWorksheet("リスト");
  const lists = [
    ["評価", "A", "B", "C", "D"],
    ["担当課", "企画課", "商工観光課", "福祉課"],
    ["方向性", "増加", "減少", "維持"],
  ];
  lists.forEach((list, c) => {
    list.forEach((v, r) => {
      l.getCell(r + 1, c + 1).value = v;
    });
  });
  if (hidden) l.state = "hidden";
}

/** A helper column of formulas right of the table (its rows from the third down), hidden. */
function addHelperColumn(ws: ExcelJS.Worksheet): void {
  const c = ws.columnCount + 2;
  let n = 0;
  ws.eachRow((_, r) => {
    if (r > 2 && n++ < 30) ws.getCell(r, c).value = { formula: "ROW()*0.01", result: r * 0.01 };
  });
  ws.getColumn(c).hidden = true;
}

describe("readXlsxTable leaves out what Excel hides", () => {
  it("a hidden worksheet, row and column: not rows, listed as hidden by sheet and cell", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("評価");
    ws.addRow(["指標名", "計算用", "実績値"]);
    ws.addRow(["観光客数", 0.5, "120万人"]);
    ws.addRow(["廃止した指標", 1, "3件"]);
    ws.getColumn(2).hidden = true;
    ws.getRow(3).hidden = true;
    addListSheet(wb, true);
    const table = await readXlsxTable(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(table.rows.map((r) => r.cells.filter((c) => c !== ""))).toEqual([
      ["指標名", "実績値"],
      ["観光客数", "120万人"],
    ]);
    expect(table.hidden?.map((h) => h.column)).toEqual([
      "評価!B1",
      "評価!B2",
      "評価!A3",
      "評価!B3",
      "評価!C3",
      ...["A1", "B1", "C1", "A2", "B2", "C2", "A3", "B3", "C3", "A4", "B4", "C4", "A5"].map(
        (a) => `リスト!${a}`,
      ),
    ]);
  });
});

describe.each(layouts)("layout %s", (name) => {
  const golden = JSON.parse(readFileSync(path.join(root, name, "golden.json"), "utf8"));
  const workbook = async (change: (wb: ExcelJS.Workbook) => void) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path.join(root, name, "sheet.xlsx")) as unknown as ArrayBuffer);
    change(wb);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  };

  it("reads as its golden with a hidden helper column and a hidden list sheet, and says so", async () => {
    const bytes = await workbook((wb) => {
      addHelperColumn(wb.worksheets[0]!);
      addListSheet(wb, true);
    });
    const r = await importSheet(bytes, "sheet.xlsx");
    expect(r.ok ? "read" : r.error.message).toBe("read");
    if (!r.ok) return;
    const wrong = compareWithGolden(r.sheet, golden).filter((x) => !x.ok);
    expect(wrong.map((w) => `${w.kpi} ${w.field}: ${JSON.stringify(w.actual)}`)).toEqual([]);
    expect(r.report.issues.filter((i) => i.kind === "hidden_cells_skipped")).toHaveLength(1);
    const { total, used, dropped } = r.report.cells;
    expect(dropped.filter((d) => d.column.startsWith("リスト!"))).toHaveLength(13);
    expect(used + dropped.length).toBe(total);
  });

  it("reads as its golden with the list sheet left visible", async () => {
    const r = await importSheet(await workbook((wb) => addListSheet(wb, false)), "sheet.xlsx");
    expect(r.ok ? "read" : r.error.message).toBe("read");
    if (!r.ok) return;
    const wrong = compareWithGolden(r.sheet, golden).filter((x) => !x.ok);
    expect(wrong.map((w) => `${w.kpi} ${w.field}: ${JSON.stringify(w.actual)}`)).toEqual([]);
  });
});
