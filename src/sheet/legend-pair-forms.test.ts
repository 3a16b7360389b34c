// Legend forms cities print, each read into the scale its words or thresholds say (A on track, B mostly
// on track, C delayed); each of these was refused as an unexplained scale before legend-pair-forms.ts.
import { describe, expect, it } from "vitest";
import { importSheet } from "./index.ts";
import {
  colonsForOtherSeparators,
  joinSpacedLines,
  labelBracketPairsOf,
  meaningFirstPairsOf,
} from "./legend-pair-forms.ts";
import { readLegend } from "./read-legend.ts";

/** A table of three KPIs (120%, 95%, 60% of their targets) rated `marks`, `below` printed under it. */
const sheet = (marks: string[], below: string[]) =>
  new TextEncoder().encode(
    [
      "令和4年度 総合戦略 KPIの検証",
      "",
      "| 施策 | KPI | 目標値(R4) | 実績値(R4) | 評価 | 担当課 |",
      "|---|---|---|---|---|---|",
      `| 1 観光の振興 | 観光客数(千人) | 100 | 120 | ${marks[0]} | 観光課 |`,
      `| 2 子育て支援 | 保育所定員(人) | 100 | 95 | ${marks[1]} | 子育て支援課 |`,
      `| 3 移住の促進 | 移住者数(人) | 100 | 60 | ${marks[2]} | 企画課 |`,
      "",
      ...below,
    ].join("\n"),
  );

const categories = async (marks: string[], below: string[]) => {
  const r = await importSheet(sheet(marks, below), "kpi.md");
  if (!r.ok) throw new Error(r.error.message);
  return r.sheet.kpis.map((k) => k.evaluation.category);
};

describe("legend forms beside 「A:…」", () => {
  it.each([
    [
      "the heading in brackets, labels set off by spaces",
      ["A", "B", "C"],
      ["【評価基準】 A 達成率100%以上 B 80%以上100%未満 C 80%未満"],
    ],
    [
      "a label with its meaning in brackets",
      ["A", "B", "C"],
      ["評価 A(達成率100%以上)、B(80%以上100%未満)、C(80%未満)"],
    ],
    ["the same without commas", ["A", "B", "C"], ["A(達成率100%以上) B(80%以上) C(80%未満)"]],
    [
      "the meaning, then = and the label",
      ["A", "B", "C"],
      ["評価の基準:目標値に対する実績値の割合が、100%以上=A、80%以上100%未満=B、80%未満=C"],
    ],
    ["an arrow for the colon", ["A", "B", "C"], ["A→目標達成、B→概ね達成、C→未達成"]],
    ["an ellipsis after a bare mark", ["○", "△", "×"], ["○…達成 △…概ね達成 ×…未達成"]],
    ["the label in brackets before its meaning", ["A", "B", "C"], ["(A)達成 (B)概ね達成 (C)未達成"]],
    [
      "one label a line, set off by a space",
      ["A", "B", "C"],
      ["A 目標を達成している", "B 目標の8割以上", "C 目標の8割未満"],
    ],
  ])("%s", async (_, marks, below) => {
    expect(await categories(marks, below)).toEqual(["on_track", "mostly_on_track", "delayed"]);
  });

  it("a rating 「達成」 needs no legend: the word says it (beside 概ね達成, 未達成)", async () => {
    expect(await categories(["達成", "概ね達成", "未達成"], [])).toEqual([
      "on_track",
      "mostly_on_track",
      "delayed",
    ]);
  });
});

describe("a dash label in the other forms (a KPI with nothing to rate)", () => {
  it("an arrow after a dash is its colon: the dash's meaning does not run into C's", async () => {
    const r = await importSheet(
      sheet(
        ["A", "B", "C"],
        [
          "評価基準 A→達成率100%以上、B→達成率80%以上100%未満、C→達成率80%未満、−→実績値未発表のため評価できない",
        ],
      ),
      "kpi.md",
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.sheet.kpis[2]!.evaluation.category).toBe("delayed");
    expect(r.sheet.scale?.bands.map((b) => `${b.label} ${b.category}`)).toContain("− not_evaluable");
  });

  it("a legend table's dash row is a band, not a row of the KPI table", async () => {
    const r = await importSheet(
      sheet(
        ["A", "B", "C"],
        [
          "| 評価 | 内容 |",
          "|---|---|",
          "| A | 目標を達成 |",
          "| B | 目標の8割以上 |",
          "| C | 目標の8割未満 |",
          "| - | 実績値が未公表のため評価できない |",
        ],
      ),
      "kpi.md",
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.sheet.kpis).toHaveLength(3);
    expect(r.sheet.scale?.bands.map((b) => `${b.label} ${b.category}`)).toEqual([
      "A on_track",
      "B mostly_on_track",
      "C delayed",
      "- not_evaluable",
    ]);
  });
});

describe("what the forms leave alone", () => {
  it("an arrow or an ellipsis inside a meaning is no separator", () => {
    expect(colonsForOtherSeparators("A:目標値→実績値の順に… B:遅れ")).toBe("A:目標値→実績値の順に… B:遅れ");
  });

  it("a label after its meaning in brackets (「効果的なもの (A)、…」) is not moved before the next meaning", () => {
    const t = "効果的なもの (A)、おおむね効果的なもの (B)";
    expect(colonsForOtherSeparators(t)).toBe(t);
  });

  it("a single bracketed label or equation is no legend", () => {
    expect(labelBracketPairsOf("A(参考値)")).toEqual([]);
    expect(meaningFirstPairsOf("達成率=実績÷目標")).toEqual([]);
  });

  it("one line starting with a letter and a space is no legend; two in a row are joined", () => {
    expect(joinSpacedLines(["A 地区の値は推計", "出典:県統計"])).toEqual(["A 地区の値は推計", "出典:県統計"]);
    expect(joinSpacedLines(["注", "A 順調", "B 遅れ"])).toEqual(["注", "A 順調 B 遅れ"]);
    // Rows of a drop-down list sheet left visible: words that say no band.
    const list = ["評価 担当課 方向性", "A 企画課 増加", "B 商工観光課 減少", "C 福祉課 維持"];
    expect(joinSpacedLines(list)).toEqual(list);
  });

  it("a note starting with a letter is not taken for a legend band", async () => {
    const r = await importSheet(sheet(["A", "B", "C"], ["A 地区の値は推計"]), "kpi.md");
    expect(r.ok ? "read" : r.error.code).toBe("scale_unknown");
  });
});

describe("legend labels in lenticular brackets, closed by a bracket, or bracketed after a long heading", () => {
  const bands = (line: string, used: string[]) =>
    readLegend([line], new Set(used))?.bands.map((b) => [b.label, b.category]) ?? null;
  it("reads 【A】 and A) before their meanings", () => {
    for (const line of [
      "評価 【A】目標を達成 【B】概ね達成 【C】未達成",
      "評価 A)目標を達成 B)概ね達成 C)未達成",
    ])
      expect(bands(line, ["A", "B", "C"])).toEqual([
        ["A", "on_track"],
        ["B", "mostly_on_track"],
        ["C", "delayed"],
      ]);
  });
  it("reads (A) before its meaning after a sentence, not as the meaning before it", () => {
    expect(
      bands(
        "目標達成状況 目標値に対する実績値の割合(1.00を上限)。施策の進展度 (A)進んだ (B)ある程度進んだ (C)あまり進まなかった (D)進まなかった",
        ["A", "B", "C", "D"],
      ),
    ).toEqual([
      ["A", "on_track"],
      ["B", "mostly_on_track"],
      ["C", "delayed"],
      ["D", "delayed"],
    ]);
  });
  it("reads a colon pair among spaced ones as a pair, not as the meaning before it", () => {
    expect(
      bands(
        "評価 A　目標を達成(達成率100%以上) B　概ね達成(達成率80%以上100%未満) C　未達成(達成率80%未満) -:実績が把握できず評価できない",
        ["A", "B", "C"],
      ),
    ).toEqual([
      ["A", "on_track"],
      ["B", "mostly_on_track"],
      ["C", "delayed"],
      ["-", "not_evaluable"],
    ]);
  });
});
