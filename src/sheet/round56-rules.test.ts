import { describe, expect, it } from "vitest";
import type { Kpi } from "../core/sheet.ts";
import { findYear } from "./header-years.ts";
import { importSheet } from "./import-sheet.ts";
import { refillLostMerges } from "./round56-csv-merges.ts";
import { round56Refusal } from "./round56-guards.ts";
import { rateColumnOfYear } from "./round56-rate-year.ts";
import { csv, parse } from "./test-layout-forms.ts";
import { read, refusal } from "./test-read-lines.ts";

// Another town's 一覧表: two KPIs only (too few for the 達成率 check of printed-rates.ts), each year's 実績 and 達成率
// under the year (a two-row header), the evaluated year the later one.
const twoYears = [
  "第2期総合戦略 成果指標・KPI一覧表(令和4年度実績)",
  "",
  "基本目標1 しごとをつくる",
  "",
  "| 区分 | 施策 | 指標 | 基準値 | 令和3年度 | | 令和4年度 | | 目標値(R6) | 評価 |",
  "| | | | | 実績 | 達成率 | 実績 | 達成率 | | |",
  "|---|---|---|---|---|---|---|---|---|---|",
  "| KPI | 1 農業の振興 | 新規就農者数(累計) | 2人(R1) | 5人 | 25.0% | 12人 | 60.0% | 20人 | △ |",
  "| KPI | 2 商工業の振興 | 創業件数(累計) | 0件(R1) | 4件 | 40.0% | 11件 | 110.0% | 10件 | ◎ |",
  "",
  "【評価】 ◎:達成率100%以上 ○:達成率80%以上 △:達成率50%以上80%未満 ×:達成率50%未満",
];

// The same in flat headers, each column dated: 「実績(R3)」 「達成率(R3)」 「実績(R4)」 「達成率(R4)」.
const flat = [
  "総合戦略 KPI一覧(令和4年度)",
  "",
  "| 施策 | KPI | 基準値(R1) | 実績(R3) | 達成率(R3) | 実績(R4) | 達成率(R4) | 目標値(R6) | 評価 |",
  "|---|---|---|---|---|---|---|---|---|",
  "| (1) 観光の振興 | 観光客数 | 100人 | 130人 | 65.0% | 170人 | 85.0% | 200人 | ○ |",
  "| (2) 移住の促進 | 移住者数 | 10人 | 12人 | 40.0% | 16人 | 53.3% | 30人 | △ |",
  "",
  "評価 ◎:達成率100%以上 ○:達成率80%以上 △:達成率50%以上80%未満 ×:達成率50%未満",
];

describe("round 56: one 達成率 per year", () => {
  for (const form of ["kpi.md", "kpi.xlsx"])
    it(`reads the evaluated year's rate under its year's header (${form})`, async () => {
      const s = await read(twoYears, form);
      expect(s.fiscalYear).toBe(2022);
      expect(
        s.kpis.map((k) => [k.indicator, k.printedRate, k.actual.kind === "number" && k.actual.value]),
      ).toEqual([
        ["新規就農者数(累計)", 0.6, 12],
        ["創業件数(累計)", 1.1, 11],
      ]);
    });
  it("reads the short era year over the pair (「R4」 over 実績 | 達成率: 「R4達成率」 dated, header-years.ts)", async () => {
    const short = twoYears.map((l) => l.replace("令和3年度", "R3").replace("令和4年度", "R4"));
    const s = await read(short);
    expect(s.kpis.map((k) => k.printedRate)).toEqual([0.6, 1.1]);
    expect(findYear("H29達成率")?.year).toBe(2017);
    expect(findYear("2022達成率")?.year).toBe(2022);
  });
  it("reads the rate dated like the actual in flat dated headers", async () => {
    const s = await read(flat);
    expect(s.kpis.map((k) => k.printedRate)).toEqual([0.85, 0.533]);
  });
  it("picks the column of the actual's year, else the first as before", () => {
    const years = new Map([
      [4, 2021],
      [6, 2022],
    ]);
    const yearOf = (c: number) => years.get(c) ?? null;
    expect(rateColumnOfYear([4, 6], yearOf, 2022)).toBe(6);
    expect(rateColumnOfYear([4, 6], yearOf, 2023)).toBe(4);
    expect(rateColumnOfYear([4, 6], () => null, 2022)).toBe(4);
    expect(rateColumnOfYear([7], yearOf, 2022)).toBe(7);
  });
});

describe("round 56 guard: another year's 達成率", () => {
  const name = (k: Kpi) => `指標「${k.indicator}」`;
  it("refuses a rate that is another year's actual's, not the one read", async () => {
    const s = await read(twoYears);
    const wrong = { ...s, kpis: s.kpis.map((k, i) => ({ ...k, printedRate: [0.25, 0.4][i]! })) };
    expect(round56Refusal(wrong, name)).toMatch(
      /指標「新規就農者数\(累計\)」の達成率 25\.0% は 2021年度の実績値から計算した値で、読み取った実績値\(2022年度\)/,
    );
    expect(round56Refusal(s, name)).toBeNull();
  });
  it("lets one slip pass among several KPIs, and a rate no year's actual explains", async () => {
    const s = await read(flat);
    const oneSlip = { ...s, kpis: [...s.kpis, ...s.kpis.map((k) => ({ ...k }))] };
    oneSlip.kpis[0] = { ...oneSlip.kpis[0]!, printedRate: 0.65 };
    expect(round56Refusal(oneSlip, name)).toBeNull();
    const noYear = { ...s, kpis: s.kpis.map((k) => ({ ...k, printedRate: 0.123 })) };
    expect(round56Refusal(noYear, name)).toBeNull();
  });
  it("the sheet of two KPIs is read, not refused", async () => {
    expect(await refusal(twoYears)).toBeNull();
    expect(await refusal(twoYears, "kpi.xlsx")).toBeNull();
  });
});

describe("round 56: a merged group header saved to CSV in its first cell only", () => {
  it("reads the 一覧表 saved as CSV as its workbook (the year put back over 実績 | 達成率)", async () => {
    const r = await importSheet(
      new TextEncoder().encode(`\ufeff${csv(parse(twoYears.join("\n")))}`),
      "kpi.csv",
    );
    expect(r.ok ? r.sheet.kpis.map((k) => k.printedRate) : r.error.message).toEqual([0.6, 1.1]);
  });
  const rows = (...lines: string[][]) => lines.map((cells, i) => ({ row: i + 1, cells: [...cells] }));
  it("fills the group over its names, and nothing over a data row or a row starting filled", () => {
    const pair = rows(
      ["区分", "指標", "R3", "", "R4", "", "目標"],
      ["", "", "実績", "達成率", "実績", "達成率", ""],
    );
    refillLostMerges(pair);
    expect(pair[0]!.cells).toEqual(["区分", "指標", "R3", "R3", "R4", "R4", "目標"]);
    const data = rows(["区分", "指標", "R3", "", "R4", ""], ["", "", "12", "60%", "14", "70%"]);
    refillLostMerges(data);
    expect(data[0]!.cells).toEqual(["区分", "指標", "R3", "", "R4", ""]);
    const kpiRow = rows(
      ["施策", "指標", "R3", "", "R4", ""],
      ["(1) 観光", "観光客数", "実績", "達成率", "実績", "達成率"],
    );
    refillLostMerges(kpiRow);
    expect(kpiRow[0]!.cells[3]).toBe("");
  });
});
