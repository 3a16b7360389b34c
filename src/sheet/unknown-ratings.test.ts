// A rating column whose every label means nothing (round 25: oyabe-seika's 区分 当初 / 追加) is refused.
import { describe, expect, it } from "vitest";
import { importSheet } from "./import-sheet.ts";
import { kpi, sheet } from "./test-plausibility.ts";
import { meaninglessRatings } from "./unknown-ratings.ts";

const rated = (label: string, category: "not_evaluable" | "on_track" = "not_evaluable") => ({
  evaluation: { category, covid: false, label },
});

describe("ratings that mean nothing", () => {
  it("names the labels when every printed rating is unknown", () => {
    const s = sheet(2002, [
      kpi(2, "a", rated("当初")),
      kpi(3, "b", rated("追加")),
      kpi(4, "c", rated("当初")),
    ]);
    expect(meaninglessRatings(s)).toEqual(["当初", "追加"]);
  });
  it("says nothing when one rating is known, when a label says it cannot be judged, or for one KPI", () => {
    expect(
      meaninglessRatings(sheet(2002, [kpi(2, "a", rated("当初")), kpi(3, "b", rated("達成", "on_track"))])),
    ).toBeNull();
    expect(
      meaninglessRatings(sheet(2002, [kpi(2, "a", rated("評価不能")), kpi(3, "b", rated("評価不能"))])),
    ).toBeNull();
    expect(meaninglessRatings(sheet(2002, [kpi(2, "a", rated("当初"))]))).toBeNull();
  });
  it("refuses such a table at import (exit 2), naming the column", async () => {
    const md = [
      "KPI一覧(令和4年度)",
      "",
      "| 指標 | 実績値(R4) | 目標値(R4) | 種別 |",
      "| --- | --- | --- | --- |",
      "| 移住者数 | 30人 | 25人 | 重点 |",
      "| 創業件数 | 3件 | 5件 | 一般 |",
    ].join("\n");
    // (種別 is no rating name: read as an extra, the table reads.)
    const ok = await importSheet(new TextEncoder().encode(md), "sheet.md");
    expect(ok.ok).toBe(true);
    const r = await importSheet(new TextEncoder().encode(md.replace("種別", "評価")), "sheet.md");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toContain("列「評価」の「重点」「一般」");
  });
});
