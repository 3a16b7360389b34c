import { describe, expect, it } from "vitest";
import { targetAfterName } from "./target-in-name.ts";

describe("a target glued after the KPI's name", () => {
  it("splits the name from the figure with a counter's unit", () => {
    expect(targetAfterName("空き家バンク登録件数10件")).toEqual({
      name: "空き家バンク登録件数",
      figure: "10件",
    });
    expect(targetAfterName("移住体験住宅利用者数20人")).toEqual({
      name: "移住体験住宅利用者数",
      figure: "20人",
    });
    expect(targetAfterName("観光入込客数 1,200千人")).toEqual({ name: "観光入込客数", figure: "1,200千人" });
  });

  it("leaves names ending in words, or in a figure of their own, as they are", () => {
    expect(targetAfterName("空き家バンク登録件数")).toBeNull();
    expect(targetAfterName("第3子以降の出生数")).toBeNull();
    expect(targetAfterName("高齢者(65歳以上)")).toBeNull();
    expect(targetAfterName("年間10件")).toBeNull();
    expect(targetAfterName("10件")).toBeNull();
  });
});
