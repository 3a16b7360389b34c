import { describe, expect, it } from "vitest";
import { recogniseHeader } from "./column-fields.ts";
import { readList } from "./general-values.ts";
import { noteUnderIndicator } from "./heading-levels.ts";
import { readLegend } from "./read-legend.ts";
import { readOrdinal } from "./read-ordinal.ts";
import { parseOrdinal } from "./repair-hierarchy.ts";
import { surveyScoresAsExtra } from "./survey-scores.ts";
import { read } from "./test-read-lines.ts";
import type { ImportIssue } from "./types.ts";

describe("round 44 rules", () => {
  it("基本方針 / 施策内容 / 施策関係部局: the plan's top level, the level under 施策項目, the departments", () => {
    expect(recogniseHeader("基本方針").field).toBe("goal");
    expect(recogniseHeader("施策内容").field).toBe("measure");
    expect(recogniseHeader("施策関係部局").field).toBe("departments");
    expect(recogniseHeader("関係課").field).toBe("departments");
    expect(recogniseHeader("担当部局").field).toBe("departments");
    // 「施策の内容」 (with の) stays a description of the 施策; 「施策目的」 too.
    expect(recogniseHeader("施策の内容").field).toBe("extra");
    expect(recogniseHeader("施策目的").field).toBe("extra");
    // A 基本方針 that says more than the level's name is no level.
    expect(recogniseHeader("基本方針の説明").field).not.toBe("goal");
  });

  it("a parenthesised digit printed as one character (⑴ … ⒇) numbers a level as 「(1)」 does", () => {
    expect(readOrdinal("⑷コンパクト・プラス・ネットワーク")).toEqual({
      no: 4,
      title: "コンパクト・プラス・ネットワーク",
    });
    expect(readOrdinal("⑴ 農林水産業の振興")).toEqual({ no: 1, title: "農林水産業の振興" });
    expect(readOrdinal("(4) コンパクト")).toEqual({ no: 4, title: "コンパクト" });
    expect(readOrdinal("2.暮らしの向上")).toEqual({ no: 2, title: "暮らしの向上" });
    // A circled number stays what it was; a ⑴ inside a title is no number.
    expect(readOrdinal("③道路網の整備")).toEqual({ no: 3, title: "道路網の整備" });
    expect(readOrdinal("道路網⑴の整備").no).toBe(0);
    expect(parseOrdinal("⑵観光の振興")).toMatchObject({ kind: "paren", no: 2, title: "観光の振興" });
  });

  it("a whole plan table of 基本方針 「1.…」 / 施策項目 「⑴…」 / 施策内容 「①…」 with 施策関係部局", async () => {
    const sheet = await read([
      "総合経営計画 平成29年度 KPIの達成状況",
      "",
      "| 基本方針 | 施策項目 | 施策内容 | 指標名 | 基準値 | 目標値(H33年度) | H29年度実績値 | 達成状況 | 施策関係部局 |",
      "|---|---|---|---|---|---|---|---|---|",
      "| 1.しごとの創出 | ⑴農林水産業の振興 | ①担い手の確保 | 新規就農者数 | 2人(H27年度) | 10人 | 3人 | B | 経済部 |",
      "| 2.暮らしの向上 | ⑷コンパクト・プラス・ネットワーク | ②土地の管理 | 人口密度 | 43.9人/㏊(H22年度) | 43.9人/㏊ | 44.1人/㏊ | A | 企画部、建設部 |",
      "",
      "【達成状況の区分】 A…目標値を達成した B…基準値を上回った C…基準値を下回った",
    ]);
    expect(
      sheet.kpis.map((k) => [k.goal.no, k.goal.title, k.subgoal.no, k.subgoal.title, k.measure.no]),
    ).toEqual([
      [1, "しごとの創出", 1, "農林水産業の振興", 1],
      [2, "暮らしの向上", 4, "コンパクト・プラス・ネットワーク", 2],
    ]);
    expect(sheet.kpis[1]!.departments).toEqual(["企画部", "建設部"]);
    expect(sheet.kpis.map((k) => k.evaluation.category)).toEqual(["mostly_on_track", "on_track"]);
  });

  it("a bracketed heading before labels set off by 「…」 or 「→」 is a legend, not a note on the indicator above", () => {
    expect(
      noteUnderIndicator("【達成状況の区分】 A…目標値を達成した B…基準値を上回った C…基準値を下回った"),
    ).toBe(false);
    expect(noteUnderIndicator("【評価】 A→達成 B→概ね達成 C→未達成")).toBe(false);
    expect(noteUnderIndicator("【1次評価】の評価 A:KPIを達成した B:概ね達成")).toBe(false);
    // A note that quotes one label is still a note.
    expect(noteUnderIndicator("≪成果と見直し≫ 目標値を上回った(A…達成)")).toBe(true);
    expect(noteUnderIndicator("【補足】 R2年度から集計方法を変更した")).toBe(true);
  });

  it("「A…」 pairs a print glued together (「…達成したB…基準値を…」) are still pairs; a letter inside a meaning is not", () => {
    const bands = (line: string) =>
      readLegend([line], new Set(["A", "B", "C", "-"]))?.bands.map(
        (b) => `${b.label} ${b.category} ${b.meaning}`,
      );
    expect(
      bands(
        "【達成状況の区分】 A…目標値を達成したB…基準値を上回ったC…基準値を下回った -…実績値が把握できない",
      ),
    ).toEqual([
      "A on_track 目標値を達成した",
      "B mostly_on_track 基準値を上回った",
      "C delayed 基準値を下回った",
      "- not_evaluable 実績値が把握できない",
    ]);
    // A capital inside a meaning, with no ellipsis after it, stays in the meaning.
    expect(bands("評価 A…Bランク以上を達成 B…基準値を上回った")?.[0]).toBe("A on_track Bランク以上を達成");
  });

  it("a list of departments wrapped inside its last one (「企画部、建設」 over 「部」) joins the wrap, not the list", () => {
    expect(readList("企画部、建設\n部")).toEqual(["企画部", "建設部"]);
    expect(readList("企画部、子育て支援\n課")).toEqual(["企画部", "子育て支援課"]);
    // One character alone on a line is the tail of the name above (「地方卸売市」 over 「場」).
    expect(readList("地方卸売市\n場")).toEqual(["地方卸売市場"]);
    // Two whole departments on two lines stay two (negative).
    expect(readList("企画部、建設部\n財政課")).toEqual(["企画部", "建設部", "財政課"]);
  });

  it("区分 of 成果指標 / 活動指標 marks two kinds of one 施策's indicators: every row a KPI", async () => {
    const sheet = await read([
      "平成25年度 施策評価 結果一覧",
      "",
      "| 施策 | 区分 | 目標指標 | 単位 | 基準値(H23) | H25実績 | 目標値(H26) | 担当部局 |",
      "|---|---|---|---|---|---|---|---|",
      "| 1 地域防災力の強化 | 成果指標 | 活動カバー率 | % | 78.4 | 83.9 | 90.0 | 総務部 |",
      "| | 活動指標 | 防災訓練の実施回数 | 回 | 42 | 51 | 60 | 総務部 |",
      "| 2 観光交流の推進 | 成果指標 | 観光客数 | 千人 | 6,720 | 7,124 | 7,500 | 観光交流部 |",
      "| | 活動指標 | 閲覧件数 | 件 | 512 | 641 | 700 | 観光交流部 |",
    ]);
    expect(sheet.kpis.map((k) => k.indicator)).toEqual([
      "活動カバー率",
      "防災訓練の実施回数",
      "観光客数",
      "閲覧件数",
    ]);
    expect(sheet.numericGoals ?? []).toEqual([]);
  });

  it("区分 of 数値目標 / KPI still keeps the 数値目標 rows apart (negative)", async () => {
    const sheet = await read([
      "令和3年度 総合戦略 KPI",
      "",
      "| 基本目標 | 区分 | 指標 | 基準値(R1) | 目標値(R6) | R3実績値 | 評価 |",
      "|---|---|---|---|---|---|---|",
      "| 1 しごと | 数値目標 | 雇用創出数 | 100人 | 500人 | 210人 | B |",
      "| | KPI | 創業者数 | 5人 | 40人 | 12人 | B |",
      "| 2 ひと | 成果指標 | 転入者数 | 900人 | 1,000人 | 950人 | B |",
      "| | KPI | 移住相談件数 | 80件 | 120件 | 131件 | A |",
      "",
      "評価 A:目標値を達成 B:基準値より改善 C:基準値から横ばい又は悪化",
    ]);
    expect(sheet.kpis.map((k) => k.indicator)).toEqual(["創業者数", "移住相談件数"]);
    expect((sheet.numericGoals ?? []).map((g) => g.indicator)).toEqual(["雇用創出数", "転入者数"]);
  });

  const surveyHeader = (heads: string[], fields: string[]) =>
    ({
      columns: heads.map((header, i) => ({ header, field: fields[i]!, period: null, unit: null })),
    }) as never;
  const rows = (cells: string[][]) => cells.map((c, i) => ({ row: i + 3, cells: c }));

  it("達成度 beside 重要度, holding survey means (4.21 / 3.02), is the citizens' score of the 施策: an extra", () => {
    for (const felt of ["達成度", "満足度"]) {
      const header = surveyHeader(["指標", "重要度", felt], ["indicator", "extra", "rate"]);
      const issues: ImportIssue[] = [];
      surveyScoresAsExtra(
        header,
        rows([
          ["率", "4.21", "3.02"],
          ["回数", "", ""],
          ["人数", "3.64", "3.31"],
        ]),
        issues,
      );
      expect((header as { columns: { field: string }[] }).columns[2]!.field).toBe("extra");
      expect(issues.map((i) => i.kind)).toEqual(["survey_scores"]);
    }
  });

  it("達成度 holding rates, or with no 重要度 beside it, stays the rate (negative)", () => {
    const rated = surveyHeader(["指標", "重要度", "達成度"], ["indicator", "extra", "rate"]);
    surveyScoresAsExtra(
      rated,
      rows([
        ["率", "A", "95.2%"],
        ["回数", "B", "102.0%"],
      ]),
      [],
    );
    expect((rated as { columns: { field: string }[] }).columns[2]!.field).toBe("rate");
    const alone = surveyHeader(["指標", "達成度"], ["indicator", "rate"]);
    surveyScoresAsExtra(alone, rows([["率", "3.02"]]), []);
    expect((alone as { columns: { field: string }[] }).columns[1]!.field).toBe("rate");
    // Digits 1–5 with no decimals (a rating's points) are no survey mean.
    const points = surveyHeader(["指標", "重要度", "達成度"], ["indicator", "extra", "rate"]);
    surveyScoresAsExtra(
      points,
      rows([
        ["率", "3", "4"],
        ["回数", "2", "5"],
      ]),
      [],
    );
    expect((points as { columns: { field: string }[] }).columns[2]!.field).toBe("rate");
  });

  it("a 施策評価 of 重要度 | 達成度 | 象限 on the 施策's first row: no rate, no evaluation, nothing copied down", async () => {
    const sheet = await read([
      "平成25年度 施策評価 結果一覧",
      "",
      "| 施策 | 目標指標 | 単位 | 基準値(H23) | H25実績 | 目標値(H26) | 重要度 | 達成度 | 象限 | 担当部局 |",
      "|---|---|---|---|---|---|---|---|---|---|",
      "| 1 地域防災力の強化 | 活動カバー率 | % | 78.4 | 83.9 | 90.0 | 4.21 | 3.02 | 第4象限 | 総務部 |",
      "| | 防災訓練の実施回数 | 回 | 42 | 51 | 60 | | | | 総務部 |",
      "",
      "※象限は、重要度を横軸に、達成度を縦軸にとり分類したもの 第1象限…重要度:高 達成度:高 第4象限…重要度:高 達成度:低",
    ]);
    expect(sheet.kpis.map((k) => k.printedRate ?? null)).toEqual([null, null]);
    expect(sheet.kpis.map((k) => k.evaluation.printed)).toEqual([false, false]);
    expect(sheet.scale?.bands ?? []).toEqual([]);
  });
});
