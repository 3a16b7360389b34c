// A card whose title names fiscal years of two eras (round 25: mizunami-shisaku): bare grid years in the era of
// the year named with 実績; actuals after every year the sheet names are refused (the era read wrong).
import { describe, expect, it } from "vitest";
import { eraOfActuals, latestNamedYear } from "./actuals-era.ts";
import { SheetTexts } from "./general-roles.ts";

describe("the era of a sheet's actuals", () => {
  it.each([
    ["令和元年度 施策評価調書(平成30年度実績)", "平成"],
    ["平成30年度の実績", "平成"],
    ["令和4年度実績 報告", "令和"],
    ["令和元年度 施策評価調書", null],
  ])("「%s」 → %s", (t, era) => expect(eraOfActuals(t)).toBe(era));

  it("counts bare years in the era of the actuals' year, before the first year named", () => {
    expect(new SheetTexts(["令和元年度 施策評価調書(平成30年度実績)"]).era()).toBe("平成");
    expect(new SheetTexts(["令和元年度 施策評価調書"]).era()).toBe("令和");
  });

  it("finds the latest year a sheet's lines name", () => {
    expect(latestNamedYear(["令和元年度 施策評価調書(平成30年度実績)", "令和5年度目標値"])).toBe(2023);
    expect(latestNamedYear(["施策評価調書"])).toBeNull();
  });
});
