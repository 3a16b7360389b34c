import { describe, expect, it } from "vitest";
import type { PageContent, Segment, TextRun } from "./page-content.ts";
import { type PageRow, readPageTable } from "./page-table.ts";

/** An A4 portrait page with a ruled table of two rows whose column rules are at `xs`. */
function page(xs: number[], texts: string[][]): PageContent {
  const ys = [100, 120, 140];
  const horizontal: Segment[] = ys.map((at) => ({ at, from: xs[0]!, to: xs.at(-1)! }));
  const vertical: Segment[] = xs.map((at) => ({ at, from: ys[0]!, to: ys.at(-1)! }));
  const runs: TextRun[] = texts.flatMap((row, r) =>
    row.map((text, c) => ({ text, x: xs[c]! + 3, y: ys[r]! + 5, width: 9 * text.length, size: 9 })),
  );
  return {
    width: 595.3,
    height: 841.9,
    runs,
    clipped: [],
    horizontal,
    vertical,
    imageArea: 0,
    unreadable: 0,
    glyphs: 99,
  };
}

const rows = (p: PageContent) => readPageTable(p).filter((i): i is PageRow => i.kind === "row");

describe("a ruled table at the paper's edge", () => {
  const texts = [
    ["指標", "目標値", "担当"],
    ["出生数", "120人", "こども"],
  ];

  it("is marked cut on that side: its last column's rule at the page's edge (Writer) or past it (Word)", () => {
    // A table pasted wider than the page: Writer ends its rules at the edge (595.3), 担当課 cut.
    expect(rows(page([42.6, 193, 342.8, 595.3], texts)).map((r) => r.edge)).toEqual(["right", "right"]);
    expect(rows(page([42.6, 193, 342.8, 642.6], texts)).map((r) => r.edge)).toEqual(["right", "right"]);
    expect(rows(page([0, 150, 300, 450], texts)).map((r) => r.edge)).toEqual(["left", "left"]);
  });

  it("is not, when the table keeps a margin", () => {
    expect(rows(page([42.6, 193, 342.8, 552.9], texts)).map((r) => r.edge)).toEqual([undefined, undefined]);
  });

  it("is marked cut when its text runs past the edge though its rules stop short", () => {
    const p = page([42.6, 193, 342.8, 560], texts);
    p.runs.push({ text: "こども未来課", x: 545, y: 125, width: 54, size: 9 });
    expect(rows(p)[1]!.edge).toBe("right");
  });
});

describe("a space run", () => {
  it("prints nothing, so its width does not reach the edge", () => {
    // Chromium gives a space between cells a width of hundreds of points (tsukuba-kpi was refused).
    const p = page([42.6, 193, 342.8, 552.9], [["指標", "目標値", "担当"]]);
    p.runs.push({ text: " ", x: 272.9, y: 105, width: 630.4, size: 8 });
    expect(rows(p)[0]!.edge).toBeUndefined();
  });
});
