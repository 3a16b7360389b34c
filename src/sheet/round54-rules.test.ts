import { describe, expect, it } from "vitest";
import type { Sheet } from "../core/sheet.ts";
import { categoryOf } from "./legend-categories.ts";
import { round54Refusal } from "./round54-guards.ts";
import { markedDirectionsOf } from "./round54-marked-direction.ts";
import { read } from "./test-read-lines.ts";
import type { SourceTable } from "./types.ts";

// A 和歌山県 city's 進捗度 as rows of stars, a 担当課 repeated on some rows of a 施策 and blank on another.
const stars = [
  "総合戦略 進捗状況(令和2年度実績)",
  "",
  "基本目標1 しごとをつくる",
  "",
  "| 具体的な施策 | 重要業績評価指標(KPI) | 基準値(R1) | 実績値(R2) | 目標値(R6) | 進捗度 | 担当課 |",
  "|---|---|---|---|---|---|---|",
  "| ①農林水産業の振興 | 新規就農者数 | 2人 | 9人 | 10人 | ★★★★★ | 農林水産課 |",
  "| | 梅の加工品開発数 | 1件 | 3件 | 8件 | ★★★ | 農林水産課 |",
  "| ②商工業の振興 | 創業件数 | 3件 | 6件 | 10件 | ★★★★ | 商工課 |",
  "| | 事業承継の相談件数 | - | 1件 | 12件 | ★★ | |",
  "| ③観光の振興 | 宿泊者数 | 900人 | - | 2,000人 | ★ | 観光課 |",
  "",
  "進捗度 ★★★★★:達成済、目標をほぼ達成(8割以上達成) ★★★★:ある程度達成(5割以上達成) ★★★:一部達成(2割以上達成) ★★:着手(2割未満の達成) ★:検討中、未着手",
];

describe("round 54: a rating printed as a row of stars", () => {
  for (const form of ["kpi.md", "kpi.xlsx"])
    it(`reads each run as one mark, its legend key the same run (${form})`, async () => {
      const s = await read(stars, form);
      expect(s.scale?.bands.map((b) => `${b.label} ${b.category} ${b.min}`)).toEqual([
        "★★★★★ on_track 0.8",
        "★★★★ mostly_on_track 0.5",
        "★★★ delayed 0.2",
        "★★ delayed null",
        "★ delayed null",
      ]);
      expect(s.kpis.map((k) => k.evaluation?.label)).toEqual(["★★★★★", "★★★", "★★★★", "★★", "★"]);
      expect(s.kpis[0]!.evaluation?.category).toBe("on_track");
    });
  it("reads a band that opens with the target reached as on track, its share only widening it", () => {
    expect(categoryOf("★★★★★", "達成済、目標をほぼ達成(8割以上達成)")).toBe("on_track");
    expect(categoryOf("A", "既達成・目標をほぼ達成")).toBe("on_track");
    expect(categoryOf("B", "目標をほぼ達成(8割以上)")).not.toBe("on_track");
    expect(categoryOf("C", "未達成、一部着手")).not.toBe("on_track");
  });
});

describe("round 54: a 担当課 blank inside a 施策 whose first row names one", () => {
  for (const form of ["kpi.md", "kpi.xlsx"])
    it(`continues the department above; rows naming their own keep it (${form})`, async () => {
      const s = await read(stars, form);
      expect(s.kpis.map((k) => k.departments)).toEqual([
        ["農林水産課"],
        ["農林水産課"],
        ["商工課"],
        ["商工課"],
        ["観光課"],
      ]);
    });
});

// A prefecture's KPIs with every plan year side by side, lower-is-better ones marked 「※」.
const years = [
  "地方創生総合戦略 KPIの推移(令和3年度実績)",
  "",
  "| KPI | 単位 | 基準値(R1) | R2年度 | | R3年度 | | R4年度 | | 担当部局 |",
  "| | | | 目標 | 実績 | 目標 | 実績 | 目標 | 実績 | |",
  "|---|---|---|---|---|---|---|---|---|---|",
  "| 企業誘致件数 | 件 | 10 | 11 | 12 | 12 | 13 | 13 | ― | 産業部 |",
  "| ※交通事故死者数 | 人 | 40 | 38 | 35 | 36 | 37 | 34 | ― | 県土マネジメント部 |",
  "| ※刑法犯認知件数 | 件 | 6,000 | 5,800 | 5,500 | 5,600 | 5,300 | 5,400 | ― | 警察本部 |",
  "",
  "※は数値が低い方が良くなる指標です。",
];

describe("round 54: a legend-defined mark before an indicator's name", () => {
  for (const form of ["kpi.md", "kpi.xlsx"])
    it(`takes the mark off the name and reads it as the direction (${form})`, async () => {
      const s = await read(years, form);
      expect(s.kpis.map((k) => k.indicator)).toEqual(["企業誘致件数", "交通事故死者数", "刑法犯認知件数"]);
      expect(s.kpis.map((k) => k.direction?.direction ?? null)).toEqual([null, "decrease", "decrease"]);
    });
  it("reads which way the mark's legend says is better", () => {
    expect(markedDirectionsOf(["※は数値が低い方が良くなる指標です。"]).get("※")).toBe("decrease");
    expect(markedDirectionsOf(["☆印は数値が高いほうが良い指標"]).get("☆")).toBe("increase");
    expect(markedDirectionsOf(["※は県独自の指標です。"]).size).toBe(0);
    expect(markedDirectionsOf(["注:数値が低い方が良い"]).size).toBe(0);
  });
});

describe("round 54: a year column of dashes is a year not yet reported", () => {
  for (const form of ["kpi.md", "kpi.xlsx"])
    it(`evaluates the last year with figures (${form})`, async () => {
      const s = await read(years, form);
      expect(s.fiscalYear).toBe(2021);
      expect(s.kpis[0]!.actual).toMatchObject({ kind: "number", value: 13 });
      expect(s.kpis[0]!.finalTarget).toMatchObject({ kind: "number", value: 13 });
    });
});

describe("round54Refusal", () => {
  const table: SourceTable = { rows: [], outside: [{ row: 9, text: "※は数値が低い方が良くなる指標です。" }] };
  const kpi = (indicator: string, departments: string[], measure = "農業の振興") => ({
    row: 1,
    indicator,
    goal: { no: 1, title: "しごと" },
    measure: { no: 1, title: measure },
    departments,
  });
  const sheet = (over: Partial<Sheet>) =>
    ({
      format: "sheet/1",
      municipality: null,
      fiscalYear: 2020,
      source: null,
      kpis: [],
      ...over,
    }) as unknown as Sheet;
  const name = (k: { indicator: string }) => `指標「${k.indicator}」`;
  it("refuses a band opening with 達成済 read as anything but on track", () => {
    const s = sheet({
      kpis: [kpi("新規就農者数", ["農林課"])] as never,
      scale: {
        bands: [
          {
            label: "5",
            category: "mostly_on_track",
            min: 0.8,
            meaning: "達成済、目標をほぼ達成(8割以上達成)",
          },
        ],
        basis: "ratio",
      } as never,
    });
    expect(round54Refusal(s, table, name)).toMatch(/達成を含む区分/);
  });
  it("refuses a blank 担当課 under a named one in the same 施策", () => {
    const ks = [
      kpi("a", ["農林課"]),
      kpi("b", []),
      kpi("c", ["商工課"], "商工"),
      kpi("d", ["商工課"], "商工"),
      kpi("e", ["観光課"], "観光"),
    ];
    expect(round54Refusal(sheet({ kpis: ks as never }), table, name)).toMatch(/指標「b」の担当課が空/);
  });
  it("refuses an indicator still starting with the legend's mark", () => {
    expect(round54Refusal(sheet({ kpis: [kpi("※転出者数", ["企画課"])] as never }), table, name)).toMatch(
      /印「※」/,
    );
  });
  it("refuses an evaluated year no KPI has an actual for while an earlier one has", () => {
    const y = (year: number, actual: number | null) => ({
      year,
      target: { kind: "number", value: 1, unit: null, period: { year, basis: "fiscal" } },
      actual:
        actual === null
          ? { kind: "missing" }
          : { kind: "number", value: actual, unit: null, period: { year, basis: "fiscal" } },
    });
    const k = { ...kpi("a", ["農林課"]), years: [y(2019, 3), y(2020, null)] };
    expect(round54Refusal(sheet({ kpis: [k] as never }), table, name)).toMatch(/評価年度 2020年度の実績/);
  });
  it("passes a sheet read right", () => {
    expect(round54Refusal(sheet({ kpis: [kpi("転出者数", ["企画課"])] as never }), table, name)).toBeNull();
  });
});
