import { describe, expect, it } from "vitest";
import { headerToDrop, repeatedHeader } from "./repeated-header.ts";

const row = (...cells: string[]) => ({ kind: "row" as const, cells });
const H = row("目標指標", "基準値", "目標値");

describe("repeatedHeader / headerToDrop", () => {
  it("finds the first page's header at the top of every later page, and the rows printed twice", () => {
    const names = row("", "指標名", "現状値");
    const pages = [
      { items: [H, row("件数", "3", "12"), names, row("面積", "22", "35")] },
      { items: [{ kind: "line" as const }, H, row("", "≪成果≫ …", ""), names, row("人数", "1", "5")] },
    ];
    const { header, columnNames } = repeatedHeader(pages);
    expect(header).toEqual([H.cells.join("\t")]);
    expect([...columnNames]).toEqual([H.cells.join("\t"), names.cells.join("\t")]);
    expect(headerToDrop(pages[1]!.items, header, () => true)).toEqual(new Set([H]));
    // A page whose table does not go on from the page before begins with its own header.
    expect(headerToDrop(pages[1]!.items, header, () => false).size).toBe(0);
  });

  it("finds none when a later page begins otherwise", () => {
    const pages = [{ items: [H, row("件数", "3", "12")] }, { items: [row("面積", "22", "35")] }];
    expect(repeatedHeader(pages).header).toEqual([]);
  });
});
