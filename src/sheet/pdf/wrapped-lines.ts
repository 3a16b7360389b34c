/**
 * Free lines (outside any table) that are one paragraph wrapped at the page's text edge — a legend
 * or note printed as prose, as a browser prints it (「…3:…(目標値を下」 over 「回ったが、…」) — joined
 * back into one line, as the sheet's cell holds it: a legend's entries are read from one text.
 */
import { leadWidth } from "./cell-text.ts";
import type { PageLine } from "./page-table.ts";

const CJK = /[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/;
const sizeOf = (l: PageLine) => Math.max(...l.runs.map((r) => r.size));

/**
 * The page's items with its wrapped free lines joined. The edge: where the rightmost free line
 * ends, when another ends there too (within a character: two lines wrapped there; a title
 * alone as wide as the page proves no edge). A line wrapped when the next free line, right below
 * it (no table row between), of the same size, at a line's pitch, begins where it began, and its
 * first character or word would have passed that edge, and it spans half the page's text or more
 * (the table's included). Lines ended short stay apart (each legend
 * entry on its own line). Not for a sheet printed in parts (split-columns.ts): there a line is cut
 * at the page's edge and goes on on the next part's page (cut-lines.ts), not below.
 */
export function joinWrappedLines<T extends { kind: string }>(items: readonly T[]): T[] {
  const lines = items.filter((i): i is T & PageLine => i.kind === "line");
  if (lines.length < 2) return [...items];
  const widest = Math.max(...lines.map((l) => l.box.x1));
  // (within a character: a line wrapped where its next character would not fit ends up to one short of the edge)
  const atEdge = lines.filter((l) => l.box.x1 >= widest - sizeOf(l)).length;
  // A paragraph's width: half the page's text at least (short lines of one length beside a wider
  // table are no paragraph; a browser's table may print wider than its paragraphs).
  const cells = items.flatMap((i) =>
    i.kind === "row" ? ((i as { boxes?: ({ x0: number; x1: number } | null)[] }).boxes ?? []) : [],
  );
  // The tables' right edges by their rules (a last column empty on this page has no cell box).
  const ruled = items.flatMap((i) => {
    const row = i as { columns?: number[]; ruled?: boolean };
    const xs = i.kind === "row" && row.ruled ? row.columns : undefined;
    return xs && xs.length > 0 ? [xs.at(-1)!] : [];
  });
  const left = Math.min(
    ...lines.map((l) => l.box.x0),
    ...cells.map((b) => b?.x0 ?? Number.POSITIVE_INFINITY),
  );
  const right = Math.max(widest, ...cells.map((b) => b?.x1 ?? Number.NEGATIVE_INFINITY));
  // One line at the edge proves it when the table ends there too (a document's table set to the
  // page's width, its legend wrapped at the same margin, as Word prints them).
  const near = (x: number) => Math.abs(x - widest) < 0.5 * Math.min(...lines.map(sizeOf));
  // (Word sets a table's borders outside the text's margins by the cells' padding: its right border up to two
  // characters past where a line wrapped at that margin ends — nakatosa-kyoten's legend, round 62.)
  const padded = (x: number) => x >= widest && x - widest < 2 * Math.min(...lines.map(sizeOf));
  const tableEdge = cells.some((b) => b && near(b.x1)) || ruled.some((x) => near(x) || padded(x));
  if (atEdge < 2 && !tableEdge) return [...items];
  const out: T[] = [];
  for (const item of items) {
    const above = out.at(-1);
    if (item.kind !== "line" || above?.kind !== "line") {
      out.push(item);
      continue;
    }
    const l = item as T & PageLine;
    const a = above as T & PageLine;
    const size = sizeOf(l);
    const pitch = l.box.y0 - (a.box.y1 - sizeOf(a));
    const wrapped =
      Math.abs(size - sizeOf(a)) < 0.1 &&
      pitch > 0 &&
      // Word sets CJK text 9 pt on a 15 pt pitch (1.67): a line's pitch up to 1.8 of its size.
      pitch <= 1.8 * size &&
      Math.abs(l.box.x0 - a.box.x0) < 1 &&
      2 * (a.box.x1 - a.box.x0) >= right - left &&
      a.box.x1 + leadWidth({ ...l.box, y: l.box.y0, size, text: l.text, runs: l.runs }) > widest + 0.5;
    if (!wrapped) {
      out.push(item);
      continue;
    }
    const join = CJK.test(a.text.at(-1) ?? "") || CJK.test(l.text[0] ?? "") ? "" : " ";
    out[out.length - 1] = {
      ...a,
      text: a.text + join + l.text,
      runs: [...a.runs, ...l.runs],
      box: { ...a.box, x1: Math.max(a.box.x1, l.box.x1), y1: l.box.y1 },
    };
  }
  return out;
}
