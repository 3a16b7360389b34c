// 小矢部市's 成果指標達成状況 (round 25: oyabe-seika): 「5ヵ年目標」 counts from the bare year before the 実績 years
// (then the baseline), 区分 over 当初 / 追加 is no rating, 「なし」 in a row of figures is no figure.
import { describe, expect, it } from "vitest";
import type { Value } from "../core/sheet.ts";
import { importSheet } from "./import-sheet.ts";
import { SPAN_TARGET } from "./plan-span.ts";

const v = (x: Value | undefined) =>
  !x
    ? "absent"
    : x.kind === "number"
      ? `${x.value} ${x.unit ?? ""} @${x.period.year}`
      : x.kind === "text"
        ? `text:${x.text}`
        : x.kind;
const read = async (lines: string[]) => importSheet(new TextEncoder().encode(lines.join("\n")), "sheet.md");

const HEAD = "| 成果指標 | 区分 | 平成12年 | 平成13年実績 | 平成14年実績 | 5ヵ年目標 |";
describe("a target a span of years on", () => {
  it.each([
    ["5ヵ年目標", true],
    ["5か年目標値", true],
    ["10箇年の目標", true],
    ["5年間目標", true],
    ["目標(5年後)", false],
    ["R5目標", false],
  ])("「%s」 is a span target: %s", (h, yes) => expect(SPAN_TARGET.test(h)).toBe(yes));

  it("dates it from the bare year before the 実績 years, which is the baseline; 区分 当初 / 追加 is no rating", async () => {
    const r = await read([
      "総合計画成果指標 2 成果指標達成状況",
      "",
      HEAD,
      "| --- | --- | --- | --- | --- | --- |",
      "| 図書館入館者数 | 当初 | 102,521人 | 105,757人 | 117,857人 | 105,000人 |",
      "| 成人のスポーツ実施率 | 追加 | 37% | 40% | なし | 44% |",
      "| 総合人材バンク設置 | 当初 | なし | なし | なし | 設置 |",
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.fiscalYear).toBe(2002);
    expect(
      r.sheet.kpis.map((k) => [v(k.baseline), v(k.actual), v(k.finalTarget), k.evaluation.printed]),
    ).toEqual([
      ["102521 人 @2000", "117857 人 @2002", "105000 人 @2005", false],
      ["37 % @2000", "missing", "44 % @2005", false],
      ["text:なし", "text:なし", "text:設置", false],
    ]);
    expect(r.report.issues.some((i) => i.column === "区分" && i.after === "その他")).toBe(true);
  });

  it("refuses a span target with no year to count from (no bare year before the actuals)", async () => {
    const r = await read([
      "総合計画成果指標 2 成果指標達成状況",
      "",
      "| 成果指標 | 平成13年実績 | 平成14年実績 | 5ヵ年目標 |",
      "| --- | --- | --- | --- |",
      "| 図書館入館者数 | 105,757人 | 117,857人 | 105,000人 |",
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toContain("列「5ヵ年目標」");
  });

  it("keeps 区分 the rating when it holds ratings (A / B)", async () => {
    const r = await read([
      "進捗状況(令和4年度)",
      "",
      "| 指標 | 実績値(R4) | 目標値(R4) | 区分 |",
      "| --- | --- | --- | --- |",
      "| 移住者数 | 30人 | 25人 | A |",
      "| 創業件数 | 3件 | 5件 | B |",
      "",
      "区分 A:達成 B:未達成",
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.kpis.map((k) => k.evaluation.label)).toEqual(["A", "B"]);
  });
});
