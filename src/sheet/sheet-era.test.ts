// The era a sheet's bare years (「27年度」) are counted in: the era of a fiscal year it names, before
// the era of a date (when it was written), before a Gregorian year's, before the profile's.
import { describe, expect, it } from "vitest";
import { SheetTexts } from "./general-roles.ts";

describe("SheetTexts.era", () => {
  it("takes a named fiscal year's era over a date's, wherever each is", () => {
    expect(new SheetTexts(["令和元年8月 作成", "平成30年度 事務事業評価"]).era()).toBe("平成");
    const texts = new SheetTexts(["令和5年3月"]);
    expect(texts.era()).toBe("令和");
    texts.add("平成27年度 効果検証");
    expect(texts.era()).toBe("平成");
  });

  it("reads 元年度 as naming its era", () => {
    expect(new SheetTexts(["平成31年3月", "令和元年度 効果検証"]).era()).toBe("令和");
  });

  it("falls back to a date's era, a Gregorian year's, the profile's, or none", () => {
    expect(new SheetTexts(["令和5年3月31日現在"]).era()).toBe("令和");
    expect(new SheetTexts(["2015年度 事務事業評価"]).era()).toBe("平成");
    expect(new SheetTexts(["事務事業評価"], 2021).era()).toBe("令和");
    expect(new SheetTexts(["事務事業評価"]).era()).toBe("");
  });
});
