// 瑞浪市's 施策評価調書 (round 25: mizunami-shisaku): 「令和5年度目標値 | 23」 beside the indicator's name is the
// final target at its year; its printed unit is the bare grid's; years over 事業費 are the cost, no grid; 大区分 /
// 中区分 / 小区分 are the plan's levels; 施策の内容 and 指標と目的の関連性 are no level and no indicator.
import { describe, expect, it } from "vitest";
import type { Value } from "../core/sheet.ts";
import { unitOfEnd } from "./card-ends.ts";
import { recogniseHeader } from "./column-fields.ts";
import { importSheet } from "./import-sheet.ts";

const v = (x: Value | undefined) =>
  !x
    ? "absent"
    : x.kind === "number"
      ? `${x.value} ${x.unit ?? ""} @${x.period.year}`.replace("  ", " ")
      : x.kind;

describe("a card's keyed final target", () => {
  it.each([
    ["71.6%", "%"],
    ["15,000人", "人"],
    ["23", null],
    ["設置", null],
  ])("unit of 「%s」 → %s", (t, u) => expect(unitOfEnd(t)).toBe(u));

  it.each([
    ["大区分", "goal"],
    ["中区分", "subgoal"],
    ["小区分", "measure"],
    ["施策の内容", "extra"],
    ["指標と目的の関連性", "extra"],
    ["区分", "evaluation"],
    ["施策評価調書", "extra"],
  ])("key 「%s」 → %s", (k, f) => expect(recogniseHeader(k).field).toBe(f));

  it("reads the key's year and unit, leaves the cost grid out", async () => {
    const row = (cells: string[]) => `| ${[...cells, ...Array(8 - cells.length).fill("")].join(" | ")} |`;
    const md = [
      "<!--cards-->",
      "令和元年度 施策評価調書(平成30年度実績)",
      "",
      row(["施策評価調書"]),
      row(Array(8).fill("---")),
      row(["総合計画施策体系", "大区分", "健康福祉", "", "担当部局", "民生部"]),
      row(["", "中区分", "子育て支援"]),
      row(["", "小区分", "子育て家庭への支援の充実"]),
      row(["施策の内容", "① 相談体制を充実します。"]),
      row(["成果指標名", "子育て支援センターの利用者数", "", "", "", "", "令和5年度目標値", "15,000人"]),
      row(["年度", "24年度", "25年度", "26年度", "27年度", "28年度", "29年度", "30年度"]),
      row(["目標値", "", "12,500", "13,000", "13,200", "13,500", "13,800", "14,000"]),
      row(["実績値", "12,104", "12,630", "12,918", "13,377", "13,120", "13,640", "13,502"]),
      row(["指標と目的の関連性", "利用者が増えることにより、子育て家庭の孤立を防ぐ。"]),
      row(["年度", "26年度", "27年度", "28年度", "29年度", "30年度", "単位:千円"]),
      row(["事業費", "121,450", "118,906", "124,337", "130,021", "128,774"]),
    ].join("\n");
    const r = await importSheet(new TextEncoder().encode(md), "sheet.md");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.fiscalYear).toBe(2018);
    const [k] = r.sheet.kpis;
    expect(r.sheet.kpis).toHaveLength(1);
    expect([k!.goal.title, k!.subgoal.title, k!.measure.title, k!.unit]).toEqual([
      "健康福祉",
      "子育て支援",
      "子育て家庭への支援の充実",
      "人",
    ]);
    expect([v(k!.target), v(k!.actual), v(k!.finalTarget)]).toEqual([
      "14000 人 @2018",
      "13502 人 @2018",
      "15000 人 @2023",
    ]);
    expect(k!.years?.map((y) => y.year)).toEqual([2012, 2013, 2014, 2015, 2016, 2017, 2018, 2023]);
  });
});
