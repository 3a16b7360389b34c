import { describe, expect, it } from "vitest";
import { alignedRows, type LineCells, UnsureRow } from "./aligned-rows.ts";
import type { PrintedLine } from "./cell-text.ts";

/**
 * A sheet fitted to the page: 3.6 pt text, full-width characters 3.6 pt wide, lines 5.3 pt apart and
 * rows 5.6 pt (their cell margins shrunk with the text). Columns: a project (x 0, 15 characters
 * wide), its indicator (x 60, 15 characters), a value (right-aligned to 128).
 */
const SIZE = 3.6;
const X = [0, 60, 120];
function at(c: number, text: string, y: number): PrintedLine {
  const width = Array.from(text).length * SIZE * (c === 2 ? 0.5 : 1);
  const x0 = c === 2 ? 128 - width : X[c]!;
  return { runs: [{ text, x: x0, y, width, size: SIZE }], x0, x1: x0 + width, y, size: SIZE, text };
}
function line(y: number, ...cells: (string | null)[]): LineCells {
  const printed = cells.map((t, c) => (t === null ? null : at(c, t, y)));
  const first = printed.find(Boolean)!;
  const text = printed.flatMap((p) => (p ? [p.text] : [])).join(" ");
  return { line: { ...first, text, x1: Math.max(...printed.map((p) => p?.x1 ?? 0)) }, cells: printed };
}
/** Four rows, each 5.6 pt under its row above's last line, then the lines under test (y from the last row's). */
function table(...last: LineCells[]): LineCells[] {
  return [
    line(0, "ふるさとで、はたらく。~家族で米", "指標①社会人枠採用試験の県外か", "40"),
    line(5.3, "子へUターン~", "らの受験者数", null),
    line(10.9, "ふるさとへUIJターン!応援", "指標①引越費用支援金の支給件数", "200"),
    line(16.2, "します。", "の合計", null),
    line(21.8, "情報発信事業", "指標① セミナー参加者数", "150"),
    line(27.4, "安心の子育て推進します。", "指標①子育て応援アプリの登録者", "2,000"),
    ...last.map((l) => ({ ...l, line: { ...l.line, y: l.line.y + 27.4 } })),
  ].map((l) => ({
    ...l,
    cells: l.cells.map((c) =>
      c ? { ...c, y: l.line.y, runs: c.runs.map((r) => ({ ...r, y: l.line.y })) } : c,
    ),
  }));
}
const texts = (rows: ReturnType<typeof alignedRows>) =>
  rows.map((r) => r.lines.map((c) => c.map((l) => l.text)));

describe("alignedRows", () => {
  it("goes on with a row when one cell wrapped and the other was broken, at a line's pitch on a small print", () => {
    // Rows follow 0.3 pt farther than lines here: a margin of 0.4 pt took 「者数」 for a row of its own.
    const rows = alignedRows(table(line(5.3, "【こども未来課】", "数", null)), 3);
    expect(texts(rows)).toHaveLength(4);
    expect(texts(rows)[3]).toEqual([
      ["安心の子育て推進します。", "【こども未来課】"],
      ["指標①子育て応援アプリの登録者", "数"],
      ["2,000"],
    ]);
  });

  it("refuses a short wrapped fragment it cannot join, rather than read it as an item", () => {
    // The same line a row's pitch below: spacing says a row, the wrap says its indicator goes on.
    expect(() => alignedRows(table(line(5.6, "【こども未来課】", "数", null)), 3)).toThrow(UnsureRow);
  });

  it("still begins a row at a row's pitch when the line has a value", () => {
    const rows = alignedRows(table(line(5.6, "定住促進事業", "数", "12")), 3);
    expect(texts(rows)).toHaveLength(5);
  });
});

describe("alignedRows: values under their dates", () => {
  // 5.4 pt text (Latin half as wide), rows 8.3 pt apart, a cell's lines 7.8 pt. Columns: a policy
  // (x 0), its indicator (x 80), a value with its year above it (x 160), a grade (x 200).
  const S = 5.4;
  const cell = (x0: number, text: string, y: number): PrintedLine => {
    const width = Array.from(text).reduce((w, ch) => w + (ch.charCodeAt(0) < 0x7f ? S / 2 : S), 0);
    return { runs: [{ text, x: x0, y, width, size: S }], x0, x1: x0 + width, y, size: S, text };
  };
  const X4 = [0, 80, 160, 200];
  const row4 = (y: number, ...texts: (string | null)[]): LineCells => {
    const cells = texts.map((t, c) => (t === null ? null : cell(X4[c]!, t, y)));
    const first = cells.find(Boolean)!;
    return { line: { ...first, runs: cells.flatMap((x) => x?.runs ?? []) }, cells };
  };
  const table4 = (...last: LineCells[]) => [
    row4(0, "1 安全", "参加率", "(2016年度)", "A"),
    row4(7.8, null, null, "1,650人", null),
    row4(16.1, "2 医療", "待機者数", "(2016年度)", "B"),
    row4(23.9, null, null, "1,200事業所", null),
    row4(32.2, "3 子育て", "登録者数", "(2016年度)", "A"),
    row4(40, null, null, "2,000人", null),
    row4(48.3, "4 産業", "立地件数", "(2016年)", "C"),
    ...last,
  ];

  it("goes on with a value its author broke under its year, as the table's wrapped values print", () => {
    // 「62件」 would have fitted after 「(2016年)」: no wrap, but printed as 「1,650人」 under 「(2016年度)」.
    const rows = alignedRows(table4(row4(56.1, null, null, "62件", null)), 4);
    expect(rows).toHaveLength(4);
    expect(rows[3]!.lines[2]!.map((l) => l.text)).toEqual(["(2016年)", "62件"]);
  });

  it("begins a row when the line has text in other columns than those lines", () => {
    const rows = alignedRows(table4(row4(56.1, null, "耐震化率", "62件", null)), 4);
    expect(rows).toHaveLength(5);
  });
});

describe("alignedRows: cells not aligned to the top", () => {
  const S = 5.4;
  const at = (x0: number, text: string, y: number): PrintedLine => {
    const width = Array.from(text).length * S;
    return { runs: [{ text, x: x0, y, width, size: S }], x0, x1: x0 + width, y, size: S, text };
  };
  const l = (y: number, ...cells: (string | null)[]): LineCells => {
    const printed = cells.map((t, c) => (t === null ? null : at(c * 80, t, y)));
    return {
      line: { ...printed.find(Boolean)!, runs: printed.flatMap((p) => p?.runs ?? []) },
      cells: printed,
    };
  };
  it("refuses a line printed half a line off its neighbours (a cell centred in a taller row)", () => {
    // 「① 農林業の担い手育成」 merged over two KPI rows 12 pt apart, centred: 6 pt under the first.
    const lines = [
      l(0, "基本目標", "施策", "KPI"),
      l(12, null, null, "新規就農者数"),
      l(15.9, null, "① 担い手育成", null),
      l(24, "1 産業", null, "林業就業者数"),
    ];
    expect(() => alignedRows(lines, 3)).toThrow(UnsureRow);
    // The same merged cell aligned to the top, on its first row's line: read.
    expect(alignedRows([lines[0]!, l(12, null, "① 担い手育成", "新規就農者数"), lines[3]!], 3)).toHaveLength(
      3,
    );
  });

  it("refuses a group's label printed on its group's last row (cells aligned to the bottom)", () => {
    const rows = (first: number) => [
      l(0, "基本目標", "KPI", "実績"),
      ...[12, 24, 36].map((y, i) => l(y, i === first ? "1 地域の産業" : null, `指標${i + 1}`, `${i + 3}人`)),
    ];
    // Top-aligned, the label begins its group on the first row of values: read.
    expect(alignedRows(rows(0), 3)).toHaveLength(4);
    expect(() => alignedRows(rows(2), 3)).toThrow(UnsureRow);
  });
});
