import { describe, expect, it } from "vitest";
import type { Kpi } from "../sheet.ts";
import { containsAllWords, kpiMatchesSearch, kpiSearchText, searchWords } from "./search.ts";

const kpi = (indicator: string, status: string | null = null): Kpi => ({
  row: 1,
  goal: { no: 1, title: "結婚・出産・子育ての希望をかなえる" },
  subgoal: { no: 1, title: "妊娠・出産の支援" },
  measure: { no: 1, title: "母子保健" },
  initiatives: [],
  status,
  indicator,
  target: { kind: "missing" },
  actual: { kind: "missing" },
  finalTarget: { kind: "missing" },
  evaluation: { category: "not_evaluable", covid: false },
  reason: null,
  challenge: null,
  nextSteps: null,
  departments: ["こども課"],
});

describe("the one search rule", () => {
  it("splits on half- and full-width spaces and normalises the words (NFKC, lower case)", () => {
    expect(searchWords(" 出生\u3000子育て  ＤＸ ")).toEqual(["出生", "子育て", "dx"]);
    expect(searchWords("   ")).toEqual([]);
  });

  it("every word must match, anywhere in the KPI's fields", () => {
    const both = kpi("出生数", "子育て支援センターの利用");
    const one = kpi("出生数");
    expect(kpiMatchesSearch(both, "出生 子育て支援")).toBe(true);
    expect(kpiMatchesSearch(one, "出生 子育て支援")).toBe(false);
    expect(kpiMatchesSearch(one, "")).toBe(true);
  });

  it("normalises the stored text too: half-width kana and full-width letters match", () => {
    expect(containsAllWords("ｶﾞｲﾄﾞﾌﾞｯｸ ＤＸ", searchWords("ガイド dx"))).toBe(true);
    expect(kpiSearchText(kpi("ＡＢＣ"))).toContain("abc");
  });

  it("no word spans two fields", () => {
    expect(kpiMatchesSearch(kpi("出生数", "子育て"), "出生数子育て")).toBe(false);
  });
});
