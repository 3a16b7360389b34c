import { describe, expect, it } from "vitest";
import type { AlignedRow } from "./realign-rows.ts";
import { parseOrdinal, repairHierarchy } from "./repair-hierarchy.ts";
import type { ImportIssue } from "./types.ts";

const row = (n: number, h: string[], printed = 3): AlignedRow => ({
  row: n,
  page: 1,
  cells: [...h, ...Array(14 - h.length).fill("x")],
  hierarchyPrinted: printed,
  inserted: [],
  removed: [],
});

describe("parseOrdinal", () => {
  it("reads plain and circled numbers and joins wraps", () => {
    expect(parseOrdinal("2 ひとの流<br>れの創出")).toEqual({
      kind: "plain",
      no: 2,
      title: "ひとの流れの創出",
    });
    expect(parseOrdinal("③ 企業誘<br>致の推進")).toEqual({ kind: "circled", no: 3, title: "企業誘致の推進" });
    expect(parseOrdinal("")).toEqual({ kind: "none", no: null, title: "" });
    expect(parseOrdinal("基本目標２ ひとの創生")).toEqual({ kind: "plain", no: 2, title: "ひとの創生" });
    expect(parseOrdinal("1-2 人の流れ")).toMatchObject({ kind: "plain", no: 2, depth: 2, title: "人の流れ" });
    expect(parseOrdinal("1-2-3 交流の場")).toMatchObject({ kind: "circled", no: 3, depth: 3 });
  });
});

describe("repairHierarchy", () => {
  it("fills down and moves misplaced entries using the whole sheet's evidence", () => {
    const issues: ImportIssue[] = [];
    const out = repairHierarchy(
      [
        row(1, ["1 港のまち", "1 海の仕事", "① 漁業の振興"]),
        row(2, ["", "② 水産加工の支援", ""], 2), // a 施策 printed in the 小基本目標 column
        row(3, ["2 浜の暮らし", "", "① 防災の強化"]), // a 小基本目標 printed alone in the 大基本目標 column
        row(4, ["3 海辺の交流", "① 体験学習", ""], 2), // a shifted row: 小基本目標 and its 施策
        row(5, ["2 山のまち", "1 森の仕事", "① 林業の振興"]),
        row(6, ["", "", ""]),
      ],
      issues,
    );
    const p = out.map(
      (h) => `${h.goal.no}.${h.subgoal.no}.${h.measure.no} ${h.subgoal.title}/${h.measure.title}`,
    );
    expect(p).toEqual([
      "1.1.1 海の仕事/漁業の振興",
      "1.1.2 海の仕事/水産加工の支援",
      "1.2.1 浜の暮らし/防災の強化",
      "1.3.1 海辺の交流/体験学習",
      "2.1.1 森の仕事/林業の振興",
      "2.1.1 森の仕事/林業の振興",
    ]);
    const moved = issues.filter((i) => i.kind === "hierarchy_moved");
    expect(moved.map((i) => [i.row, i.column])).toEqual([
      [2, "具体的な施策"],
      [3, "小基本目標"],
      [4, "小基本目標"],
      [4, "具体的な施策"],
    ]);
    expect(moved.find((i) => i.row === 3)?.confidence).toBe("high");
  });

  it("learns the level of (1)-style numbers from the sheet, reads roman goal numbers", () => {
    const out = repairHierarchy(
      [
        row(1, ["Ⅰ 港のまち", "(1) 海の仕事", "① 漁業の振興"]),
        row(2, ["", "", "② 水産加工の支援"]),
        row(3, ["", "(2) 浜の暮らし", "① 防災の強化"]),
        row(4, ["Ⅱ 山のまち", "(1) 森の仕事", "① 林業の振興"]),
      ],
      [],
    );
    expect(
      out.map((h) => `${h.goal.no}.${h.subgoal.no}.${h.measure.no} ${h.goal.title}/${h.subgoal.title}`),
    ).toEqual([
      "1.1.1 港のまち/海の仕事",
      "1.1.2 港のまち/海の仕事",
      "1.2.1 港のまち/浜の暮らし",
      "2.1.1 山のまち/森の仕事",
    ]);
  });
});
