// The general rules round 12's layouts showed (fixtures/layouts/README.md): a row of names filling one
// group of the header above, labels under 達成度, a legend whose labels follow their meaning, 「延べ」,
// marked headings between tables, enumerated section lines, notes under an indicator; a card's roles across
// over a 数値 and a 時点 row, 「指標1」 alone, 所属名, marks printed with their meaning 「◎(予定以上)」.
import { describe, expect, it } from "vitest";
import { applyRoleGrid, type CardKpi, roleGridAt } from "./card-parts.ts";
import { recogniseHeader } from "./column-fields.ts";
import { findHeader } from "./find-header.ts";
import { cleanValueText, headingLevel } from "./general-values.ts";
import { importSheet } from "./index.ts";
import { bandOf, markOf, readLegend } from "./read-legend.ts";
import { readOrdinal } from "./read-ordinal.ts";
import { headingsIn, isSectionGoals, sectionText, titleHeading } from "./section-headings.ts";
import { settleByContent } from "./settle-columns.ts";

const rows = (cells: string[][]) => cells.map((c, i) => ({ row: i + 1, cells: c }));

describe("a header's second row under one group", () => {
  it("joins 実績 | 改善・悪化 | 達成度 printed under 「H27」 alone (one name unknown)", () => {
    const h = findHeader(
      rows([
        ["", "指標名", "現状値 (H26)", "H27", "", "", "目標値 (H31)"],
        ["", "", "", "実績", "改善・悪化", "達成度", ""],
        ["", "観光客数(人)", "100", "120", "○", "A", "150"],
      ]),
    );
    expect(h?.rows).toEqual([0, 1]);
    expect(h?.columns.map((c) => c.field)).toEqual([
      "extra",
      "indicator",
      "baseline",
      "actual",
      "extra",
      "rate",
      "target",
    ]);
  });

  it("joins it under a group Excel repeats over its merged columns", () => {
    const h = findHeader(
      rows([
        ["指標名", "現状値 (H26)", "H27", "H27", "H27", "目標値 (H31)"],
        ["", "", "実績", "改善・悪化", "達成度", ""],
        ["観光客数(人)", "100", "120", "○", "A", "150"],
      ]),
    );
    expect(h?.rows).toEqual([0, 1]);
  });
});

describe("labels under 達成度", () => {
  it("make it the evaluation when the table has none", () => {
    const names = ["指標名", "実績", "達成度"];
    const header = { rows: [0], texts: names, columns: names.map((n) => recogniseHeader(n)), key: "" };
    settleByContent(
      header,
      rows([
        ["a", "1", "A"],
        ["b", "2", "B"],
        ["c", "3", "-"],
      ]),
      [],
    );
    expect(header.columns[2]!.field).toBe("evaluation");
  });
});

describe("a legend whose labels follow their meaning", () => {
  it("reads the named list whose labels the column uses (「達成度:順調A,要改善B,未実施-」)", () => {
    const scale = readLegend(
      ["※目標値(H31)内の「延べ」は合計値 改善・悪化:改善○,維持△,悪化×,未実施- 達成度:順調A,要改善B,未実施-"],
      new Set(["A", "B", "-"]),
    );
    expect(scale?.bands.map((b) => `${b.label} ${b.category}`)).toEqual([
      "A on_track",
      "B delayed",
      "- not_evaluable",
    ]);
  });
});

describe("values and headings", () => {
  it("reads 「延べ 4」 as 4, the word kept as a note", () => {
    expect(cleanValueText("延べ 4")).toMatchObject({ text: "4", notes: ["延べ"] });
  });

  it("reads a heading after a mark (「■施策① 農林業の振興」)", () => {
    expect(headingLevel("■施策① 農林業の振興")).toBe("measure");
    expect(readOrdinal("■施策① 農林業の振興")).toEqual({ no: 1, title: "農林業の振興" });
    expect(headingsIn([{ text: "■施策② 水産業の振興" }, { text: "(ⅲ)施策ごとの指標" }], {})).toEqual({
      measure: { no: 2, title: "水産業の振興" },
    });
  });

  it("reads the level printed above the first table as every row's goal", () => {
    expect(titleHeading(["資料4 検証", "総合戦略の具体的施策 ①地域で暮らすためのしごとをつくる"])).toEqual({
      goal: { no: 1, title: "地域で暮らすためのしごとをつくる" },
    });
    expect(titleHeading(["平成28年度 施策評価シート"])).toEqual({});
  });

  it("reads an enumerated 基本目標 statement as the section of its 数値目標", () => {
    expect(isSectionGoals(sectionText("(ⅰ)基本目標 市内で暮らすための仕事づくりを進めます。"))).toBe(true);
    expect(isSectionGoals(sectionText("(ⅲ)具体的施策・施策ごとの重要業績評価指標"))).toBe(false);
    expect(isSectionGoals("基本目標1 しごとをつくる")).toBe(false);
  });
});

describe("a note under the indicator", () => {
  it("is no KPI (「≪成果と見直し≫ …」 on its own row)", async () => {
    const md = [
      "| 指標名 | 現状値 (H26) | 実績値 (H27) | 目標値 (H31) |",
      "|---|---|---|---|",
      "| 観光客数(人) | 100 | 120 | 150 |",
      "| ≪成果と見直し≫ 誘客が進んだ。 | | | |",
      "| 宿泊者数(人) | 50 | 40 | 80 |",
    ].join("\n");
    const r = await importSheet(new TextEncoder().encode(md), "t.md");
    expect(r.ok && r.sheet.kpis.map((k) => k.indicator)).toEqual(["観光客数(人)", "宿泊者数(人)"]);
  });
});

describe("a card's grid of roles over 数値 and 時点 (鳥取県の工程表)", () => {
  const grid = [
    { cells: ["", "基準値", "年度当初値", "今年度目標値", "今年度実績値", "長期的目標値"] },
    { cells: ["数値", "97.1%", "98.7%", "98.8%", "100%", "100%"] },
    { cells: ["時点", "H22", "R2", "R3", "R3", "R5"] },
  ];

  it("reads each role's value with the year printed under it; 年度当初値 is none of them", () => {
    expect(roleGridAt(grid, 0, "令和")).toEqual([
      { role: "baseline", text: "97.1%", year: 2010 },
      { role: "target", text: "98.8%", year: 2021 },
      { role: "actual", text: "100%", year: 2021 },
      { role: "finalTarget", text: "100%", year: 2023 },
    ]);
  });

  it("is no such grid without a 時点 row", () => {
    expect(roleGridAt(grid.slice(0, 2), 0, "令和")).toBeNull();
  });

  it("puts the values into the KPI and makes the keys after it the card's", () => {
    const k: CardKpi = { row: 1, keys: new Map(), extras: [], grid: new Map(), years: [], ends: new Map() };
    applyRoleGrid(k, roleGridAt(grid, 0, "令和")!);
    expect(k.years).toEqual([2021]);
    expect(k.grid.get("actual")?.get(2021)).toBe("100%");
    expect(k.ends.get("baseline")).toEqual({ year: 2010, text: "97.1%" });
    expect(k.fromGrid).toBe(true);
  });
});

describe("card keys and marks", () => {
  it.each([
    ["所属名", "departments"],
    ["所属長名", "extra"],
    ["政策内容", "initiatives"],
    ["長期的目標値", "finalTarget"],
    ["年度当初値", "extra"],
  ])("「%s」 → %s", (h, f) => {
    expect(recogniseHeader(h).field).toBe(f);
  });

  it("maps 「◎(予定以上)」 through the legend's ◎, 予定通り on track", () => {
    const scale = readLegend(
      [
        "※「進捗評価」欄には進捗を「◎:予定以上」「○:予定通り」「△:予定より遅れ」「×:予定より大幅に遅れ」で記入。",
      ],
      new Set(["◎(予定以上)", "○(予定通り)", "△(予定より遅れ)"]),
    );
    expect(scale?.bands.map((b) => `${b.label} ${b.category}`)).toEqual([
      "◎ on_track",
      "○ on_track",
      "△ delayed",
      "× delayed",
    ]);
    expect(bandOf(scale, "○(予定通り)")?.category).toBe("on_track");
    expect(markOf("C(A※1)")).toBeNull();
  });
});

describe("a header row read as data", () => {
  it("is refused when a value column holds a value column's name (「実績」 under H27)", async () => {
    const md = [
      "| 指標名 | 現状値 (H26) | H27 | 目標値 (H31) |",
      "| | | 実績 | |",
      "|---|---|---|---|",
      "| 観光客数(人) | 100 | 120 | 150 |",
      "| 宿泊者数(人) | 50 | 40 | 80 |",
    ].join("\n");
    const r = await importSheet(new TextEncoder().encode(md), "t.md");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain("列名「実績」");
  });
});
