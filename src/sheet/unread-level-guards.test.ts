// The last guard (reading-plausibility.ts, rating-plausibility.ts) on round 30's first reading, as it came out
// (tochigi-senryaku, wrong with exit 0 in both forms): each shape must be refused, the right reading not.
import { describe, expect, it } from "vitest";
import type { Sheet } from "../core/sheet.ts";
import { checkReading } from "./reading-plausibility.ts";
import { band, kpi, refusal, sheet, table, tableProfile } from "./test-plausibility.ts";

describe("wrong readings (exit 0) are refused, round 30", () => {
  const header = ["基本目標", "戦略", "重要業績評価指標(KPI)", "H29目標値", "H29実績値", "進捗状況"];
  const goal = { no: 1, title: "とちぎに安定したしごとをつくる" };
  const strategy = (text: string) => ({ extras: [{ header: "戦略", text }] });

  it("round 30 tochigi-senryaku: 戦略 (「3 成長産業へ…」, printed once over its KPIs) kept as is, the measure empty", () => {
    const t = table([
      header,
      ["1 とちぎに安定したしごとをつくる", "3 成長産業へ進化する農業の確立", "a", "1", "1", "x"],
    ]);
    const s = sheet(2017, [
      kpi(2, "農産物輸出額", { goal, ...strategy("3 成長産業へ進化する農業の確立") }),
      kpi(3, "林業産出額", { goal }),
      kpi(4, "開業率", { goal, ...strategy("4 新たな産業の創出と起業の促進") }),
      kpi(5, "職業紹介による女性就職率", { goal, ...strategy("5 多様な人材の就労促進") }),
    ]);
    expect(refusal(s, t, tableProfile([1]))).toContain("列「戦略」は番号つきの題名");
    // Read as the level: not refused.
    const placed = sheet(
      2017,
      s.kpis.map((k) => ({ ...k, extras: [], measure: { no: 3, title: "成長産業へ進化する農業の確立" } })),
    );
    expect(() => checkReading(placed, t, tableProfile([1]))).not.toThrow();
    // Numbers that do not rise down the table (a 方向性 「1 継続」 「1 継続」 「2 拡充」) are no level.
    const choices = sheet(2017, [
      kpi(2, "a", strategy("1 事業の継続実施")),
      kpi(3, "b", strategy("1 事業の継続実施")),
      kpi(4, "c", strategy("2 事業の拡充実施")),
    ]);
    expect(() => checkReading(choices, t, tableProfile([1]))).not.toThrow();
  });

  it("round 30 tochigi-senryaku: the legend's やや遅れている (80%以上90%未満) read as mostly on track beside おおむね順調", () => {
    const t = table([header, ["1 a", "3 b", "開業率", "5.0", "4.3", "やや遅れている"]]);
    const s: Sheet = {
      ...sheet(2017, [
        kpi(2, "開業率", {
          evaluation: { category: "mostly_on_track", covid: false, label: "やや遅れている" },
        }),
      ]),
      scale: {
        bands: [
          band("おおむね順調", "mostly_on_track", "達成率90%以上", 0.9),
          band("やや遅れている", "mostly_on_track", "達成率80%以上90%未満", 0.8),
          band("遅れている", "delayed", "達成率80%未満", null),
        ],
        basis: "ratio",
        source: "",
      },
    };
    expect(refusal(s, t, tableProfile([1]))).toContain("評価「やや遅れている」は遅れを表す語");
    // The band read behind: not refused; nor やや遅れ as the second step of a scale without 「おおむね」.
    const right: Sheet = {
      ...s,
      kpis: s.kpis.map((k) => ({ ...k, evaluation: { ...k.evaluation, category: "delayed" as const } })),
      scale: {
        ...s.scale!,
        bands: s.scale!.bands.map((b) =>
          b.label === "やや遅れている" ? { ...b, category: "delayed" as const } : b,
        ),
      },
    };
    expect(() => checkReading(right, t, tableProfile([1]))).not.toThrow();
    const noMostly: Sheet = {
      ...s,
      scale: { ...s.scale!, bands: s.scale!.bands.filter((b) => b.label !== "おおむね順調") },
    };
    expect(() => checkReading(noMostly, t, tableProfile([1]))).not.toThrow();
  });
});

describe("round 30's level guard leaves figures alone", () => {
  it("a column of amounts (「6,480,000」) kept as is is no numbered title", () => {
    const t = table([
      ["指標", "実績額 単位:円", "実績値"],
      ["a", "6,480,000", "1"],
    ]);
    const s = sheet(2016, [
      kpi(2, "a", { extras: [{ header: "実績額 単位:円", text: "6,480,000" }] }),
      kpi(3, "b", { extras: [{ header: "実績額 単位:円", text: "7,120,000" }] }),
      kpi(4, "c"),
    ]);
    expect(() => checkReading(s, t, tableProfile([1]))).not.toThrow();
  });
});
