/**
 * A workbook keeping a worksheet per fiscal year, imported on the web (issue 14): the preview reads
 * the latest year's sheet and lists the year sheets; choosing another year reads that sheet again
 * without a second upload, and confirming saves that year; a year no sheet holds is refused.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { ImportPreview } from "../core/api/index.ts";
import { freshAppForTest, login, repoRoot } from "./test-helpers.ts";

const table2023 = readFileSync(path.join(repoRoot, "fixtures/profile/kpi-table-2023.md"), "utf8");
const table2022 = table2023.replaceAll("令和5年度", "令和4年度").replace("| 41件 |", "| 33件 |");

/** The Markdown sheet's lines as a worksheet's rows (a table line's cells, any other line one cell). */
function addSheet(wb: ExcelJS.Workbook, name: string, md: string) {
  const ws = wb.addWorksheet(name);
  for (const line of md.split("\n").filter((l) => l.trim() !== "" && !/^\|\s*---/.test(l)))
    ws.addRow(
      line.startsWith("|")
        ? line
            .split("|")
            .slice(1, -1)
            .map((c) => c.trim())
        : [line],
    );
}

async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  addSheet(wb, "令和5年度", table2023);
  addSheet(wb, "令和4年度", table2022);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const upload = (bytes: Uint8Array) => {
  const fd = new FormData();
  fd.set("file", new File([bytes.buffer as ArrayBuffer], "kpi-years.xlsx"));
  return fd;
};

describe("web import: a workbook with a worksheet per fiscal year", () => {
  it("reads the latest year, lists the year sheets, reads another on request and saves it", async () => {
    const { app } = await freshAppForTest();
    const planning = await login(app, "planning");
    let res = await planning.request("POST", "/api/imports", upload(await workbook()));
    expect(res.status).toBe(200);
    const first = (await res.json()) as ImportPreview;
    expect(first.mapping.fiscalYear).toBe(2023);
    expect(first.mapping.yearSheets).toEqual([
      { sheet: "令和5年度", fiscalYear: 2023 },
      { sheet: "令和4年度", fiscalYear: 2022 },
    ]);
    expect(first.report.warnings.map((w) => w.message).join("\n")).toMatch(
      /読まなかったシート: 「令和4年度」/,
    );

    res = await planning.request("POST", `/api/imports/${first.token}/mapping`, {
      columns: [],
      fiscalYear: 2019,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain("2019年度");

    res = await planning.request("POST", `/api/imports/${first.token}/mapping`, {
      columns: [],
      fiscalYear: 2022,
    });
    expect(res.status).toBe(200);
    const other = (await res.json()) as ImportPreview;
    expect(other.mapping.fiscalYear).toBe(2022);
    expect(other.effect).toMatchObject({ fiscalYear: 2022, published: false });
    expect((await planning.request("POST", `/api/imports/${other.token}/confirm`, {})).status).toBe(201);
    const rows = (await (await planning.request("GET", "/api/years/2022/kpis")).json()) as {
      rows: { kpi: { indicator: string; actual: { value?: number } } }[];
    };
    expect(rows.rows.find((r) => r.kpi.indicator === "創業支援件数")?.kpi.actual.value).toBe(33);
  }, 400_000);
});
