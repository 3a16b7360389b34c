/**
 * Rules found by swapping one city's header word for another city's word of the same meaning
 * (scripts/swap-header-words.mts): each table below is read right whichever of the words it prints, or
 * refused — before these rules, each was written wrong with exit 0 or refused.
 */
import { describe, expect, it } from "vitest";
import { importSheet } from "./import-sheet.ts";
import { md, read, refusal } from "./test-read-lines.ts";

const LEGEND = "評価 A:目標を達成 B:目標の80%以上 C:目標の80%未満";

describe("header words swapped between cities", () => {
  it("「目標」 over numbered aims (「1 産業振興による仕事づくり」) is the goal, not a target of text", async () => {
    const sheet = await read([
      "令和元年度 総合戦略 KPIの達成状況",
      "",
      "| 目標 | 施策 | KPI | 基準値 | R1目標値 | R1実績値 | 評価 |",
      "|---|---|---|---|---|---|---|",
      "| 1 産業振興による仕事づくり | (1) 企業誘致 | 企業立地件数 | 2件 | 5件 | 6件 | A |",
      "| 2 少子化対策 | (1) 子育て支援 | 保育所定員 | 300人 | 350人 | 320人 | B |",
      "",
      LEGEND,
    ]);
    expect(sheet.kpis.map((k) => [k.goal.no, k.goal.title, k.measure.title, k.finalTarget.kind])).toEqual([
      [1, "産業振興による仕事づくり", "企業誘致", "missing"],
      [2, "少子化対策", "子育て支援", "missing"],
    ]);
  });

  it("「目標」 over short words stays a target in words", async () => {
    const sheet = await read([
      "令和元年度 KPIの達成状況",
      "",
      "| 施策 | KPI | 基準値 | 目標 | R1実績値 | 評価 |",
      "|---|---|---|---|---|---|",
      "| 企業誘致 | 企業立地件数 | 2件 | 増加 | 6件 | A |",
      "| 子育て支援 | 保育所定員 | 300人 | 維持 | 320人 | A |",
      "",
      LEGEND,
    ]).catch((e: Error) => e.message);
    expect(typeof sheet === "string" || sheet.kpis.every((k) => k.goal.title === "")).toBe(true);
  });

  it("a level column named as broadly as the heading lines above it is the level under them", async () => {
    const sheet = await read([
      "総合計画 成果目標の達成状況(令和元年度実績)",
      "",
      "第1章 住みつづけたい快適なまち",
      "",
      "| 重点項目 | 成果目標 | 計画策定時(H21年度) | R1年度実績 | 目標値(R2年度) | 評価 |",
      "|---|---|---|---|---|---|",
      "| (1)計画的な土地利用の推進 | 住宅用地の新規供給面積 | 2.0ha | 5.2ha | 6.0ha | B |",
      "| (2)公共交通の充実 | 循環バスの年間利用者数 | 68,000人 | 76,400人 | 90,000人 | C |",
      "",
      "第2章 みどりと共生する安全なまち",
      "",
      "| 重点項目 | 成果目標 | 計画策定時(H21年度) | R1年度実績 | 目標値(R2年度) | 評価 |",
      "|---|---|---|---|---|---|",
      "| (1)防災対策の推進 | 自主防災組織の数 | 20組織 | 31組織 | 30組織 | A |",
      "",
      LEGEND,
    ]);
    expect(sheet.kpis.map((k) => [k.goal.no, k.goal.title, k.measure.no, k.measure.title])).toEqual([
      [1, "住みつづけたい快適なまち", 1, "計画的な土地利用の推進"],
      [1, "住みつづけたい快適なまち", 2, "公共交通の充実"],
      [2, "みどりと共生する安全なまち", 1, "防災対策の推進"],
    ]);
  });

  it("level columns whose words cross their order are read broadest first", async () => {
    const sheet = await read([
      "平成28年度 総合戦略 実績報告",
      "",
      "| 基本目標 | 具体的な施策 | 基本的方向 | 目標指標 | 基準値(H26) | H28目標値 | H28実績値 | 評価 |",
      "|---|---|---|---|---|---|---|---|",
      "| 1 子育て日本一 | (1) 切れ目ない支援 | ① 子育て家庭への支援 | アプリ登録者数 | 0人 | 3,000人 | 3,200人 | A |",
      "| | | ② 保育サービスの充実 | 延長保育実施数 | 18箇所 | 20箇所 | 17箇所 | C |",
      "",
      LEGEND,
    ]);
    expect(sheet.kpis.map((k) => [k.goal.title, k.subgoal.title, k.measure.title])).toEqual([
      ["子育て日本一", "切れ目ない支援", "子育て家庭への支援"],
      ["子育て日本一", "切れ目ない支援", "保育サービスの充実"],
    ]);
  });

  it("「方向性」 over sentences is the next steps, not the KPI's direction", async () => {
    const sheet = await read([
      "令和4年度 KPIの達成状況",
      "",
      "| 施策 | KPI | 目標(R4) | 実績(R4) | 評価 | 方向性 |",
      "|---|---|---|---|---|---|",
      "| 図書館の充実 | 蔵書の新規受入冊数 | 5,000冊 | 5,200冊 | A | 選書を工夫し、利用の少ない分野を補う。 |",
      "| 図書館の充実 | 来館者数 | 90,000人 | 70,000人 | C | 広報を強化する |",
      "",
      LEGEND,
    ]);
    expect(sheet.kpis.map((k) => [k.nextSteps, k.direction ?? null])).toEqual([
      ["選書を工夫し、利用の少ない分野を補う。", null],
      ["広報を強化する", null],
    ]);
  });

  it("whole numbers under a second rate column beside percentages are a rating, explained or refused", async () => {
    const table = [
      "平成24年度 成果指標の進捗状況",
      "",
      "| 施策 | 指標 | 基準値(H22) | 現状値(H24) | 目標値(H27) | 進捗率 | 達成度 |",
      "|---|---|---|---|---|---|---|",
      "| 1 農業 | 新規就農者数 | 5人 | 25人 | 25人 | 100% | 5 |",
      "| 1 農業 | 農業生産法人数 | 10組織 | 12組織 | 15組織 | 40% | 2 |",
      "| 2 工業 | 製造業従業者数 | 4,094人 | 3,349人 | 4,300人 | -361.7% | -5 |",
    ];
    expect(await refusal(table)).toMatch(/達成度/);
    const sheet = await read([
      ...table,
      "",
      "達成度 5:進捗率100%以上 4:80%以上100%未満 3:50%以上80%未満 2:20%以上50%未満 1:0%以上20%未満 -1〜-5:基準値を下回った ‐:算出できない",
    ]);
    expect(sheet.kpis.map((k) => k.evaluation.label)).toEqual(["5", "2", "-5"]);
  });

  it("「達成度」 over the legend's words (順調 / 遅れ) is the evaluation, not a rate in words", async () => {
    const sheet = await read([
      "平成27年度 総合戦略 数値目標の達成状況",
      "",
      "| 基本目標 | 指標名 | 基準値(H26) | H27目標値 | H27実績値 | 達成度 |",
      "|---|---|---|---|---|---|",
      "| 1 人口減少を抑える | 出生数 | 1,540人 | 1,560人 | 1,580人 | 順調 |",
      "| 2 しごとをつくる | 正社員就職数 | 900人 | 1,000人 | 700人 | 遅れ |",
      "",
      "達成度 順調:目標を達成 遅れ:目標を下回る",
    ]);
    expect(sheet.kpis.map((k) => [k.evaluation?.label, k.evaluation?.category])).toEqual([
      ["順調", "on_track"],
      ["遅れ", "delayed"],
    ]);
  });

  it("「初期値」 beside 「現状値」 is the baseline and the 現状値 the actual", async () => {
    const sheet = await read([
      "平成28年度 KPIの進捗",
      "",
      "| 施策 | 指標 | 初期値(H26) | 現状値(H28) | 目標値(H31) |",
      "|---|---|---|---|---|",
      "| 防災 | 防災訓練の実施回数 | 420回 | 460回 | 500回 |",
    ]);
    const k = sheet.kpis[0]!;
    expect([
      k.baseline?.kind === "number" && k.baseline.value,
      k.actual.kind === "number" && k.actual.value,
    ]).toEqual([420, 460]);
  });

  it("a baseline with no year anywhere is recorded at the evaluated year and the report says so", async () => {
    const lines = (header: string) => [
      "令和元年度 KPIの達成状況",
      "",
      `| 施策 | KPI | ${header} | R1目標値 | R1実績値 |`,
      "|---|---|---|---|---|",
      "| 企業誘致 | 企業立地件数 | 2件 | 5件 | 6件 |",
      "| 子育て支援 | 保育所定員 | 300人(H26) | 350人 | 320人 |",
    ];
    const undated = await importSheet(md(lines("基準値")), "kpi.md");
    if (!undated.ok) throw new Error(undated.error.message);
    expect(
      undated.sheet.kpis.map((k) => (k.baseline?.kind === "number" ? k.baseline.period.year : null)),
    ).toEqual([2019, 2014]);
    const said = undated.report.issues.filter((i) => i.kind === "baseline_year_assumed");
    expect(said.map((i) => [i.column, i.before, i.confidence])).toEqual([["基準値", "2件", "low"]]);
    const dated = await importSheet(md(lines("基準値(H26)")), "kpi.md");
    if (!dated.ok) throw new Error(dated.error.message);
    expect(dated.report.issues.filter((i) => i.kind === "baseline_year_assumed")).toEqual([]);
  });
});
