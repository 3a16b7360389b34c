// Round 33's general rules (fixtures/layouts/README.md), each on a small table of its own.
import { describe, expect, it } from "vitest";
import { indicatorTableHeader, indicatorTableStep } from "./card-indicator-table.ts";
import { recogniseHeader } from "./column-fields.ts";
import { importSheet } from "./index.ts";
import { valueKey } from "./layout-golden.ts";
import { categoryOf } from "./legend-categories.ts";

const bytes = (lines: string[]) => new TextEncoder().encode(lines.join("\n"));

describe("round 33: a table of indicators inside a card", () => {
  const card = (rating: string) => [
    "| 施策評価シート | | | | | |",
    "|---|---|---|---|---|---|",
    "| 1 基本情報 | | | | | |",
    "| 理想の姿 | 環境 | | | | |",
    "| 政策の柱 | 循環型社会の形成 | | | | |",
    "| 政策(施策)名 | ごみの減量と資源化の推進 | | 所管部 | 環境部 | |",
    "| 2 政策(施策)指標の状況 | | | | | |",
    "| 指標名 | 単位 | R3実績 | R4目標 | R4実績 | 達成率 |",
    "| 市民一人一日当たりのごみ排出量 | g | 842 | 820 | 851 | 96.4% |",
    "| リサイクル率 | % | 24.1 | 26.0 | 25.2 | 96.9% |",
    "| 3 施策評価 | | | | | |",
    `| 施策評価 | ${rating} | | | | |`,
  ];
  it("reads each row under the header as an indicator of the card, the card's keys for all of them", async () => {
    const r = await importSheet(
      bytes([
        "令和5年度 施策評価シート(令和4年度実施分)",
        "",
        ...card("計画以下"),
        "",
        "施策評価 計画以上:計画を上回って進んでいる 計画通り:おおむね計画通りに進んでいる 計画以下:計画を下回っている",
      ]),
      "t.md",
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.sheet.fiscalYear).toBe(2022);
    expect(
      r.sheet.kpis.map((k) => [k.indicator, k.unit, valueKey(k.target), valueKey(k.actual), k.printedRate]),
    ).toEqual([
      ["市民一人一日当たりのごみ排出量", "g", "820 g @2022", "851 g @2022", 0.964],
      ["リサイクル率", "%", "26 % @2022", "25.2 % @2022", 0.969],
    ]);
    for (const k of r.sheet.kpis) {
      expect([k.goal.title, k.subgoal.title, k.measure.title]).toEqual([
        "環境",
        "循環型社会の形成",
        "ごみの減量と資源化の推進",
      ]);
      expect(k.departments).toEqual(["環境部"]);
      expect([k.evaluation.category, k.evaluation.label]).toEqual(["delayed", "計画以下"]);
    }
  });
  it("is no card's table where no level or department was read before it, nor a header naming other columns", () => {
    const header = ["指標名", "単位", "R3実績", "R4目標", "R4実績", "達成率"];
    expect(indicatorTableStep(header, null, false, "", 1).header).toBeUndefined();
    expect(indicatorTableStep(header, null, true, "", 1).header).toBe(true);
    expect(indicatorTableHeader([...header, "評価"], "")).toBeNull();
    expect(indicatorTableHeader(["指標名", "単位", "R4目標", "達成率"], "")).toBeNull();
  });
});

describe("round 33: header words", () => {
  it("「政策(施策)名」 is the level the bracket names; 「理想の姿」 the broadest level", () => {
    expect(recogniseHeader("政策(施策)名")).toMatchObject({ field: "measure", unit: null });
    expect(recogniseHeader("理想の姿").field).toBe("goal");
    // A unit in brackets after a count stays a unit.
    expect(recogniseHeader("実施事業数(事業)").unit).toBe("事業");
  });
});

describe("round 33: a legend that restates its label, hedged", () => {
  it("「計画通り:おおむね計画通りに進んでいる」 is on track by its name; a letter or a hedged name by the meaning", () => {
    expect(categoryOf("計画通り", "おおむね計画通りに進んでいる")).toBe("on_track");
    expect(categoryOf("B", "おおむね計画通りに進んでいる")).toBe("mostly_on_track");
    expect(categoryOf("概ね順調", "おおむね順調に進んでいる")).toBe("mostly_on_track");
  });
});

describe("round 33: a row that lost its last empty cell, its department no 課", () => {
  it("places 「地方卸売市場」 under 担当課, not under a column of sentences", async () => {
    const r = await importSheet(
      bytes([
        "令和元年度 KPI進捗状況",
        "",
        "| KPI | R1目標値 | R1実績 | 評価 | 担当課 | 評価の理由 | 特記事項 |",
        "|---|---|---|---|---|---|---|",
        "| 創業件数 | 40 | 42 | A | 商工振興課 | 相談窓口の周知により目標を達成した。 | 関係機関と連携して実施した。 |",
        "| 市場の見学者数 | 2,400 | 2,052 | B | 地方卸売市場 | 見学会の開催回数が前年度より減った。 |",
        "| 図書の貸出冊数 | 300,000 | 281,000 | B | 中央図書館 | 開館日数が減った。 | 電子書籍の貸出を始めた。 |",
        "",
        "評価 A:目標を達成 B:概ね達成 C:未達成",
      ]),
      "t.md",
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.sheet.kpis[1]!.departments).toEqual(["地方卸売市場"]);
    expect(r.sheet.kpis[1]!.reason).toBe("見学会の開催回数が前年度より減った。");
  });
});
