import { describe, expect, it } from "vitest";
import { alignCells } from "./realign-rows.ts";

// One row in the 14 columns, our own wording.
const full = [
  "",
  "",
  "",
  "図書館の開館時間の延長",
  "平日の閉館時刻を延ばした。",
  "図書館の年間貸出冊数",
  "42.5万冊",
  "39.8万冊",
  "45万冊",
  "進捗の遅れ",
  "座席を減らしたため。",
  "若い世代の利用が少ない。",
  "電子書籍の貸出を始める。",
  "中央図書館",
];

describe("alignCells", () => {
  it("leaves a full row alone", () => {
    expect(alignCells(full)).toMatchObject({ cells: full, inserted: [], hierarchyPrinted: 3 });
  });

  it("puts back a row printed one column to the left, with a trailing empty cell", () => {
    const shifted = [...full.slice(1), ""];
    const a = alignCells(shifted);
    expect(a?.cells.slice(3)).toEqual(full.slice(3));
    expect(a?.hierarchyPrinted).toBe(2);
  });

  it("puts back a shifted row without the trailing cell, keeping its printed 施策", () => {
    const shifted = ["", "② 学びの環境づくり", ...full.slice(3)];
    const a = alignCells(shifted);
    expect(a?.cells.slice(0, 3)).toEqual(["", "② 学びの環境づくり", ""]);
    expect(a?.cells.slice(3)).toEqual(full.slice(3));
  });

  it("drops an empty spacer cell in the middle of a row", () => {
    const spaced = [...full.slice(0, 12), "", ...full.slice(12)];
    expect(alignCells(spaced)?.cells).toEqual(full);
  });

  it("finds the evaluation label even when a text cell is missing", () => {
    const missingReason = [...full.slice(0, 10), ...full.slice(11)];
    const a = alignCells(missingReason);
    expect(a?.cells[9]).toBe("進捗の遅れ");
    expect(a?.cells[13]).toBe("中央図書館");
  });
});
