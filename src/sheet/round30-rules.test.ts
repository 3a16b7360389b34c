// Round 30's general rules (fixtures/layouts/README.md), each on a small table of its own.
import { describe, expect, it } from "vitest";
import { recogniseHeader } from "./column-fields.ts";
import { explainsDigit, spacedDigitPairsOf } from "./digit-legend.ts";
import { importSheet } from "./index.ts";
import { categoryOf } from "./legend-categories.ts";
import { readLegend } from "./read-legend.ts";

const bytes = (lines: string[]) => new TextEncoder().encode(lines.join("\n"));

describe("round 30: a 総合戦略's 戦略 level and a legend of word labels", () => {
  it("「戦略」 alone is the level above the KPI; 「戦略目的」 and 「総合戦略のKPI…」 are not", () => {
    expect(recogniseHeader("戦略").field).toBe("measure");
    expect(recogniseHeader("重点戦略").field).toBe("measure");
    expect(recogniseHeader("戦略目的").field).not.toBe("measure");
    expect(recogniseHeader("総合戦略のKPI達成に有効であったか").field).not.toBe("measure");
  });

  it("word labels before thresholds: the label's words say the band, やや遅れている behind おおむね順調", () => {
    const scale = readLegend(
      [
        "進捗状況の区分 おおむね順調:達成率90%以上 やや遅れている:達成率80%以上90%未満 遅れている:達成率80%未満",
      ],
      new Set(["おおむね順調", "やや遅れている", "遅れている"]),
    );
    expect(scale?.bands.map((b) => `${b.label} ${b.category} ${b.min}`)).toEqual([
      "おおむね順調 mostly_on_track 0.9",
      "やや遅れている delayed 0.8",
      "遅れている delayed null",
    ]);
    // Without 「おおむね」 in the scale, やや遅れ stays the second step (as before).
    const two = readLegend(
      ["区分 順調:達成率100%以上 やや遅れ:達成率80%以上 遅れ:達成率80%未満"],
      new Set(["順調", "やや遅れ", "遅れ"]),
    );
    expect(two?.bands.map((b) => b.category)).toEqual(["on_track", "mostly_on_track", "delayed"]);
  });

  it("a level merged down (an XLSX repeats the goal on each row) keeps the measure printed once above", async () => {
    const read = await importSheet(
      bytes([
        "| 基本目標 | 戦略 | 重要業績評価指標(KPI) | H29目標値 | H29実績値 |",
        "|---|---|---|---|---|",
        "| 1 しごとをつくる | 3 農業の成長産業化 | 農産物輸出額 | 2.1億円 | 2.9億円 |",
        "| 1 しごとをつくる | | 林業産出額 | 110億円 | 84.6億円 |",
        "| 1 しごとをつくる | 4 起業の促進 | 開業率 | 5.0% | 4.3% |",
      ]),
      "t.md",
    );
    if (!read.ok) throw new Error(read.error.message);
    expect(read.sheet.kpis.map((k) => `${k.goal.no} ${k.measure.no} ${k.measure.title}`)).toEqual([
      "1 3 農業の成長産業化",
      "1 3 農業の成長産業化",
      "1 4 起業の促進",
    ]);
  });
});

describe("round 30: a 施策進行管理・評価表's 事業目標 / 実績 rows and its 1–5 達成度", () => {
  const legend =
    "達成度 1 目標を大きく上回って達成 2 目標を上回って達成 3 目標をほぼ達成 4 目標を下回った 5 目標を大きく下回った";

  it("the five words: 大きく上回って達成 and 上回って達成 on track, ほぼ達成 mostly, 下回った delayed", () => {
    expect(
      [
        "目標を大きく上回って達成",
        "目標を上回って達成",
        "目標をほぼ達成",
        "目標を下回った",
        "目標を大きく下回った",
      ].map((m) => categoryOf("1", m)),
    ).toEqual(["on_track", "on_track", "mostly_on_track", "delayed", "delayed"]);
  });

  it("digits set off by spaces are labels only in an unbroken run from 1, each before its words", () => {
    expect(spacedDigitPairsOf(legend).map((p) => `${p.label}:${p.meaning}`)).toEqual([
      "1:目標を大きく上回って達成",
      "2:目標を上回って達成",
      "3:目標をほぼ達成",
      "4:目標を下回った",
      "5:目標を大きく下回った",
    ]);
    expect(explainsDigit(legend, "3")).toBe(true);
    expect(explainsDigit("目的達成度 4:目標は達成されている 3:概ね達成", "4")).toBe(true);
    // A figure in a sentence, or digits out of order, are no legend.
    expect(spacedDigitPairsOf("達成率 80 %以上を 3 年間 続けた")).toEqual([]);
    expect(spacedDigitPairsOf("区分 2 増加 5 減少 7 横ばい")).toEqual([]);
    expect(explainsDigit("事業は 3 年目 に入った", "3")).toBe(false);
  });

  it("事業目標 / 実績 rows under 年度 fold into one KPI; a row that lost its first empty cell is put back; 以降 is the final target", async () => {
    const header = "| 事務事業名 | 所管課 | 指標 | 年度 | 2006年度 | 2007年度 | 2008年度以降 | 達成度 |";
    const read = await importSheet(
      bytes([
        "施策進行管理・評価表 評価年度:2007年度",
        "",
        header,
        "|---|---|---|---|---|---|---|---|",
        "| 防災講演会の開催 | 危機管理室 | 講演会の参加者数 | 事業目標 | 1,300人 | 1,500人 | 1,500人 | 1 |",
        "| | | 実績 | 1,820人 | 2,600人 | | |",
        "| 家具転倒防止の普及 | 危機管理室 | 器具の取付件数 | 事業目標 | 180件 | 200件 | 250件 | 3 |",
        "| | | | 実績 | 177件 | 196件 | | |",
        "",
        legend,
      ]),
      "k.md",
    );
    if (!read.ok) throw new Error(read.error.message);
    expect(
      read.sheet.kpis.map(
        (k) =>
          `${k.indicator} ${k.target.kind === "number" ? k.target.value : "-"}/${k.actual.kind === "number" ? k.actual.value : "-"} ${k.finalTarget.kind === "number" ? `${k.finalTarget.value}@${k.finalTarget.period.year}` : "-"} ${k.evaluation.category}`,
      ),
    ).toEqual([
      "講演会の参加者数 1500/2600 1500@2008 on_track",
      "器具の取付件数 200/196 250@2008 mostly_on_track",
    ]);
  });

  it("a row of figures above the header repeated at a page break is a data row, not the header's group", async () => {
    const header = "| 事務事業名 | 所管課 | 指標 | 年度 | 2006年度 | 2007年度 | 達成度 |";
    const read = await importSheet(
      bytes([
        "評価年度:2007年度",
        "",
        header,
        "|---|---|---|---|---|---|---|",
        "| 事業A | 企画課 | 参加者数 | 事業目標 | 100人 | 120人 | 2 |",
        "| | | | 実績 | 110人 | 150人 | |",
        "",
        header,
        "|---|---|---|---|---|---|---|",
        "| 事業B | 企画課 | 相談件数 | 事業目標 | 50件 | 60件 | 4 |",
        "| | | | 実績 | 40件 | 45件 | |",
        "",
        legend,
      ]),
      "p.md",
    );
    if (!read.ok) throw new Error(read.error.message);
    expect(read.sheet.kpis.map((k) => `${k.indicator} ${k.evaluation.category}`)).toEqual([
      "参加者数 on_track",
      "相談件数 delayed",
    ]);
  });
});
