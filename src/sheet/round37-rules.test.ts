import { describe, expect, it } from "vitest";
import type { Category, Kpi, Sheet } from "../core/sheet.ts";
import { parseValue } from "../core/value/parse-value.ts";
import { recogniseHeader } from "./column-fields.ts";
import { categoryOf } from "./legend-categories.ts";
import { projectNames } from "./project-bullets.ts";
import { readOrdinal } from "./read-ordinal.ts";
import { round37Refusal } from "./round37-guards.ts";

describe("round 37 rules", () => {
  it("百万 before the unit is a million (「312百万円」: a 単位 column's 百万円 joined to a bare figure)", () => {
    const r = parseValue("312百万円", { year: 2024, basis: "fiscal" });
    expect(r.ok && r.value.kind === "number" ? [r.value.value, r.value.unit] : r).toEqual([312000000, "円"]);
    const m = parseValue("1.5百万人", { year: 2024, basis: "fiscal" });
    expect(m.ok && m.value.kind === "number" ? m.value.value : m).toBe(1500000);
  });

  it("an aside naming a kind of indicator does not decide the band (◎ 目標値を達成(…指標は基準値を上回ったもの))", () => {
    expect(categoryOf("◎", "目標値を達成(「基準値より増加」を目標とする指標は基準値を上回ったもの)")).toBe(
      "on_track",
    );
    // Without such an aside, 基準値を上回 is still the step under on track.
    expect(categoryOf("B", "基準値を上回ったが目標値に届かない")).toBe("mostly_on_track");
  });

  it("「横断的目標 …」: the cross-cutting level's kind word is no part of its name", () => {
    expect(readOrdinal("横断的目標 デジタル実装の基礎条件整備")).toEqual({
      no: 0,
      title: "デジタル実装の基礎条件整備",
    });
    expect(readOrdinal("横断的な視点 多様な人材の活躍")).toEqual({ no: 0, title: "多様な人材の活躍" });
    expect(readOrdinal("横断的に取り組む課題")).toEqual({ no: 0, title: "横断的に取り組む課題" });
  });

  it("「重点項目」 is the plan's top level", () => {
    expect(recogniseHeader("重点項目").field).toBe("goal");
  });

  it("bullets of projects split at 「・」 after a project's name, not inside one", () => {
    expect(projectNames("・児童対策費・出生率向上対策")).toEqual(["児童対策費", "出生率向上対策"]);
    expect(projectNames("・妊婦・乳児健康診査(医療機関委託)")).toEqual(["妊婦・乳児健康診査(医療機関委託)"]);
    expect(projectNames("・韓国交流事業\n・日本で最も美しい村連合参加事業")).toEqual([
      "韓国交流事業",
      "日本で最も美しい村連合参加事業",
    ]);
    expect(projectNames("子育て・教育支援事業")).toEqual(["子育て・教育支援事業"]);
  });
});

describe("round 37 guards", () => {
  const name = (k: Kpi) => `指標「${k.indicator}」`;
  const none = { no: 0, title: "" };
  const kpi = (over: Partial<Kpi>): Kpi =>
    ({ row: 1, goal: none, subgoal: none, measure: none, indicator: "寄附額", ...over }) as Kpi;
  const sheet = (kpis: Kpi[], bands: [string, Category][] = []): Sheet =>
    ({
      kpis,
      scale: {
        bands: bands.map(([label, category]) => ({ label, category, min: null, meaning: "" })),
        source: bands.map(([label]) => `${label}:…`).join(" "),
      },
    }) as unknown as Sheet;

  it("refuses a scaled figure kept as words", () => {
    expect(round37Refusal(sheet([kpi({ baseline: { kind: "text", text: "312百万円" } })]), name)).toMatch(
      /312百万円/,
    );
    expect(
      round37Refusal(sheet([kpi({ finalTarget: { kind: "text", text: "基準値より増加" } })]), name),
    ).toBeNull();
  });

  it("refuses a legend whose top band is read below the next, the rest best first", () => {
    const mixed: [string, Category][] = [
      ["◎", "mostly_on_track"],
      ["○", "on_track"],
      ["△", "delayed"],
    ];
    expect(round37Refusal(sheet([kpi({})], mixed), name)).toMatch(/「◎」が次の「○」/);
    const twoLegends: [string, Category][] = [
      ["A", "on_track"],
      ["C", "delayed"],
      ["◎", "on_track"],
      ["△", "delayed"],
    ];
    expect(round37Refusal(sheet([kpi({})], twoLegends), name)).toBeNull();
  });

  it("refuses a level title that begins with its kind word", () => {
    const goal = { no: 0, title: "横断的目標 デジタル実装の基礎条件整備" };
    expect(round37Refusal(sheet([kpi({ goal })]), name)).toMatch(/階層の種類の語/);
  });
});
