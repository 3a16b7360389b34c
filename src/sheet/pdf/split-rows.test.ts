import { describe, expect, it } from "vitest";
import type { CellEnds, PageLine } from "./page-table.ts";
import type { JoinedRow } from "./split-columns.ts";
import { joinSplitRows } from "./split-rows.ts";

const COLUMNS = [40, 100, 200, 260];
/** A ruled row on `page`; `ends[i]`: the room its last line left and its first line's lead (9 pt). */
function row(page: number, cells: string[], ends: ([number, number] | null)[]): JoinedRow {
  return {
    kind: "row",
    y: 100,
    y1: 120,
    cells,
    boxes: cells.map(() => null),
    columns: COLUMNS,
    ruled: true,
    pages: cells.map(() => page),
    ends: ends.map((e): CellEnds | null => (e ? { room: e[0], lead: e[1], size: 9 } : null)),
  };
}
const texts = (items: (JoinedRow | PageLine)[]) => items.map((i) => (i.kind === "row" ? i.cells : i.text));

describe("a row a word processor split over a page break", () => {
  // gyokuto-senkou printed through Writer: 「指標② 第3子」 over 「以降の出生数前」 filled its cell at the
  // page's foot, and 「年比増」 went on at the top of the next page, under the repeated first row.
  const header = row(
    2,
    ["都道府県名", "熊本県", "玉東町"],
    [
      [40, 9],
      [20, 9],
      [20, 9],
    ],
  );
  const last = row(
    1,
    ["4", "指標② 第3子\n以降の出生数前", "1"],
    [
      [30, 9],
      [2, 9],
      [40, 9],
    ],
  );

  it("goes on at the top of the next page, under the repeated header: joined back into one row", () => {
    const rest = row(2, ["", "年比増", ""], [null, [30, 9], null]);
    const pages = joinSplitRows(
      [
        { page: 1, items: [row(1, ["都道府県名", "熊本県", "玉東町"], []), last] },
        { page: 2, items: [header, rest] },
      ],
      ["都道府県名\t熊本県\t玉東町"],
    );
    expect(texts(pages[0]!.items).at(-1)).toEqual(["4", "指標② 第3子\n以降の出生数前\n年比増", "1"]);
    expect(texts(pages[1]!.items)).toEqual([["都道府県名", "熊本県", "玉東町"]]);
  });

  it("is not joined where a cell above ended short of its edge (its text was whole), or the table ended", () => {
    const next = row(
      2,
      ["5", "次の指標", "2"],
      [
        [30, 9],
        [30, 9],
        [30, 9],
      ],
    );
    expect(
      texts(
        joinSplitRows(
          [
            { page: 1, items: [last] },
            { page: 2, items: [next] },
          ],
          [],
        )[1]!.items,
      ),
    ).toHaveLength(1);
    // Only under cells that ended full: 「年比増」 under the full line, but 「5」 under 「4」 (ended short).
    const rest = row(2, ["", "年比増", ""], [null, [30, 9], null]);
    const legend: PageLine = {
      kind: "line",
      y: 130,
      text: "評価:A 達成",
      box: { x0: 40, y0: 130, x1: 90, y1: 139 },
      runs: [],
    };
    expect(
      texts(
        joinSplitRows(
          [
            { page: 1, items: [last, legend] },
            { page: 2, items: [rest] },
          ],
          [],
        )[1]!.items,
      ),
    ).toHaveLength(1);
  });
});
