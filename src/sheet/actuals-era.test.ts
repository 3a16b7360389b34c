// A card whose title names fiscal years of two eras (round 25: mizunami-shisaku): bare grid years in the era of
// the year named with 実績 (read in the first era named, 令和30年度 = 2048: refused as an actual in the future).
import { describe, expect, it } from "vitest";
import { eraOfActuals } from "./actuals-era.ts";
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
});
