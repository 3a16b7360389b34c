import { describe, expect, it } from "vitest";
import type { TextRun } from "./page-content.ts";
import type { PageLine } from "./page-table.ts";
import { joinWrappedLines } from "./wrapped-lines.ts";

/** A free line of `text` at (x, y), 10 pt characters. */
function line(text: string, x: number, y: number): PageLine {
  const runs: TextRun[] = [{ text, x, y, width: 10 * text.length, size: 10 }];
  return { kind: "line", y, text, box: { x0: x, y0: y, x1: x + 10 * text.length, y1: y + 10 }, runs };
}

describe("joinWrappedLines", () => {
  it("joins a paragraph wrapped at the edge two free lines end at", () => {
    const items = [
      line("「事業効果」1:効果的2:相当程度3:下", 10, 100),
      line("回った4:なし", 10, 114),
      line("出典の形式:市の報告をもとに作成したもの", 10, 140),
      line("です", 10, 154),
    ];
    expect(joinWrappedLines(items).map((l) => (l as PageLine).text)).toEqual([
      "「事業効果」1:効果的2:相当程度3:下回った4:なし",
      "出典の形式:市の報告をもとに作成したものです",
    ]);
  });

  it("joins paragraphs whose wrapped lines end up to a character short of each other (the next did not fit)", () => {
    // Round 43: the legend ends at the edge, the note a character (less a little) short of it.
    const legend = line("数値目標評価 S(目標値を超えている)・C(基準値よ", 10, 100);
    const note = line("出典の形式:町の概要をもとに作成した表の形、数", 10, 140);
    note.box.x1 = legend.box.x1 - 6;
    const items = [legend, line("り下落している)", 10, 114), note, line("値は架空", 10, 154)];
    expect(joinWrappedLines(items).map((l) => (l as PageLine).text)).toEqual([
      "数値目標評価 S(目標値を超えている)・C(基準値より下落している)",
      "出典の形式:町の概要をもとに作成した表の形、数値は架空",
    ]);
  });

  it("keeps apart lines that ended short, and lines under a title no other line is as wide as", () => {
    // Two short lines of one length beside a wider table end at no edge of the page's text.
    const cell = { x0: 10, y0: 10, x1: 400, y1: 20 };
    const table = { kind: "row", y: 10, cells: ["x"], boxes: [cell] };
    expect(joinWrappedLines([table, line("A:順調", 10, 100), line("B:遅れ", 10, 114)])).toHaveLength(3);
    const title = [line("まち・ひと・しごと創生総合戦略の検証", 10, 100), line("基本目標1", 10, 114)];
    expect(joinWrappedLines(title)).toHaveLength(2);
  });

  it("joins a legend wrapped once where the table ends, at Word's pitch (1.67 of the text size)", () => {
    // Word sets the table to the page's width: its legend paragraph wraps at the table's right edge.
    const legend = line("凡例 A:目標を達成した B:目標の8割以上", 10, 100);
    const table = {
      kind: "row",
      y: 10,
      cells: ["x"],
      boxes: [{ x0: 10, y0: 10, x1: legend.box.x1, y1: 20 }],
    };
    const items = [table, legend, line("を達成した", 10, 116.7)];
    expect(joinWrappedLines(items).map((l) => (l as PageLine).text ?? "row")).toEqual([
      "row",
      "凡例 A:目標を達成した B:目標の8割以上を達成した",
    ]);
  });

  it("takes the table's edge from its rules, its last column empty", () => {
    // ibaraki-pref printed through Writer on a portrait page: the page-wide table's last column is
    // empty on the legend's page, so no cell's text reached the edge its legend wrapped at.
    const legend = line("※ 評価 A:順調、B:やや遅れ(「実績値」が「期", 10, 100);
    const edge = legend.box.x1 + 2;
    const table = {
      kind: "row",
      y: 10,
      cells: ["x", ""],
      boxes: [{ x0: 10, y0: 10, x1: legend.box.x1 - 6, y1: 20 }, null],
      columns: [10, legend.box.x1 - 6, edge],
      ruled: true,
    };
    const items = [table, legend, line("待値」の50~79%)", 10, 116.7)];
    expect(joinWrappedLines(items).map((l) => (l as PageLine).text ?? "row")).toEqual([
      "row",
      "※ 評価 A:順調、B:やや遅れ(「実績値」が「期待値」の50~79%)",
    ]);
  });
});
