import { describe, expect, it } from "vitest";
import { findAlignedTable } from "./aligned-grid.ts";
import { UnsureRow } from "./aligned-rows.ts";
import type { TextRun } from "./page-content.ts";

/**
 * A table printed without rules, 10 pt text (full-width characters 10 pt wide, digits 5), lines
 * 14 pt apart in a cell and rows one point more. Columns: a project (x 0, ten characters wide), its
 * indicator (x 115, ten characters), a value right-aligned to 245; a group before them when asked.
 */
const S = 10;
function run(text: string, x: number, y: number): TextRun {
  const width = Array.from(text).reduce((w, ch) => w + (ch.charCodeAt(0) < 0x7f ? S / 2 : S), 0);
  return { text, x, y, width, size: S };
}
/** One printed line: texts per column (null: none), the value right-aligned. */
function line(y: number, project: string | null, indicator: string | null, value: string | null): TextRun[] {
  return [
    ...(project === null ? [] : [run(project, 0, y)]),
    ...(indicator === null ? [] : [run(indicator, 115, y)]),
    ...(value === null ? [] : [run(value, 245 - run(value, 0, 0).width, y)]),
  ];
}
const cells = (runs: TextRun[]) => findAlignedTable(runs)?.rows.map((r) => r.cells);

describe("a table whose cells are aligned to the bottom", () => {
  // Each row's cells end on its last line: a cell that wrapped begins on the lines above the others.
  const header = line(0, "事業名", "指標", "実績");
  const rows = [
    ...line(15, "ふるさと定住促進支援", null, null),
    ...line(29, "事業", "移住者数", "12"),
    ...line(44, null, "観光客数の合計値を示", null),
    ...line(58, "観光振興事業", "す", "3,000"),
    ...line(73, "子育て支援事業", "登録者数", "40"),
  ];

  it("reads each row from its last line up: a wrapped cell's first lines go with the cells under them", () => {
    // Read as top-aligned, 「ふるさと定住促進支援」 was a row of its own and 「事業」 began the next.
    expect(cells([...header, ...rows])).toEqual([
      ["事業名", "指標", "実績"],
      ["ふるさと定住促進支援\n事業", "移住者数", "12"],
      ["観光振興事業", "観光客数の合計値を示\nす", "3,000"],
      ["子育て支援事業", "登録者数", "40"],
    ]);
  });

  it("goes on with a wrapped cell's first line though rows follow at a line's pitch", () => {
    // Rows with no margins of their own: 14 pt apart, as a cell's lines are. Read down, a line that
    // wrapped had to follow closer than rows; read up, no farther than they do.
    const tight = [
      ...line(14, "ふるさと定住促進支援", null, null),
      ...line(28, "事業", "移住者数", "12"),
      ...line(42, null, "観光客数の合計値を示", null),
      ...line(56, "観光振興事業", "す", "3,000"),
      ...line(70, "子育て支援事業", "登録者数", "40"),
    ];
    expect(cells([...header, ...tight])?.slice(1, 3)).toEqual([
      ["ふるさと定住促進支援\n事業", "移住者数", "12"],
      ["観光振興事業", "観光客数の合計値を示\nす", "3,000"],
    ]);
  });

  it("refuses a key broken by its author over the row's last line, on a small print", () => {
    // Printed at 3 pt (rows 0.3 pt farther apart than lines): 「②丹波栗振興事業」 over 「(農業振興課)」
    // beside the row's other cells — the key's second line, or a row of its own.
    const broken = [...header, ...rows, ...line(88, "②丹波栗振興事業", null, null)];
    broken.push(...line(102, "(農業振興課)", "栗の新植面積", "4.2"));
    const small = (rs: TextRun[]) =>
      rs.map((r) => ({ ...r, x: r.x * 0.3, y: r.y * 0.3, width: r.width * 0.3, size: r.size * 0.3 }));
    expect(() => findAlignedTable(small(broken))).toThrow(UnsureRow);
  });

  it("takes in the first row's wrapped text printed above the table's first line", () => {
    // A card aligned to the bottom: its first value's first line is alone above the first key.
    const card = [
      ...line(0, null, "市の特性をいかした産業", null),
      ...line(14, "基本目標", "競争力の強化", null),
      ...line(29, "基準値", "H26", "120"),
      ...line(44, "目標値", "H31", "150"),
    ];
    expect(cells(card)?.[0]).toEqual(["基本目標", "市の特性をいかした産業\n競争力の強化", ""]);
  });

  it("refuses a group's label that is missing on some rows (merged at its group's end, or typed at its start)", () => {
    // The same table with a group column: 「1 しごと」 on the first row, 「2 ひと」 on the last, none on
    // the second — 「2 ひと」 merged over the last two rows, or typed on the last row only?
    const shift = (rs: TextRun[]) => rs.map((r) => ({ ...r, x: r.x + 100 }));
    const grouped = [
      ...shift(header),
      run("施策", 0, 0),
      ...shift(rows),
      run("1 しごと", 0, 29),
      run("2 ひと", 0, 73),
    ];
    expect(() => findAlignedTable(grouped)).toThrow(UnsureRow);
  });

  it("refuses a number over a number beside a wrapped cell: its author's break, or two rows", () => {
    // 「78%」 over 「(-)」: one cell broken by its author, or two rows with a project merged over both.
    const broken = [...header, ...rows, ...line(88, "子育て応援券交付事業を", null, "78%")];
    broken.push(...line(102, "行う", "利用率", "(-)"));
    expect(() => findAlignedTable(broken)).toThrow(UnsureRow);
  });
});

describe("a table with no wrapped cell to show its alignment", () => {
  it("refuses a group's label missing on a table's first row of values and printed on its last", () => {
    // Two rows of one group, its label on the last (aligned to the bottom); top-aligned, a group
    // begins on the first row of values. The table is the grid's second: its header is a row.
    const runs = [
      ...line(0, "目標", "指標", "実績"),
      ...line(15, "1 人口", "出生率", "1.5"),
      ...line(30, "施策", "指標", "実績"),
      ...line(45, null, "待機児童数", "12"),
      ...line(60, "① 子育て", "就職数", "300"),
    ];
    expect(() => findAlignedTable(runs)).toThrow(UnsureRow);
    // Printed on the first row of values, as top-aligned merged labels are: read.
    runs.splice(9, 5, ...line(45, "① 子育て", "待機児童数", "12"), ...line(60, null, "就職数", "300"));
    expect(cells(runs)).toHaveLength(5);
  });
});

describe("a table whose cells are centred", () => {
  it("refuses a row whose short cells print on the middle line of a cell wrapped over three", () => {
    // Read as top-aligned, 「観光客数の合計値を示」 began a row of its own, joined to the row above.
    const runs = [
      ...line(0, "事業名", "指標", "実績"),
      ...line(15, "定住促進事業", "移住者数", "12"),
      ...line(30, null, "観光客数の合計値を示", null),
      ...line(44, "観光振興事業", "す指標の値を合計した", "30"),
      ...line(58, null, "もの", null),
      ...line(73, "子育て支援事業", "登録者数", "40"),
    ];
    expect(() => findAlignedTable(runs)).toThrow(UnsureRow);
  });

  it("refuses a line half a line under the table's last line (a key centred beside two lines)", () => {
    // 「委員会意見」 centred beside 「雇用の質にも着目した」 over 「指標を検討」: half a line down.
    const runs = [
      ...line(0, "区分", "H28年度", "H29年度"),
      ...line(15, "期待値", "130", "140"),
      ...line(30, "実績値", "128", "150"),
      ...line(45, null, "雇用の質にも着目した", null),
      ...line(52, "委員会意見", null, null),
      ...line(59, null, "指標を検討", null),
    ];
    expect(() => findAlignedTable(runs)).toThrow(UnsureRow);
  });
});
