// Round 14's general rules (fixtures/layouts/README.md), each on a small table of its own.
import { describe, expect, it } from "vitest";
import { recogniseHeader } from "./column-fields.ts";
import { runningTotal } from "./general-rows.ts";
import { headingLevel, projectOf, splitIndicator } from "./general-values.ts";
import { importSheet } from "./index.ts";
import { categoryOf } from "./legend-categories.ts";
import { readOrdinal } from "./read-ordinal.ts";
import { markdownTables as md } from "./test-markdown.ts";

describe("round 14", () => {
  it("手段 over 「01-02 …」 codes is the level above the KPIs, numbered by the code's last part; a bullet ○ is no part of a name; the unit the values print is the KPI's", async () => {
    const r = await importSheet(
      md(
        ["効果検証報告 総括表"],
        [
          [
            ["手段", "重要業績評価指標(KPI)", "目標値(2017年(度))", "実績値(2017年(度))"],
            ["01-01 メディアで取り上げられている", "○取り上げられた回数", "68件", "75件"],
            ["01-02 魅力が伝わっている", "○ポータルサイト閲覧数", "27,000件", "41,260件"],
          ],
        ],
      ),
      "t.md",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.kpis.map((k) => [k.measure.no, k.indicator, k.unit])).toEqual([
      [1, "取り上げられた回数", "件"],
      [2, "ポータルサイト閲覧数", "件"],
    ]);
    expect(readOrdinal("01-02 魅力が伝わっている")).toEqual({ no: 2, title: "魅力が伝わっている" });
    expect(readOrdinal("1 しごとの創生")).toEqual({ no: 1, title: "しごとの創生" });
  });

  it("a table whose indicator is the 戦略目的's (or a KGI) lists 数値目標, apart from the KPIs", async () => {
    const r = await importSheet(
      md(
        ["効果検証報告 総括表"],
        [
          [
            ["戦略目的の指標", "基準値(2014年(度))", "目標値(2019年(度))"],
            ["20歳代の社会増減", "△313人", "△281人"],
          ],
          [
            ["重要業績評価指標(KPI)", "目標値(2017年(度))", "実績値(2017年(度))"],
            ["取り上げられた回数", "68件", "75件"],
          ],
        ],
      ),
      "t.md",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.numericGoals?.map((g) => g.indicator)).toEqual(["20歳代の社会増減"]);
    expect(r.sheet.kpis.map((k) => k.indicator)).toEqual(["取り上げられた回数"]);
  });

  it("【基本目標1 …】 above and 「●施策の方向性 (1)…」 between tables are levels; 「●基本目標のKGI(…)」 is none; 効果度 is the evaluation; 事業名(担当課) names no unit", async () => {
    const r = await importSheet(
      md(
        [
          "評価一覧表",
          "【基本目標1 魅力的なしごとを創造する ~産業を創る~】",
          "●基本目標のKGI(重要目標達成指標)",
        ],
        [
          [
            ["数値目標", "基準値(H26)", "H27目標値", "H27実績"],
            ["○新規起業件数", "16件/年", "20件/年", "13件/年"],
          ],
          [
            ["事業名(担当課)", "重要業績評価指標", "H27目標値", "H27実績", "地方創生に関する効果度"],
            [
              "①木の駅プロジェクト<br>(市民環境課)",
              "新規兼業農林家数",
              "20人",
              "57人",
              "地方創生に非常に効果があった",
            ],
            ["②丹波栗振興事業<br>(農業振興課)", "栗の新植面積", "5.0ha", "4.6ha", "地方創生に効果があった"],
          ],
        ],
        [
          "○評価項目 地方創生に非常に効果があった:目標値を上回った。 地方創生に効果があった:目標値を上回ることはなかったものの事業開始前よりも改善した。",
        ],
      ),
      "t.md",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [a, b] = r.sheet.kpis;
    expect(a!.goal).toEqual({ no: 1, title: "魅力的なしごとを創造する" });
    expect(r.sheet.numericGoals?.[0]?.goal).toEqual({ no: 1, title: "魅力的なしごとを創造する" });
    expect([a!.initiatives, a!.departments, a!.unit]).toEqual([["木の駅プロジェクト"], ["市民環境課"], "人"]);
    expect([a!.evaluation.category, b!.evaluation.category]).toEqual(["on_track", "delayed"]);
    expect(recogniseHeader("事業名(担当課)")).toMatchObject({ field: "initiatives", unit: null });
    expect(recogniseHeader("地方創生に関する効果度").field).toBe("evaluation");
    expect(categoryOf("3", "目標値を上回ることはなかったものの事業開始前よりも改善した。")).toBe("delayed");
    expect(categoryOf("1", "目標値を上回った。")).toBe("on_track");
  });

  it("施策の方向性 (1)… is a heading of the measure level, its label no part of the title", () => {
    expect(headingLevel("●施策の方向性 (1)地域資源を活かした産業の活性化")).toBe("measure");
    expect(readOrdinal("●施策の方向性 (1)地域資源を活かした産業の活性化")).toEqual({
      no: 1,
      title: "地域資源を活かした産業の活性化",
    });
    // 「基本目標の…」 says what follows is about the goal: no heading of one.
    expect(headingLevel("●基本目標のKGI(重要目標達成指標)")).toBeNull();
    expect(headingLevel("■基本目標2 ひとの流れ")).toBe("goal");
  });

  it("進捗状況 over sentences is the status; 事業名【担当課】 the project and its department; the target after the name; (累計) in the header picks the bracketed total", async () => {
    const r = await importSheet(
      md(
        ["総合戦略事業検証結果一覧(H30実績)"],
        [
          [
            [
              "事業名【担当課】",
              "事業目的",
              "予算額・執行額(千円)",
              "重要業務評価指標(KPI)",
              "H30実績値(累計)",
              "目標の進捗状況",
              "評価",
            ],
            [
              "雇用促進奨励金事業<br>【まちづくり推進課】",
              "町民の雇用を創出する。",
              "予算額 500<br>執行額 0",
              "町内新規雇用者<br>平成31年度まで10人",
              "2人<br>(3人)",
              "指定企業が1件のため、新規雇用者は3人にとどまっている。",
              "2",
            ],
            [
              "就農支援事業<br>【農政商工課】",
              "女性就農者を確保する。",
              "予算額 1,200<br>執行額 1,000",
              "女性新規就農者数<br>平成31年度まで5人",
              "2人<br>(4人)",
              "2年間で4人が就農し、順調に進んでいる。",
              "4",
            ],
          ],
        ],
        [
          "評価 4:目標の達成に向けて順調に推移している 3:概ね順調に推移している 2:目標の達成に向けて遅れている",
        ],
      ),
      "t.md",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const k = r.sheet.kpis[0]!;
    expect([k.initiatives, k.departments, k.indicator, k.unit]).toEqual([
      ["雇用促進奨励金事業"],
      ["まちづくり推進課"],
      "町内新規雇用者",
      "人",
    ]);
    expect(k.actual).toMatchObject({ kind: "number", value: 3, period: { year: 2018 } });
    expect(k.finalTarget).toMatchObject({ kind: "number", value: 10, period: { year: 2019 } });
    expect(k.status).toContain("指定企業が1件");
    expect(r.sheet.kpis.map((x) => x.evaluation.category)).toEqual(["delayed", "on_track"]);
    expect(splitIndicator("町内新規雇用者 平成31年度まで10人").final?.text).toBe("10人");
    expect(splitIndicator("2030年度までの累計利用者数").final).toBeNull();
    expect(runningTotal("H30実績値(累計)", "78%<br>(-)")).toBe("78%<br>(-)");
    expect(runningTotal("H30実績値", "2人<br>(3人)")).toBe("2人<br>(3人)");
    expect(projectOf("①事業(市民環境課)")).toEqual({ name: "事業", departments: ["市民環境課"] });
    expect(projectOf("就農支援事業(拡充)")).toEqual({ name: "就農支援事業(拡充)", departments: [] });
  });
});
