import { describe, expect, it } from "vitest";
import type { Sheet } from "../core/sheet.ts";
import { readUnitValue } from "./general-values.ts";
import { importSheet } from "./import-sheet.ts";
import { colonsForOtherSeparators } from "./legend-pair-forms.ts";
import { figureWithoutItsUnit, noteMarkInName, unitInNameUnread } from "./round42-guards.ts";
import { isWordedTarget } from "./worded-targets.ts";

const md = (lines: string[]) => new TextEncoder().encode(lines.join("\n"));
const read = async (lines: string[]) => {
  const r = await importSheet(md(lines), "kpi.md");
  if (!r.ok) throw new Error(r.error.message);
  return r.sheet;
};
const refusal = async (lines: string[]) => {
  const r = await importSheet(md(lines), "kpi.md");
  return r.ok ? null : r.error;
};

const SHISAKU = ["子育て支援", "観光交流", "地域防災"];
const SHIHYO = ["子育て支援センターの利用者数", "観光交流客数", "防災訓練の参加者数"];

describe("round 42 rules", () => {
  const reviewed = (head: string, rows: [string, string][]) => [
    "令和4年度 総合計画 効果検証シート(令和3年度の取組)",
    "",
    `| 施策 | 成果指標 | 基準値(R1) | 目標値(R7) | R3実績値 | 内部評価 | ${head} |`,
    "|---|---|---|---|---|---|---|",
    ...rows.map(
      ([ev, words], i) =>
        `| (${i + 1}) ${SHISAKU[i]} | ${SHIHYO[i]} | 10件 | 20件 | ${12 + i}件 | ${ev} | ${words} |`,
    ),
    "",
    "内部評価の区分 A…目標値に達した B…基準値を上回った C…基準値以下である",
  ];

  it("外部評価 (a committee's 御意見・御提言) of sentences is the KPIs' comments; 内部評価 the rating", async () => {
    for (const head of ["外部評価", "外部評価(戦略会議の御意見・御提言)", "委員会評価", "第三者評価"]) {
      const sheet = await read(
        reviewed(head, [
          ["B", "利用者が減った理由を分析し、周知されたい。"],
          ["C", "近隣市町と連携した誘客を進められたい。"],
          ["B", ""],
        ]),
      );
      expect(sheet.kpis.map((k) => [k.evaluation?.label, k.comments ?? null])).toEqual([
        ["B", "利用者が減った理由を分析し、周知されたい。"],
        ["C", "近隣市町と連携した誘客を進められたい。"],
        ["B", null],
      ]);
    }
  });

  it("a column of sentences under a rating's name that names no reviewer is still refused", async () => {
    const error = await refusal(
      reviewed("評価", [
        ["B", "利用者が減った理由を分析し、周知されたい。"],
        ["C", "近隣市町と連携した誘客を進められたい。"],
      ]),
    );
    expect(error?.code).toBe("column_contradiction");
  });

  it("外部評価 of marks stays a rating (the review settled against the first rating)", async () => {
    const sheet = await read([
      ...reviewed("外部評価", [
        ["B", "A"],
        ["C", "C"],
      ]),
      "外部評価 A:順調 B:概ね順調 C:遅れている",
    ]);
    expect(sheet.kpis.map((k) => k.evaluation?.label)).toEqual(["A", "C"]);
  });

  it("a target worded as a movement from a named point is a target", () => {
    for (const t of [
      "策定時より上昇",
      "基準値より増加",
      "現状維持",
      "延伸",
      "現状値から改善",
      "(策定時より上昇)",
    ])
      expect(isWordedTarget(t), t).toBe(true);
    for (const t of ["達成見込み", "目標を上回る見込み", "増加傾向にある。", "10件", "策定時より上昇した"])
      expect(isWordedTarget(t), t).toBe(false);
  });

  const trend = (target: string, times: string[][], targetHeader = "目標値") => [
    "連携中枢都市圏 取組状況報告書(平成28年度)",
    "",
    `| 分野 | 項目 | ${targetHeader} | | 策定時 | H27 | H28 |`,
    "|---|---|---|---|---|---|---|",
    `| 経済成長 | 観光消費額(百万円) | ${target} | | 58,120 | 61,305 | 63,870 |`,
    `| | | | ${times[0]![0]} | ${times[0]!.slice(1).join(" | ")} |`,
    `| | 有効求人倍率(倍) | ${target} | | 1.11 | 1.24 | 1.35 |`,
    `| | | | ${times[1]![0]} | ${times[1]!.slice(1).join(" | ")} |`,
  ];

  it("a 調査時点 row under the figures dates each of them, and is no indicator", async () => {
    for (const label of ["調査時点", "時点", "測定時点"]) {
      const sheet = await read(
        trend("策定時より上昇", [
          [label, "H24年", "H27年", "H28年"],
          [label, "H26年度", "H27年度", "H28年度"],
        ]),
      );
      expect(
        sheet.kpis.map((k) => [k.indicator, k.unit, k.baseline?.kind === "number" && k.baseline.period.year]),
      ).toEqual([
        ["観光消費額(百万円)", "百万円", 2012],
        ["有効求人倍率(倍)", "倍", 2014],
      ]);
      expect(sheet.kpis[0]!.finalTarget).toMatchObject({ kind: "text", text: "策定時より上昇" });
    }
  });

  it("a bare 「目標」 over 「策定時より上昇」 is the worded target, no aim of the plan", async () => {
    const times = [
      ["調査時点", "H24年", "H27年", "H28年"],
      ["調査時点", "H26年度", "H27年度", "H28年度"],
    ];
    const sheet = await read(trend("策定時より上昇", times, "目標"));
    expect(sheet.kpis.map((k) => [k.goal.title, k.finalTarget ?? k.target])).toEqual([
      ["経済成長", expect.objectContaining({ kind: "text", text: "策定時より上昇" })],
      ["経済成長", expect.objectContaining({ kind: "text", text: "策定時より上昇" })],
    ]);
  });

  it("a row labelled 調査時点 holding no years is not taken for the figures' times", async () => {
    const error = await refusal(
      trend("策定時より上昇", [
        ["調査時点", "統計調査", "統計調査", "統計調査"],
        ["調査時点", "H26年度", "H27年度", "H28年度"],
      ]),
    );
    expect(error).not.toBeNull();
  });

  it("a target column of sentences is still refused", async () => {
    const error = await refusal(
      trend("観光客が増えるよう、誘客を強める。", [
        ["調査時点", "H26年", "H27年", "H28年"],
        ["調査時点", "H26年度", "H27年度", "H28年度"],
      ]),
    );
    expect(error?.code).toBe("column_contradiction");
  });

  it("a note mark after a name (※, ※1) is no part of it; the unit in the brackets before it is read", async () => {
    const sheet = await read([
      "平成28年度 成果指標",
      "",
      "| 項目 | 策定時(H26) | H28実績 | 目標値(H32) |",
      "|---|---|---|---|",
      "| 圏域の社会増減(人)※ | ▲1,021 | ▲512 | 0 |",
      "| 移住者数(人)※1 | 40 | 62 | 80 |",
      "",
      "※従前地又は転出先不明を含む ※1 相談窓口を通じた移住者",
    ]);
    expect(sheet.kpis.map((k) => [k.indicator, k.unit])).toEqual([
      ["圏域の社会増減(人)", "人"],
      ["移住者数(人)", "人"],
    ]);
  });

  it("guards: a unit left in a name's brackets beside names read so, a note mark kept in a name", () => {
    const kpi = (indicator: string, unit: string | null) =>
      ({
        indicator,
        unit,
        row: 5,
        actual: { kind: "number", value: 1, unit, period: { year: 2016, basis: "fiscal" } },
      }) as never;
    const sheet = (kpis: never[]) => ({ format: "sheet/1", fiscalYear: 2016, kpis }) as unknown as Sheet;
    expect(
      unitInNameUnread(sheet([kpi("観光消費額(百万円)", "百万円"), kpi("有効求人倍率(倍)", null)])),
    ).toMatch(/「倍」/);
    // (No name's bracket read as its unit: nothing says the brackets are units.)
    expect(unitInNameUnread(sheet([kpi("平均正答率(全国比)", null), kpi("出生数", "人")]))).toBeNull();
    expect(noteMarkInName(sheet([kpi("圏域の社会増減(人)※", "人")]))).toMatch(/注記の印「※」/);
    expect(noteMarkInName(sheet([kpi("圏域の社会増減(人)", "人")]))).toBeNull();
  });

  it("a capital glued to the words before it, then 「…」, is a legend's label (a print that lost its spaces)", () => {
    expect(
      colonsForOtherSeparators("内部評価の区分A…目標値に達したB…基準値を上回ったC…基準値以下である"),
    ).toBe("内部評価の区分 A:目標値に達した B:基準値を上回った C:基準値以下である");
    // (An ellipsis after words, not a capital, stays.)
    expect(colonsForOtherSeparators("取組を進めた…今後も続ける")).toBe("取組を進めた…今後も続ける");
  });

  it("a wrapped name's second line between the figures and their 調査時点 row goes back into the name", async () => {
    const sheet = await read([
      "連携中枢都市圏 取組状況報告書(平成28年度)",
      "",
      "| 分野 | 項目 | 目標値 | 策定時 | H27 | H28 |",
      "|---|---|---|---|---|---|",
      "| 経済成長 | 付加価値額の長野県にお | 策定時より上昇 | 28% | 27% | 29% |",
      "| | ける割合 | | | | |",
      "| | | 調査時点 | H24年 | H27年 | H28年 |",
      "| | 有効求人倍率(倍) | 策定時より上昇 | 1.11 | 1.24 | 1.35 |",
      "| | | 調査時点 | H26年度 | H27年度 | H28年度 |",
    ]);
    expect(
      sheet.kpis.map((k) => [
        k.indicator.replace(/<br>/g, ""),
        k.baseline?.kind === "number" && k.baseline.period.year,
      ]),
    ).toEqual([
      ["付加価値額の長野県における割合", 2012],
      ["有効求人倍率(倍)", 2014],
    ]);
  });

  it("a figure over its survey year with no brackets (「58,120<br>H26年」) takes the row's unit as 「58,120(H26年)」 does", () => {
    const fy = { year: 2016, basis: "fiscal" } as const;
    for (const cell of ["58,120<br>H26年", "58,120(H26年)", "58,120 H26年"])
      expect(
        readUnitValue(cell, "百万円", fy, () => {}),
        cell,
      ).toMatchObject({
        kind: "number",
        value: 58_120_000_000,
        unit: "円",
        period: { year: 2014 },
      });
    // (A Gregorian year in brackets, a value's year column joined to it: 「20(2019年度)」.)
    expect(readUnitValue("20(2019年度)", "人", fy, () => {})).toMatchObject({
      value: 20,
      unit: "人",
      period: { year: 2019 },
    });
    // (A figure with a year glued and no 年 is no figure over its year: left to the value parser.)
    expect(readUnitValue("58,120H26", "百万円", fy, () => {})).not.toMatchObject({ value: 58_120_000_000 });
  });

  it("guard: a KPI with a unit one of whose figures was read without it is refused", () => {
    const number = (value: number, unit: string | null) => ({
      kind: "number",
      value,
      unit,
      raw: String(value),
      period: { year: 2016, basis: "fiscal" },
    });
    const sheet = (unit: string | null) =>
      ({
        format: "sheet/1",
        fiscalYear: 2016,
        kpis: [
          {
            indicator: "観光消費額(百万円)",
            unit,
            row: 7,
            baseline: number(58120, null),
            actual: number(63870000000, "円"),
          },
        ],
      }) as unknown as Sheet;
    expect(figureWithoutItsUnit(sheet("百万円"))).toMatch(/単位は「百万円」ですが、数値「58120」/);
    expect(figureWithoutItsUnit(sheet(null))).toBeNull();
  });
});
