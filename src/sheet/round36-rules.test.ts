// Round 36's general rules and guards (fixtures/layouts/README.md), each on a small case of its own.
import { describe, expect, it } from "vitest";
import { isSectionHeading, unitColumn } from "./card-sections.ts";
import { recogniseHeader } from "./column-fields.ts";
import { readList } from "./general-values.ts";
import { importSheet } from "./index.ts";
import { categoryOf } from "./legend-categories.ts";
import { readLegend } from "./read-legend.ts";
import { readOrdinal } from "./read-ordinal.ts";
import { checkReading } from "./reading-plausibility.ts";
import { band, kpi, missing, num, rated, refusal, sheet, table, tableProfile } from "./test-plausibility.ts";
import { joinTitleLines } from "./text-lines.ts";

const bytes = (lines: string[]) => new TextEncoder().encode(lines.join("\n"));
const TSUYAMA =
  "進捗状況 目標数値を達成:R4実績値が目標値に達している 順調に推移:策定時の値から改善し、目標値に向かっている 取組強化・改善が必要:策定時の値を下回っている、又は横ばい";
const NARUTO =
  "③成果に対する評価 A:目標を達成できた。(達成率100%以上) B:概ね目標を達成できた。(達成率80%以上) C:あまり目標を達成出来なかった。(達成率60%以上) D:目標を達成出来なかった。(達成率60%未満)";

describe("round 36: a legend's label joined by 「・」 is read whole", () => {
  it("reads 「取組強化・改善が必要」 as one label beside the shorter word labels", () => {
    const s = readLegend([TSUYAMA], new Set(["目標数値を達成", "順調に推移", "取組強化・改善が必要"]));
    expect(s?.bands.map((b) => `${b.label} ${b.category}`)).toEqual([
      "目標数値を達成 on_track",
      "順調に推移 mostly_on_track",
      "取組強化・改善が必要 delayed",
    ]);
  });
  it("leaves a legend of letters as it was (no label needs reading whole)", () => {
    const s = readLegend(["A:達成 B:概ね達成 C:未達成"], new Set(["A", "B", "C"]));
    expect(s?.bands.map((b) => b.label)).toEqual(["A", "B", "C"]);
  });
});

describe("round 36: 「達成出来なかった」 and the step under a band the words call mostly on track", () => {
  it("reads 出来 as でき: the target denied", () => {
    expect(categoryOf("D", "目標を達成出来なかった。")).not.toBe("on_track");
  });
  it("reads a lower threshold under 「概ね目標を達成できた(80%以上)」 as delayed", () => {
    const s = readLegend([NARUTO], new Set(["A", "B"]));
    expect(s?.bands.map((b) => `${b.label} ${b.category} ${b.min ?? ""}`.trim())).toEqual([
      "A on_track 1",
      "B mostly_on_track 0.8",
      "C delayed 0.6",
      "D delayed",
    ]);
  });
});

describe("round 36: a title wrapped on its space keeps the space", () => {
  it("joins 「まち<br> なると」 with a space, other wraps without one", () => {
    expect(joinTitleLines("1 安心して暮らせるまち<br> なると")).toBe("1 安心して暮らせるまち なると");
    expect(joinTitleLines("01 災害に負けないまち<br>づくりの推進")).toBe("01 災害に負けないまちづくりの推進");
    expect(readOrdinal("1 安心して暮らせるまち<br> なると")).toEqual({
      no: 1,
      title: "安心して暮らせるまち なると",
    });
  });
});

describe("round 36: a department wrapped under the office above it", () => {
  it("joins a 部 / 局 line with the 課 under it, keeps two 課 apart", () => {
    expect(readList("企画総務部危機管理局<br>危機管理課")).toEqual(["企画総務部危機管理局危機管理課"]);
    expect(readList("商工振興課<br>観光課")).toEqual(["商工振興課", "観光課"]);
  });
});

describe("round 36: a card in PDCA sections, a 基本政策(大項目), the 単位 after the years", () => {
  it("knows 基本政策 as the broadest level", () => {
    expect(recogniseHeader("基本政策(大項目)").field).toBe("goal");
    expect(recogniseHeader("政策(中項目)").field).toBe("goal");
  });
  it("takes a marked section's heading alone on its row for no key", () => {
    expect(isSectionHeading(["◎評価(CHECK)"])).toBe(true);
    expect(isSectionHeading(["◎実施結果(DO)"])).toBe(true);
    expect(isSectionHeading(["成果に対する評価"])).toBe(false);
    expect(isSectionHeading(["◎評価(CHECK)", "A"])).toBe(false);
  });
  it("finds the 単位 column after the years", () => {
    expect(
      unitColumn(["成果指標", "指標名", "区分", "", "", "単位"], ["", "", "目標", "10", "12", "回"]),
    ).toBe(5);
    expect(unitColumn(["成果指標", "指標名", "区分", "", "", "単位"], ["", "", "目標", "作成", "", ""])).toBe(
      -1,
    );
  });
  it("reads the card: levels, the grids' 目標 / 実績, the unit, 成果に対する評価 over 総合的な評価", async () => {
    const r = await importSheet(
      bytes([
        "平成26年度事務事業評価シート",
        "",
        "| ◎基本情報 | | | | | | |",
        "|---|---|---|---|---|---|---|",
        "| 事務事業名 | 自主防災組織育成事業 | | | 担当部署 | 危機管理課 | |",
        "| 総合計画体系 | 基本政策(大項目) | 3 安心・快適なまちづくり | | | | |",
        "| | 政策(中項目) | 1 安心して暮らせるまち | | | | |",
        "| | 施策(小項目) | 01 災害に負けないまちづくり | | | | |",
        "| ◎事業概要(PLAN) | | | | | | |",
        "| 成果指標 | 指標名 | 区分 | 24年度 | 25年度 | 26年度 | 単位 |",
        "| 事業目標の達成度合 | 自主防災組織の結成率 | 目標 | 80.0 | 82.0 | 84.0 | % |",
        "| | | 実績 | 79.1 | 80.4 | | % |",
        "| ◎評価(CHECK) | | | | | | |",
        "| 成果に対する評価 | B | | | | | |",
        "| 総合的な評価 | C | | | | | |",
        "",
        NARUTO,
      ]),
      "card.md",
    );
    if (!r.ok) throw new Error(r.error.message);
    const k = r.sheet.kpis[0]!;
    expect(r.sheet.fiscalYear).toBe(2013);
    expect([k.goal, k.subgoal, k.measure]).toEqual([
      { no: 3, title: "安心・快適なまちづくり" },
      { no: 1, title: "安心して暮らせるまち" },
      { no: 1, title: "災害に負けないまちづくり" },
    ]);
    expect(k.unit).toBe("%");
    expect(k.actual).toMatchObject({ kind: "number", value: 80.4, unit: "%" });
    expect(k.evaluation).toMatchObject({ label: "B", category: "mostly_on_track" });
  });
});

describe("round 36 guards: wrong readings (exit 0) are refused", () => {
  it("a legend's long label missing from the scale, printed with a colon (tsuyama-kpi)", () => {
    const t = table([
      ["重要業績評価指標(KPI)", "R4実績値", "進捗状況"],
      ["サテライトオフィスを利用する県外の企業数", "4社", "取組強化・改善が必要"],
    ]);
    const s = sheet(2022, [
      kpi(2, "サテライトオフィスを利用する県外の企業数", {
        actual: num(4, "社", 2022),
        evaluation: { category: "not_evaluable", covid: false, label: "取組強化・改善が必要" },
      }),
    ]);
    t.outside = [{ row: 4, text: TSUYAMA }];
    s.scale = {
      bands: [
        band("目標数値を達成", "on_track", "R4実績値が目標値に達している"),
        band("順調に推移", "mostly_on_track", "策定時の値から改善し、目標値に向かっている"),
        band("改善が必要", "delayed", "策定時の値を下回っている、又は横ばい"),
      ],
      basis: "progress_from_baseline",
      source: TSUYAMA,
    };
    expect(refusal(s, t, tableProfile([2]))).toContain("取組強化・改善が必要」(2行目)");
  });
  it("a card's rating key kept as an extra while the KPI has none (naruto-jimu, 「◎評価(CHECK)」 taken for a key)", () => {
    const t = table([["成果に対する評価", "A"]]);
    const s = sheet(2013, [
      kpi(2, "ハザードマップ作成協議・説明", {
        target: num(10, "回", 2013),
        actual: num(14, "回", 2013),
        evaluation: { category: "not_evaluable", covid: false },
        extras: [{ header: "成果に対する評価", text: "A" }],
      }),
    ]);
    expect(refusal(s, t)).toContain("「成果に対する評価」に評価「A」");
    // A 区分 kept as an extra (a kind, not a rating) stands.
    s.kpis[0]!.extras = [{ header: "区分", text: "当初" }];
    expect(() => checkReading(s, t)).not.toThrow();
  });
  it("a level ranked 大項目 whose numbered name is no KPI's level (naruto-jimu, 基本政策 unknown)", () => {
    const t = table([
      ["総合計画体系", "基本政策(大項目)", "3 しっかり安心・快適住み良いまちづくり"],
      ["", "政策(中項目)", "1 安心して暮らせるまち"],
    ]);
    const s = sheet(2013, [
      kpi(2, "自主防災組織の結成率", {
        goal: { no: 1, title: "安心して暮らせるまち" },
        target: num(82, "%", 2013),
        actual: num(80.4, "%", 2013),
        finalTarget: missing,
      }),
    ]);
    expect(refusal(s, t)).toContain("「基本政策(大項目)」");
    s.kpis[0]!.goal = { no: 3, title: "しっかり安心・快適住み良いまちづくり" };
    s.kpis[0]!.subgoal = { no: 1, title: "安心して暮らせるまち" };
    expect(() => checkReading(s, t)).not.toThrow();
  });
  it("a band that fell short read as mostly on track under a 「概ね」 band (naruto-jimu)", () => {
    const t = table([
      ["指標", "実績"],
      ["自主防災組織の結成率", "80.4"],
    ]);
    const s = sheet(2013, [
      kpi(2, "自主防災組織の結成率", {
        actual: num(80.4, "%", 2013),
        evaluation: rated("B", "mostly_on_track"),
      }),
    ]);
    s.scale = {
      bands: [
        band("A", "on_track", "目標を達成できた。(達成率100%以上)", 1),
        band("B", "mostly_on_track", "概ね目標を達成できた。(達成率80%以上)", 0.8),
        band("C", "mostly_on_track", "あまり目標を達成出来なかった。(達成率60%以上)", 0.6),
        band("D", "delayed", "目標を達成出来なかった。(達成率60%未満)"),
      ],
      basis: "ratio",
      source: NARUTO,
    };
    expect(refusal(s, t)).toContain("目標に届かなかった段階");
    s.scale.bands[2] = band("C", "delayed", "あまり目標を達成出来なかった。(達成率60%以上)", 0.6);
    expect(() => checkReading(s, t)).not.toThrow();
  });
});
