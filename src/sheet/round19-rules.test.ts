// Round 19's general rules (fixtures/layouts/README.md), each on a small table of its own.
import { describe, expect, it } from "vitest";
import type { Kpi } from "../core/sheet.ts";
import { figureOf, isFigureWithLabel } from "./dated-achievement.ts";
import { headingLevel } from "./general-values.ts";
import { importSheet } from "./index.ts";
import { readOrdinal } from "./read-ordinal.ts";
import { headingsIn } from "./section-headings.ts";

const bytes = (lines: string[]) => new TextEncoder().encode(lines.join("\n"));
const v = (x: Kpi["actual"]) =>
  x.kind === "number" ? `${x.value} ${x.unit ?? ""} @${x.period.year}` : x.kind;

const DATED = [
  "令和元年度末 総合戦略 効果検証",
  "<基本目標1> 人の流れをつくる",
  "プロジェクト【移住・定住等の対応と環境整備】",
  "",
  "| 具体的な施策 | KPI | 達成度 平成31年3月末 | 達成度 令和2年3月末 | 令和元年度効果検証 |",
  "|---|---|---|---|---|",
];

describe("round 19", () => {
  it("達成度 at month-ends holding 「登録件数9件 (達成率90%)」 are the actuals of the fiscal years they close", async () => {
    const r = await importSheet(
      bytes([
        ...DATED,
        "| 1 ◆住環境の整備対策 | 空き家バンク登録件数10件 | 登録件数9件 (達成率90%) | 登録件数10件 (達成率100%) | 計10件の登録となった。 |",
        "| 2 ◆移住の促進 | 移住体験住宅利用者数20人 | 利用者数15人 (達成率75%) | 利用者数22人 (達成率110%) | 目標を上回った。 |",
        "",
      ]),
      "t.md",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const k = r.sheet.kpis[0]!;
    expect(r.sheet.fiscalYear).toBe(2019);
    expect([k.indicator, k.unit, v(k.actual), v(k.finalTarget)]).toEqual([
      "空き家バンク登録件数",
      "件",
      "10 件 @2019",
      "10 件 @2019",
    ]);
    expect(k.years?.map((y) => `${y.year} ${v(y.actual)}`)).toEqual(["2018 9 件 @2018", "2019 10 件 @2019"]);
    expect([k.subgoal.title, k.measure.no, k.measure.title]).toEqual([
      "移住・定住等の対応と環境整備",
      1,
      "住環境の整備対策",
    ]);
  });

  it("reads the figure of a dated 達成度 also in a row that lost a cell (placed first, then read)", async () => {
    const r = await importSheet(
      bytes([
        ...DATED,
        "| 1 ◆住環境の整備対策 | 移住体験住宅利用者数20人 | 利用者数15人 (達成率75%) | 利用者数22人 (達成率110%) | 目標を上回った。 |",
        "| 空き家バンク登録件数10件 | 登録件数9件 (達成率90%) | 登録件数10件 (達成率100%) | 計10件の登録となった。 |",
        "| 2 ◆商工業の振興 | 創業支援件数5件 | 創業件数3件 (達成率60%) | 創業件数5件 (達成率100%) | 目標を達成した。 |",
        "",
      ]),
      "t.md",
    );
    if (!r.ok) throw new Error(r.error.message);
    const k = r.sheet.kpis[1]!;
    expect(k.years?.map((y) => `${y.year} ${v(y.actual)}`)).toEqual(["2018 9 件 @2018", "2019 10 件 @2019"]);
  });

  it("a 達成度 column of rates alone stays a rate (no actual column: refused)", async () => {
    const r = await importSheet(
      bytes([...DATED, "| 1 ◆住環境 | 空き家バンク登録件数10件 | 90% | 100% | 登録となった。 |", ""]),
      "t.md",
    );
    expect(r.ok).toBe(false);
  });

  it("reads the figure of 「登録件数9件 (達成率90%)」, not of a rate or a sentence", () => {
    expect(figureOf("登録件数9件<br>(達成率90%)")).toBe("9件");
    expect(isFigureWithLabel("90%")).toBe(false);
    expect(isFigureWithLabel("計10件の登録となった。")).toBe(false);
  });

  it("「プロジェクト【…】」 is the level between the goal and the measures, its title in the brackets", () => {
    expect(headingLevel("プロジェクト【産業振興と担い手の確保】")).toBe("subgoal");
    expect(readOrdinal("プロジェクト【産業振興と担い手の確保】")).toEqual({
      no: 0,
      title: "産業振興と担い手の確保",
    });
    expect(
      headingsIn([{ text: "<基本目標2> 雇用" }, { text: "プロジェクト【産業振興】" }], {}).subgoal?.title,
    ).toBe("産業振興");
    // A sentence about a project is no heading.
    expect(headingLevel("プロジェクトの進捗を報告する。")).toBeNull();
  });

  it("a bullet between a measure's number and its title is no part of the title", () => {
    expect(readOrdinal("1 ◆住環境の整備対策")).toEqual({ no: 1, title: "住環境の整備対策" });
    expect(readOrdinal("2 ■商工業の振興")).toEqual({ no: 2, title: "商工業の振興" });
  });
});
