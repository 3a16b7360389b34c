// The last guard (reading-plausibility.ts), continued: the wrong readings (exit 0) of rounds 25–29's first
// readings, as they came out — each must be refused (rounds 13–24: reading-plausibility-rounds.test.ts;
// round 30: unread-level-guards.test.ts; round 31: reading-plausibility-round31.test.ts).
import { describe, expect, it } from "vitest";
import type { Sheet } from "../core/sheet.ts";
import { checkReading } from "./reading-plausibility.ts";
import {
  band,
  kpi,
  missing,
  num,
  rated,
  refusal,
  sheet,
  table,
  tableProfile,
  text,
} from "./test-plausibility.ts";
import type { SourceTable } from "./types.ts";

describe("past wrong readings (exit 0) are refused, round 25", () => {
  it("round 25 oyabe-seika: 区分 (当初 / 追加, when each indicator was set) read as the rating, every KPI 評価不可", () => {
    const t = table([
      ["主要施策コード", "成果指標", "区分", "平成12年", "平成13年実績", "平成14年実績", "5ヵ年目標"],
      ["11204", "IT講座修了者数", "当初", "なし", "1,007人", "448人", "1,400人"],
    ]);
    const rating = (label: string) => ({ category: "not_evaluable" as const, covid: false, label });
    const s = sheet(2002, [
      kpi(2, "IT講座修了者数", { actual: num(448, "人", 2002), evaluation: rating("当初") }),
      kpi(3, "図書館入館者数", { actual: num(117857, "人", 2002), evaluation: rating("当初") }),
      kpi(4, "ニュースポーツ用具等利用回数/年", { actual: num(166, "回", 2002), evaluation: rating("追加") }),
    ]);
    const p = tableProfile([1], [{ table: 1, col: 3, header: "区分", field: "evaluation", year: null }]);
    expect(refusal(s, t, p)).toContain("列「区分」の「当初」「追加」");
  });

  it("ratings a legend or a rule explains are not refused by it (one unknown among known ones)", () => {
    const t = table([
      ["指標", "実績値(H27)", "評価"],
      ["a", "1", "A"],
    ]);
    const s = sheet(2015, [
      kpi(2, "a", {
        actual: num(1, "人", 2015),
        evaluation: { category: "on_track", covid: false, label: "達成" },
      }),
      kpi(3, "b", {
        actual: num(1, "人", 2015),
        evaluation: { category: "not_evaluable", covid: false, label: "保留" },
      }),
    ]);
    expect(() => checkReading(s, t, tableProfile([1]))).not.toThrow();
  });
  it("round 29 kagoshima-kensho: the legend's 「- 次年度以降の取組」 left out of the scale, the dash's KPI rated by default", () => {
    const legend =
      "KPIの評価 A 十分に達成されている B 概ね達成されている C あまり達成されていない - 次年度以降の取組";
    const t: SourceTable = {
      ...table([
        ["重要業績評価指標(KPI)", "単位", "目標値(H31)", "H27実績", "KPIの評価"],
        ["創業支援事業による創業者数", "人", "150", "128", "A"],
        ["地域子育て支援拠点の利用者数", "人", "200,000", "―", "-"],
      ]),
      outside: [{ row: 5, text: legend }],
    };
    const s: Sheet = {
      ...sheet(2015, [
        kpi(2, "創業支援事業による創業者数", {
          actual: num(128, "人", 2015),
          evaluation: { category: "on_track", covid: false, label: "A" },
        }),
        kpi(3, "地域子育て支援拠点の利用者数", {
          actual: missing,
          evaluation: { category: "not_evaluable", covid: false, label: "-" },
        }),
      ]),
      scale: {
        bands: [
          band("A", "on_track", "十分に達成されている"),
          band("B", "mostly_on_track", "概ね達成されている"),
          band("C", "delayed", "あまり達成されていない"),
        ],
        basis: "ratio",
        source: "",
      },
    };
    expect(refusal(s, t, tableProfile([1]))).toContain("評価「-」(3行目)の説明がありますが");
    // The whole legend read: not refused.
    const whole: Sheet = {
      ...s,
      scale: {
        ...s.scale!,
        bands: [
          ...s.scale!.bands,
          { ...band("-", "delayed", "次年度以降の取組"), category: "not_evaluable" },
        ],
      },
    };
    expect(() => checkReading(whole, t, tableProfile([1]))).not.toThrow();
  });
});

describe("past wrong readings (exit 0) are refused, round 27", () => {
  it("round 27 ogaki-jisseki: 具体的な施策 and 施策 both read as the measure — the 施策 column's names lost", () => {
    const t = table([
      ["基本目標", "具体的な施策", "施策", "目標指標", "平成28年度実績値"],
      [
        "1 子育て日本一が実感できるまちの創生",
        "(1) 出産・子育ての切れ目ない支援",
        "① 子育て家庭への支援の充実",
        "a",
        "2,315",
      ],
    ]);
    const s = sheet(2016, [
      kpi(2, "子育て支援アプリの登録者数", {
        goal: { no: 1, title: "子育て日本一が実感できるまちの創生" },
        measure: { no: 1, title: "出産・子育ての切れ目ない支援" },
        actual: num(2315, "人", 2016),
      }),
    ]);
    const cols = (second: "measure" | "subgoal") =>
      tableProfile(
        [1],
        [
          { table: 1, col: 1, header: "基本目標", field: "goal", year: null },
          { table: 1, col: 2, header: "具体的な施策", field: second, year: null },
          { table: 1, col: 3, header: "施策", field: "measure", year: null },
        ],
      );
    expect(refusal(s, t, cols("measure"))).toContain("列「具体的な施策」と列「施策」");
    // The two nested (具体的な施策 the subgoal) pass.
    expect(() => checkReading(s, t, cols("subgoal"))).not.toThrow();
  });

  it("round 27 ogaki-jisseki: 「未発表」 (the figure not out yet) kept as the text actual beside figures", () => {
    const t = table([
      ["目標指標", "基準値(平成26年度)", "平成28年度目標値", "平成28年度実績値"],
      ["就職者数", "112", "128", "未発表"],
    ]);
    const s = sheet(2016, [
      kpi(2, "合同企業説明会を通じた市内企業への就職者数", {
        baseline: num(112, "人", 2014),
        target: num(128, "人", 2016),
        actual: text("未発表"),
      }),
      kpi(3, "創業者数", { actual: num(31, "人", 2016) }),
    ]);
    expect(refusal(s, t, tableProfile([1]))).toContain("実績値「未発表」");
    // A row of words only (設置 to reach, なし so far) is a state, and passes; so does 延伸 (a movement).
    s.kpis[0] = kpi(2, "総合人材バンク設置", {
      baseline: text("なし"),
      target: missing,
      actual: text("なし"),
    });
    s.kpis[0]!.finalTarget = text("設置");
    expect(() => checkReading(s, t, tableProfile([1]))).not.toThrow();
    s.kpis[0] = kpi(2, "健康寿命", { baseline: num(79.8, "歳", 2013), actual: text("延伸") });
    expect(() => checkReading(s, t, tableProfile([1]))).not.toThrow();
  });

  it("round 27 kakamigahara-tassei (with the 区分 rule in, before the 順調-denied rule): 「順調に推移していない」 read as on track", () => {
    const t = table([
      ["政策", "施策", "指標", "区分", "平成30年度", "達成状況"],
      ["1 子育て・教育", "(1) 子育て支援の充実", "a", "主観的指標", "60.2%", "順調に推移していない"],
    ]);
    const rating = (label: string) => ({ category: "on_track" as const, covid: false, label });
    const s = sheet(2018, [
      kpi(2, "子育て支援センターの利用者数", {
        actual: num(52634, "人", 2018),
        evaluation: rating("順調に推移している"),
      }),
      kpi(3, "子育てしやすいまちだと思う市民の割合", {
        actual: num(60.2, "%", 2018),
        evaluation: rating("順調に推移していない"),
      }),
    ]);
    expect(refusal(s, t, tableProfile([1]))).toContain("評価「順調に推移していない」は打ち消しの語で終わる");
    // Read as delayed, it passes; so does a label a printed legend gives that band (the city said so).
    s.kpis[1]!.evaluation = { category: "delayed", covid: false, label: "順調に推移していない" };
    expect(() => checkReading(s, t, tableProfile([1]))).not.toThrow();
    s.kpis[1]!.evaluation = rating("遅れていない");
    s.scale = {
      bands: [{ label: "遅れていない", meaning: "予定どおり", category: "on_track", min: null }],
      basis: "ratio",
      source: "遅れていない:予定どおり",
    };
    expect(() => checkReading(s, t, tableProfile([1]))).not.toThrow();
  });
});

describe("wrong readings (exit 0) are refused, round 26", () => {
  // mori-chosho's first reading was refused (「KPI(H31年度)」 over figures read as the indicator); once that column
  // was read as the target, and before the tally rule (rating-tally.ts), the 進捗状況割合 rows were read as KPIs
  // with exit 0 — the shape below. (akita-mirai's first reading was right.)
  it("round 26 mori-chosho (between rules): a row counting the ratings with their shares read as a KPI", () => {
    const t = table([
      ["数値目標項目", "基準値", "KPI(H31年度)", "実績値", "進捗状況"],
      ["町内創業件数", "過去5年間実績 6件", "11件", "0件", "遅れ"],
      ["進捗状況割合", "", "", "", "遅れ 33%\nその他 67%"],
    ]);
    const rating = (category: "delayed" | "not_evaluable", label: string) => ({
      category,
      covid: false,
      label,
    });
    const s = sheet(2016, [
      kpi(2, "町内創業件数", { actual: num(0, "件", 2016), evaluation: rating("delayed", "遅れ") }),
      kpi(3, "新規就農者数", { actual: num(0, "人", 2016), evaluation: rating("not_evaluable", "その他") }),
      kpi(4, "進捗状況割合", {
        actual: missing,
        evaluation: rating("not_evaluable", "遅れ 33%その他 67%"),
      }),
    ]);
    expect(refusal(s, t, tableProfile([1]))).toContain("指標「進捗状況割合」(4行目)は評価ごとの割合");
  });

  it("shares of words that are no rating of the table (男性 / 女性) are a KPI's value, not a tally", () => {
    const t = table([
      ["指標", "実績値(H28)", "評価"],
      ["a", "男性 40% 女性 60%", "遅れ"],
    ]);
    const s = sheet(2016, [
      kpi(2, "a", {
        actual: { kind: "text", text: "男性 40% 女性 60%", raw: "男性 40% 女性 60%" },
        evaluation: { category: "delayed", covid: false, label: "遅れ" },
      }),
      kpi(3, "b", {
        actual: num(1, "人", 2016),
        evaluation: { category: "delayed", covid: false, label: "遅れ" },
      }),
    ]);
    expect(() => checkReading(s, t, tableProfile([1]))).not.toThrow();
  });
});

describe("past wrong readings (exit 0) are refused, round 28", () => {
  it("round 28 koryo-kensho: the legend's 「B:策定時より改善している」 read as delayed", () => {
    const t = table([
      ["具体的な施策", "重要業績評価指標(KPI)", "R1年度", "評価"],
      ["①安全・安心なまちづくり", "自主防災組織の組織率", "86.0", "B"],
    ]);
    const s = sheet(2019, [
      kpi(2, "自主防災組織の組織率", { actual: num(86, "%", 2019), evaluation: rated("B", "delayed") }),
    ]);
    s.scale = {
      bands: [
        band("A", "on_track", "目標値を達成している"),
        band("B", "delayed", "策定時より改善している"),
        band("C", "delayed", "策定時と同水準である(±1%未満)"),
        band("D", "delayed", "策定時より悪化している"),
      ],
      basis: "ratio",
      source: "評価 A:目標値を達成している B:策定時より改善している …",
    };
    expect(refusal(s, t, tableProfile([1]))).toContain("遅れとして読みました");
    // The national form's third label says the target was missed: delayed, not refused.
    s.scale.bands[1] = band("B", "delayed", "KPIは目標値に達しなかったが、事業開始前より改善した");
    expect(() => checkReading(s, t, tableProfile([1]))).not.toThrow();
  });

  it("round 28 marugame-hyoka: the two-line target 「2,650<br>2,500」 kept as the text 「2,6502,500」", () => {
    const t = table([
      ["成果指標", "H30年度", "目標値(2025年度)"],
      ["製造品出荷額等", "2,602", "2,650<br>2,500"],
    ]);
    const s = sheet(2018, [
      kpi(2, "製造品出荷額等", { actual: num(2602, "億円", 2018), finalTarget: text("2,6502,500") }),
    ]);
    expect(refusal(s, t, tableProfile([1]))).toContain("数字が続いていて");
  });

  it("round 28 marugame-hyoka: 「B 計画をやや上回る」 read as mostly on track under 「C 計画どおり」", () => {
    const t = table([
      ["成果指標", "H30年度", "施策評価(2次評価)"],
      ["新規創業件数", "36", "C"],
    ]);
    const s = sheet(2018, [
      kpi(2, "新規創業件数", { actual: num(36, "件", 2018), evaluation: rated("C", "on_track") }),
    ]);
    s.scale = {
      bands: [
        band("A", "on_track", "計画を大きく上回る成果が出ている"),
        band("B", "mostly_on_track", "計画をやや上回る成果が出ている"),
        band("C", "on_track", "計画どおりの成果が出ている"),
        band("D", "delayed", "計画をやや下回る成果となっている"),
        band("E", "delayed", "計画を大きく下回る成果となっている"),
      ],
      basis: "ratio",
      source: "★評価基準 A 計画を大きく上回る成果が出ている …",
    };
    expect(refusal(s, t, tableProfile([1]))).toContain("良い順にも悪い順にも");
  });

  it("round 28 marugame-hyoka: the 施策's rating and 所管部 read for the first KPI under each heading only", () => {
    const t = table([
      ["成果指標", "H30年度", "施策評価(2次評価)", "所管部"],
      ["新規創業件数", "36", "C", "産業文化部"],
    ]);
    const under = (row: number, name: string, measure: { no: number; title: string }) =>
      kpi(row, name, { measure, actual: num(1, "件", 2018) });
    const m15 = { no: 15, title: "商工業の振興" };
    const m16 = { no: 16, title: "観光交流の推進" };
    const first = (row: number, name: string, measure: { no: number; title: string }, label: string) =>
      kpi(row, name, {
        measure,
        actual: num(1, "件", 2018),
        evaluation: rated(label, "on_track"),
        departments: ["産業文化部"],
      });
    const s = sheet(2018, [
      first(7, "新規創業件数", m15, "C"),
      under(8, "製造品出荷額等", m15),
      under(9, "企業誘致件数(累計)", m15),
      first(15, "観光客入込数", m16, "C"),
      under(16, "丸亀城天守入場者数", m16),
    ]);
    expect(refusal(s, t, tableProfile([1]))).toContain("見出しごとの最初の指標にだけ");
    // Each KPI rated (the rule carried the 施策's cells): passes.
    for (const k of s.kpis)
      Object.assign(k, { evaluation: rated("C", "on_track"), departments: ["産業文化部"] });
    expect(() => checkReading(s, t, tableProfile([1]))).not.toThrow();
  });
});
