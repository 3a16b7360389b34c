import { describe, expect, it } from "vitest";
import { directionOf, inferDirection } from "./direction.ts";
import { DEFAULT_RULES, parseRules } from "./rules.ts";

describe("inferDirection", () => {
  it.each([
    ["交通事故発生件数", "decrease", "事故"],
    ["火災発生件数", "decrease", "火災"],
    ["刑法犯認知件数", "decrease", "刑法犯"],
    ["保育施設待機児童数", "decrease", "待機児童"],
    ["不登校児童生徒数", "decrease", "不登校"],
    ["空き家数", "decrease", "空き家"],
    ["交通事故死傷者数", "decrease", "事故"],
  ])("%s counts harm: %s", (name, dir, keyword) => {
    const d = inferDirection(name);
    expect(d).toMatchObject({ direction: dir, inferred: true, source: "inferred_harm", keyword });
  });

  it.each([
    ["危険空き家除却件数", "除却"],
    ["待機児童解消のための保育定員数", "解消"],
    ["二酸化炭素排出量の削減量", "削減"],
    ["空き家バンク登録件数", "登録"],
    ["交通事故防止講習の参加者数", "防止"],
  ])("%s counts action against harm: increases", (name, keyword) => {
    expect(inferDirection(name)).toMatchObject({ direction: "increase", source: "inferred_harm", keyword });
  });

  it.each(["製造品出荷額等", "防犯灯設置数", "健康寿命", "放課後児童クラブ数", "特定健康診査実施率"])(
    "%s increases by default",
    (name) => {
      expect(inferDirection(name)).toMatchObject({ direction: "increase", source: "inferred_default" });
    },
  );
});

describe("directionOf", () => {
  it("prefers the rules by row, then by indicator, and marks them as not inferred", () => {
    const rules = parseRules({
      directions: { byRow: { "2": "maintain" }, byIndicator: { 交通事故発生件数: "increase" } },
    });
    expect(directionOf({ row: 2, indicator: "交通事故発生件数" }, rules)).toMatchObject({
      direction: "maintain",
      inferred: false,
      source: "rules_row",
    });
    expect(directionOf({ row: 3, indicator: "交通事故発生件数" }, rules)).toMatchObject({
      direction: "increase",
      source: "rules_indicator",
    });
    expect(directionOf({ row: 3, indicator: "交通事故発生件数" }, DEFAULT_RULES).direction).toBe("decrease");
  });
});
