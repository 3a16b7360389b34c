// The rules found by printing every layout's levels where other offices print them (scripts/relocate-levels.mts): a
// level column as heading lines or heading rows, heading lines as a column. Small sheets, as Markdown and XLSX.
import { describe, expect, it } from "vitest";
import { recogniseHeader } from "./column-fields.ts";
import { LEVEL_WORD_LEVELS } from "./level-words.ts";
import { readOrdinal } from "./read-ordinal.ts";
import { read, refusal } from "./test-read-lines.ts";

const HEADER = "| 指標名 | 単位 | 基準値(R1) | 実績値(R4) | 目標値(R6) | 評価 |";
const SEP = "|---|---|---|---|---|---|";
const LEGEND = "評価 A:目標を達成 B:目標の8割以上 C:目標の8割未満";
/** Two groups of KPIs, each under the given heading (its own table, the header printed again). */
const grouped = (h1: string, h2: string) => [
  "令和4年度 総合戦略 KPI の状況",
  "",
  h1,
  "",
  HEADER,
  SEP,
  "| 新規就農者数 | 人 | 10 | 14 | 20 | B |",
  "| 観光入込客数 | 万人 | 120 | 131 | 150 | B |",
  "",
  h2,
  "",
  HEADER,
  SEP,
  "| 転入者数 | 人 | 800 | 920 | 1,000 | A |",
  "",
  LEGEND,
];
const levels = (s: { kpis: { goal: unknown; subgoal: unknown; measure: unknown }[] }) =>
  s.kpis.map((k) => [k.goal, k.subgoal, k.measure]);
const none = { no: 0, title: "" };

describe("level words: one list for heading lines, level cells and column headers", () => {
  it("names each word's level as a column's header does (基本施策 and 基本的方向: the national guidance's step)", () => {
    for (const [word, level] of Object.entries(LEVEL_WORD_LEVELS)) {
      if (["基本施策", "基本的方向", "目標", "基本戦略", "重点施策", "施策の方向性"].includes(word)) continue;
      expect([word, recogniseHeader(word).field]).toEqual([word, level]);
    }
  });
  it("reads the number and title after any of them", () => {
    expect(readOrdinal("重点項目1 子育て支援の充実")).toEqual({ no: 1, title: "子育て支援の充実" });
    expect(readOrdinal("施策展開2　観光の振興")).toEqual({ no: 2, title: "観光の振興" });
    expect(readOrdinal("【基本目標1】しごとをつくる")).toEqual({ no: 1, title: "しごとをつくる" });
    expect(readOrdinal("<第2章> 安全・安心")).toEqual({ no: 2, title: "安全・安心" });
  });
});

describe("heading lines in the words a level column uses", () => {
  for (const [h1, h2, level] of [
    ["重点項目1 子育て支援の充実", "重点項目2 交流人口の拡大", "goal"],
    ["政策1 子育て・教育", "政策2 健康・福祉", "goal"],
    ["分野1：健康・福祉", "分野2：教育・文化", "goal"],
    ["【基本目標1】しごとをつくる", "【基本目標2】ひとの流れをつくる", "goal"],
    ["<第1章> 安全・安心", "<第2章> 産業・観光", "goal"],
    ["施策展開1 情報通信関連産業の高度化", "施策展開2 観光の振興", "measure"],
    ["具体的な施策1 地場産業の振興", "具体的な施策2 農業の担い手確保", "measure"],
  ] as const)
    for (const name of ["kpi.md", "kpi.xlsx"])
      it(`reads 「${h1}」 as the ${level} (${name})`, async () => {
        const sheet = await read(grouped(h1, h2), name);
        const at = level === "goal" ? 0 : 2;
        expect(levels(sheet).map((l) => (l[at] as { no: number }).no)).toEqual([1, 1, 2]);
        expect(levels(sheet).map((l) => l.filter((_x, i) => i !== at))).toEqual(Array(3).fill([none, none]));
      });

  it("reads a step under the goal as the goal when nothing broader is printed (「政策の柱1 …」)", async () => {
    const sheet = await read(grouped("政策の柱1 人材の育成・確保", "政策の柱2 農林水産業の振興"));
    expect(levels(sheet)[2]).toEqual([{ no: 2, title: "農林水産業の振興" }, none, none]);
  });

  it("reads a heading row inside the table naming 具体的な施策 with its number as the level, not a section", async () => {
    const sheet = await read([
      "基本目標1 地域の資源を活かす",
      "",
      "| 主要事業 | KPI | 現状値(H26) | 目標値(H31) | 実績値(H28) | 評価 |",
      "|---|---|---|---|---|---|",
      "| 具体的な施策1 地場産業の振興 | | | | | |",
      "| 後継者育成事業 | 研修の修了者数 | 3人 | 15人 | 9人 | B |",
      "| 具体的な施策2 農業の担い手確保 | | | | | |",
      "| 新規就農者支援事業 | 新規就農者数 | 2人 | 12人 | 1人 | C |",
      "",
      LEGEND,
    ]);
    expect(sheet.kpis.map((k) => k.measure)).toEqual([
      { no: 1, title: "地場産業の振興" },
      { no: 2, title: "農業の担い手確保" },
    ]);
  });

  it("reads a level's heading printed again over the KPIs after the 数値目標 as that level, not a running title (XLSX)", async () => {
    const goalsThenKpis = [
      "成果指標",
      "",
      "政策1 命を守る地域づくり",
      "",
      "| 成果指標 | 基準値(R1) | 実績値(R4) | 目標値(R6) | 評価 |",
      "|---|---|---|---|---|",
      "| 防災訓練参加率 | 47.1% | 52.0% | 60% | B |",
      "",
      "政策2 産業の振興",
      "",
      "| 成果指標 | 基準値(R1) | 実績値(R4) | 目標値(R6) | 評価 |",
      "|---|---|---|---|---|",
      "| 製造品出荷額 | 100億円 | 104億円 | 110億円 | B |",
      "",
      "活動指標",
      "",
      "政策1 命を守る地域づくり",
      "",
      "| 活動指標 | 基準値(R1) | 実績値(R4) | 目標値(R6) | 評価 |",
      "|---|---|---|---|---|",
      "| 地域防災訓練の実施回数 | 420回 | 450回 | 500回 | B |",
      "",
      "政策2 産業の振興",
      "",
      "| 活動指標 | 基準値(R1) | 実績値(R4) | 目標値(R6) | 評価 |",
      "|---|---|---|---|---|",
      "| 企業立地件数 | 10件 | 12件 | 15件 | A |",
      "",
      LEGEND,
    ];
    const sheet = await read(goalsThenKpis, "kpi.xlsx");
    expect(sheet.kpis.map((k) => k.goal.no)).toEqual([1, 2]);
  });
});

describe("a line between the KPIs that nothing read", () => {
  it("refuses a heading with no level word and no number, naming it", async () => {
    const message = await refusal(grouped("子育て・教育", "健康・福祉"));
    expect(message).toContain("「健康・福祉」は表の途中にある行ですが");
    // (As XLSX the line is a row of the worksheet: refused, naming it, by the check of an indicator's name.)
    expect(await refusal(grouped("子育て・教育", "健康・福祉"), "kpi.xlsx")).toContain("「健康・福祉」");
  });
  it("keeps a section's name, a legend and a note between the tables", async () => {
    const lines = grouped("基本目標1 しごとをつくる", "基本目標2 ひとの流れをつくる");
    lines.splice(9, 0, "(単位:人)", "※実績値は速報値", "重要業績評価指標(KPI)の進捗");
    expect(levels(await read(lines)).map((l) => (l[0] as { no: number }).no)).toEqual([1, 1, 2]);
  });
});

describe("a row of one cell again, after one before the first record", () => {
  const rows = (second: string) => [
    "基本目標1 まちに安定した雇用をつくる",
    "",
    "| 具体的な取組み | KPI | 実績値(H27) | 目標値(H31) |",
    "|---|---|---|---|",
    "| 新しい雇用の創出 | | | |",
    "| 就職活動に対する支援 | 合同企業説明会参加者数 | 35人 | 300人 |",
    "| 雇用相談体制の整備 | 就業相談者数 | 4人 | 100人 |",
    second,
    "| 企業誘致の推進 | 企業立地協定締結件数 | 1件 | 10件 |",
  ];
  it("refuses it, naming it: a heading of the rows below or the row above wrapped, the sheet cannot say", async () => {
    expect(await refusal(rows("| 新たな産業の創出と起業支援 | | | |"))).toContain(
      "8行目「新たな産業の創出と起業支援」は一つのセルだけの行で",
    );
  });
  it("still joins a wrapped cell when no such row stood before the first record", async () => {
    const wrapped = rows("| (市内企業との連携) | | | |").filter((l) => l !== "| 新しい雇用の創出 | | | |");
    expect((await read(wrapped)).kpis[1]!.initiatives).toEqual(["雇用相談体制の整備(市内企業との連携)"]);
  });
});

describe("a numbered heading in a word no rule knows, over the tables (「まちの柱1 …」)", () => {
  const town = (word: string) => [
    "○○町創生総合戦略 平成30年度 重要業績評価指標(KPI)の検証",
    "",
    `${word}1 創意工夫で地域の活力を起こす産業交流のまち`,
    "",
    "| 具体的な施策 | 重要業績評価指標(KPI) | 基準値 | 目標値(H31) | 実績値(H30) | 評価 |",
    "|---|---|---|---|---|---|",
    "| 施策1:農林業の振興 | 新規就農者数(累計) | 0人(H26) | 5人 | 3人 | C |",
    "| 施策2:水産業の振興 | 新規漁業就業者数(累計) | 1人(H26) | 5人 | 5人 | A |",
    "",
    "評価 A:目標を達成 B:概ね順調 C:努力が必要",
  ];
  for (const form of ["kpi.md", "kpi.xlsx"])
    it(`refuses it, naming the line, rather than leave every goal empty (${form})`, async () => {
      expect(await refusal(town("まちの柱"), form)).toMatch(
        /「まちの柱1 創意工夫で地域の活力を起こす産業交流のまち」は番号付きの見出し/,
      );
    });
  it("reads the same line in a level's word as the goal", async () => {
    const s = await read(town("基本目標"));
    expect(s.kpis.map((k) => k.goal.no)).toEqual([1, 1]);
  });
  it("is no heading when its word labels a document (「資料1 …」)", async () => {
    expect(await refusal(town("資料"))).toBeNull();
  });
});
