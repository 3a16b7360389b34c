// Two columns read as one field a KPI takes from one cell: the second column's names would be lost with exit 0.
import { describe, expect, it } from "vitest";
import { doubledLevelColumns } from "./level-columns.ts";
import { refusal } from "./test-read-lines.ts";

describe("doubled columns", () => {
  it("two columns under one project's word (施策の方向性 | 施策の方向性) are refused, naming both", async () => {
    const lines = [
      "令和2年度 政策評価 施策の方向性ごとの指標の状況",
      "",
      "| 施策の方向性 | 施策の方向性 | 指標 | 単位 | 基準値(2016年度) | 実績値(2019年度) | 目標値(2022年度) | 評価 |",
      "|---|---|---|---|---|---|---|---|",
      "| 1 子育て支援の充実 | (1) 妊娠期からの切れ目ない支援 | 乳幼児健康診査の受診率 | % | 95.1 | 96.4 | 98.0 | A |",
      "| | (2) 保育の充実 | 待機児童数 | 人 | 42 | 10 | 0 | B |",
      "",
      "評価 A:順調に進んでいる B:概ね順調 C:課題が多い",
    ];
    expect(await refusal(lines)).toMatch(/列「施策の方向性」と列「施策の方向性」がどちらも/);
  });

  it("dated columns of one field (a rate per year) are no doubled column", () => {
    const columns = [
      { col: 1, field: "rate" as const, header: "達成率 H27", year: 2015 },
      { col: 2, field: "rate" as const, header: "達成率 H28", year: 2016 },
      { col: 3, field: "unit" as const, header: "単位" },
    ];
    expect(doubledLevelColumns({ columns })).toBeNull();
    expect(doubledLevelColumns({ columns: [...columns, { col: 4, field: "unit", header: "単位" }] })).toEqual(
      ["単位", "単位"],
    );
  });
});
