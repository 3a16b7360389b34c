import { describe, expect, it } from "vitest";
import type { PageRow } from "./page-table.ts";
import { joinSplitColumns, type PrintedPage } from "./split-columns.ts";

/** A ruled row from y to y1 with one cell per column rule after the first. */
function row(y: number, y1: number, columns: number[], cells: string[]): PageRow {
  return { kind: "row", y, y1, cells, boxes: cells.map(() => null), columns, ruled: true };
}
const LEFT = [40, 200, 360];
const RIGHT = [40, 160, 260, 360];
const rowsOf = (p: { items: { kind: string }[] }) =>
  p.items.filter((i): i is PageRow => i.kind === "row").map((r) => r.cells);

describe("a sheet wider than the paper, printed down then across", () => {
  // The plan's levels on the first page, merged down over the KPIs of each group; the KPIs one per
  // row on the next (miyagi-shisaku printed at 100%: its levels were lost and the KPIs rated by the
  // 施策's rating, with exit 0).
  const levels: PrintedPage = {
    page: 1,
    items: [
      row(50, 70, LEFT, ["政策", "施策"]),
      row(70, 130, LEFT, ["1 産業の振興", "1 ものづくり"]),
      row(130, 190, LEFT, ["", "2 観光"]),
    ],
  };
  const kpis = (page: number): PrintedPage => ({
    page,
    items: [
      row(50, 70, RIGHT, ["指標", "目標値", "実績値"]),
      row(70, 100, RIGHT, ["出荷額", "40,000", "36,201"]),
      row(100, 130, RIGHT, ["立地件数", "60", "71"]),
      row(130, 160, RIGHT, ["入込数", "6,300", "5,796"]),
      row(160, 190, RIGHT, ["宿泊者数", "160,000", "72,000"]),
    ],
  });

  it("joins a part whose cells are merged down over the other part's rows, each row given its group", () => {
    const [first, second] = joinSplitColumns([levels, kpis(2)]);
    expect(rowsOf(first!)).toEqual([
      ["政策", "施策", "指標", "目標値", "実績値"],
      ["1 産業の振興", "1 ものづくり", "出荷額", "40,000", "36,201"],
      ["1 産業の振興", "1 ものづくり", "立地件数", "60", "71"],
      ["", "2 観光", "入込数", "6,300", "5,796"],
      ["", "2 観光", "宿泊者数", "160,000", "72,000"],
    ]);
    expect(rowsOf(second!)).toEqual([]);
  });

  it("does not join a part whose rows end elsewhere, or a line of which is no line of the other", () => {
    const shorter = { ...levels, items: [...levels.items.slice(0, 2), row(130, 175, LEFT, ["", "2 観光"])] };
    expect(rowsOf(joinSplitColumns([shorter, kpis(2)])[1]!)).toHaveLength(5);
    const offLine = {
      ...levels,
      items: [levels.items[0]!, row(70, 115, LEFT, ["1 産業の振興", "1"]), row(115, 190, LEFT, ["", "2"])],
    };
    expect(rowsOf(joinSplitColumns([offLine, kpis(2)])[1]!)).toHaveLength(5);
  });
});
