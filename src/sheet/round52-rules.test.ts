import { describe, expect, it } from "vitest";
import type { Sheet } from "../core/sheet.ts";
import { importSheet } from "./import-sheet.ts";
import { readOrdinal } from "./read-ordinal.ts";
import { round52Refusal } from "./round52-guards.ts";
import { stripHeadingRating } from "./round52-heading-rating.ts";
import { parse, xlsx } from "./test-layout-forms.ts";

const read = async (lines: string[], name = "kpi.md") => {
  const bytes = name.endsWith(".xlsx")
    ? new Uint8Array(await xlsx(parse(lines.join("\n")), false))
    : new TextEncoder().encode(lines.join("\n"));
  const r = await importSheet(bytes, name);
  if (!r.ok) throw new Error(r.error.message);
  return r.sheet;
};

describe("round 52: a level's own rating after its heading's title", () => {
  it("cuts 「施策の総合評価 B」, 「総合評価:A」, 「政策評価 ◎」 off the title", () => {
    expect(readOrdinal("施策 1 地域産業の競争力強化 施策の総合評価 B")).toEqual({
      no: 1,
      title: "地域産業の競争力強化",
    });
    expect(readOrdinal("基本目標2 子育て環境の充実 総合評価:A")).toEqual({
      no: 2,
      title: "子育て環境の充実",
    });
    expect(stripHeadingRating("政策3 観光の振興 政策評価 ◎")).toBe("政策3 観光の振興");
  });
  it("keeps a title that ends in 評価 with no grade, or one that is the rating only", () => {
    expect(stripHeadingRating("施策4 事業を評価する仕組みづくり")).toBe("施策4 事業を評価する仕組みづくり");
    expect(stripHeadingRating("施策5 外部評価の導入")).toBe("施策5 外部評価の導入");
    expect(stripHeadingRating("総合評価 B")).toBe("総合評価 B");
  });
  const cards = [
    "平成30年度 施策評価シート",
    "",
    "施策 3 農林水産業の振興 総合評価 B",
    "",
    "| 成果指標 | 単位 | 基準値(H28) | 目標値(H30) | 実績値(H30) | 達成度 | 担当課 |",
    "|---|---|---|---|---|---|---|",
    "| 新規就農者数 | 人 | 40 | 50 | 52 | a | 農政課 |",
    "| 林業就業者数 | 人 | 300 | 320 | 280 | b | 林務課 |",
    "",
    "施策 4 観光の振興 総合評価 A",
    "",
    "| 成果指標 | 単位 | 基準値(H28) | 目標値(H30) | 実績値(H30) | 達成度 | 担当課 |",
    "|---|---|---|---|---|---|---|",
    "| 観光客数 | 万人 | 120 | 130 | 135 | a | 観光課 |",
    "",
    "達成度 a:目標を達成 b:目標の8割以上 c:目標の8割未満",
  ];
  for (const form of ["kpi.md", "kpi.xlsx"])
    it(`reads another prefecture's cards (${form}): each KPI its own 達成度, the 施策 its name alone`, async () => {
      const s = await read(cards, form);
      expect(s.kpis.map((k) => [k.measure.no, k.measure.title, k.evaluation.label])).toEqual([
        [3, "農林水産業の振興", "a"],
        [3, "農林水産業の振興", "b"],
        [4, "観光の振興", "a"],
      ]);
    });
});

describe("round 52: a 担当課 printed once per 施策 beside ratings per KPI", () => {
  const table = [
    "総合戦略 KPIの進捗状況(令和2年度実績)",
    "",
    "| 施策 | 重要業績評価指標 | 単位 | 基準値(H30) | 実績値(R2) | 目標値(R2) | 評価 | 担当課 |",
    "|---|---|---|---|---|---|---|---|",
    "| ① 農業の振興 | 新規就農者数 | 人 | 5 | 8 | 10 | B | 農林課 |",
    "| | 農産物直売所の売上 | 百万円 | 120 | 150 | 140 | A | |",
    "| ② 移住の促進 | 移住者数 | 人 | 30 | 45 | 40 | A | 企画課 |",
    "| | 空き家バンク登録件数 | 件 | 10 | 12 | 20 | C | |",
    "",
    "評価 A:目標を達成 B:目標の8割以上 C:目標の8割未満",
  ];
  for (const form of ["kpi.md", "kpi.xlsx"])
    it(`gives each KPI under the 施策 its department (${form})`, async () => {
      const s = await read(table, form);
      expect(s.kpis.map((k) => k.departments)).toEqual([["農林課"], ["農林課"], ["企画課"], ["企画課"]]);
    });
});

describe("round52Refusal", () => {
  const sheet = (title: string) =>
    ({
      format: "sheet/1",
      municipality: null,
      fiscalYear: 2007,
      source: null,
      kpis: [{ indicator: "新規立地企業件数", goal: { no: 0, title: "" }, measure: { no: 1, title } }],
    }) as unknown as Sheet;
  it("refuses a level title that ends with the level's rating, naming the KPI", () => {
    expect(
      round52Refusal(sheet("地域産業の競争力強化 施策の総合評価 B"), () => "指標「新規立地企業件数」"),
    ).toMatch(/施策名「地域産業の競争力強化 施策の総合評価 B」/);
  });
  it("lets a title with no rating pass", () => {
    expect(round52Refusal(sheet("地域産業の競争力強化"), () => "x")).toBeNull();
  });
  it("refuses a title or an indicator closed by the rating's word with its grade set apart (a PDF's cell)", () => {
    expect(round52Refusal(sheet("地域産業の競争力強化 施策の総合評価"), () => "x")).toMatch(/施策の総合評価/);
    const row = sheet("");
    (row.kpis[0] as { indicator: string }).indicator = "施策 2 子育て環境づくり 施策の総合評価";
    expect(round52Refusal(row, () => "x")).toMatch(/見出しの行/);
  });
});
