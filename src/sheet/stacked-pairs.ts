/**
 * Each indicator on two rows with no label (魚津市: 「※数値目標、KPIは、上段が目標値、下段が実績値」 over
 * bare year columns 「H25 | H26 | H27 | H28 | H31」): the upper row holds the targets, the lower row — its name
 * and every other cell empty — the actuals, and only the sheet's note says which is which. Read as printed,
 * the lower row was a KPI with no name (refused). When a note names one of 上段 / 下段 the targets and the
 * other the actuals, and under a header of bare years every data row is such a pair, each pair is folded into
 * one row: every year column becomes 「H28目標値」 (the upper row's figures) and 「H28実績値」 (the lower
 * row's), a column only one of the rows fills becoming that one only. An upper row that lost one empty cell
 * (a PDF extractor) is realigned when the other upper rows' empty cells leave one place only; else nothing
 * is folded (the reader then refuses, as before).
 */
import { squash } from "./columns.ts";
import type { ImportIssue, SourceRow, SourceTable } from "./types.ts";

/** A bare year as a column's name: 「H28」, 「R1」, 「平成28年度」, 「2016年度」. */
const BARE_YEAR = /^(?:[HRhr]|平成|令和)\s*(?:\d{1,2}|元)(?:年度?)?$|^(?:19|20)\d{2}(?:年度?)?$/;
const TARGET = /^(目標値?|計画値?)/;
const ACTUAL = /^(実績値?|現状値?)/;

/** Which row the notes say holds the targets: "upper", "lower", or null when no note says (or both). */
export function stackedTargetRow(notes: readonly string[]): "upper" | "lower" | null {
  const says = (pos: "上段" | "下段", what: RegExp) =>
    notes.some((n) => {
      for (const m of n.normalize("NFKC").matchAll(new RegExp(`${pos}(?:が|は|に|:)?`, "g")))
        if (what.test(n.normalize("NFKC").slice(m.index + m[0].length))) return true;
      return false;
    });
  const upper = says("上段", TARGET) && says("下段", ACTUAL);
  const lower = says("下段", TARGET) && says("上段", ACTUAL);
  return upper === lower ? null : upper ? "upper" : "lower";
}

const filled = (c: string | undefined) => squash(c ?? "") !== "";
const padded = (cells: readonly string[], width: number) => [
  ...cells,
  ...Array<string>(Math.max(0, width - cells.length)).fill(""),
];
/** The row's texts (a cell merged across the row, a title, counts once); a Markdown rule row has none. */
const texts = (r: SourceRow) =>
  new Set(r.cells.map(squash).filter((c) => c !== "" && !/^:?-{3,}:?$/.test(c)));
const yearColumns = (cells: readonly string[]) =>
  cells.flatMap((c, i) => (BARE_YEAR.test(squash(c)) ? [i] : []));
const isYearHeader = (r: SourceRow) =>
  yearColumns(r.cells).length >= 2 && !r.cells.some((c) => /目標|実績/.test(c));

/** The upper row with one empty cell put back where the other upper rows' pattern of empty cells allows one place. */
function realigned(
  row: readonly string[],
  others: readonly (readonly string[])[],
  width: number,
  from: number,
): string[] | null {
  if (row.length !== width - 1 || others.length === 0) return null;
  // The columns from the first year on every other upper row fills, or leaves empty, alike (the levels
  // before them are filled on a group's first row only).
  const fixed = [...Array(width).keys()].filter(
    (i) => i >= from && new Set(others.map((o) => filled(o[i]))).size === 1,
  );
  const results = new Set<string>();
  let found: string[] | null = null;
  for (let k = 0; k < width; k++) {
    const cells = [...row.slice(0, k), "", ...row.slice(k)];
    if (fixed.every((i) => filled(cells[i]) === filled(others[0]![i]))) {
      results.add(JSON.stringify(cells));
      found = cells;
    }
  }
  return results.size === 1 ? found : null;
}

/** The table with each upper / lower pair folded into one row, or null when the table is not of this kind. */
export function foldStackedPairs(table: SourceTable): { table: SourceTable; issue: ImportIssue } | null {
  const notes = [
    ...table.outside.map((o) => o.text),
    ...table.rows.filter((r) => texts(r).size === 1).map((r) => r.cells.find(filled)!),
  ];
  const targetRow = stackedTargetRow(notes);
  if (!targetRow) return null;
  const headerAt = table.rows.findIndex(isYearHeader);
  if (headerAt < 0) return null;
  const header = table.rows[headerAt]!.cells;
  const width = header.length;
  const years = yearColumns(header);
  const isYear = new Set(years);
  const sameHeader = (r: SourceRow) =>
    r.cells.length === width && r.cells.every((c, i) => squash(c) === squash(header[i]!));
  // Rows of the worksheets that print the header only, after it (a 評価基準 or list worksheet is no part of
  // the table; a table split over worksheets prints its header on each).
  const firstOn = new Map<string | undefined, number>();
  table.rows.forEach((r, i) => {
    if (i >= headerAt && sameHeader(r) && !firstOn.has(r.sheet)) firstOn.set(r.sheet, i);
  });
  const inTable = (r: SourceRow, i: number) => i > (firstOn.get(r.sheet) ?? Number.POSITIVE_INFINITY);
  // The data rows: neither a header nor a lone line (a heading, a note).
  const body = table.rows
    .map((r, i) => ({ r, i }))
    .filter(({ r, i }) => inTable(r, i) && !sameHeader(r) && texts(r).size > 1)
    // (A lower row whose trailing empty cells were left out ends in a filled year: its empties go back at its end.)
    .map(({ r, i }) =>
      r.cells.length < width && filled(r.cells.at(-1)) && r.cells.every((c, j) => isYear.has(j) || !filled(c))
        ? { r: { ...r, cells: padded(r.cells, width) }, i }
        : { r, i },
    );
  // (A worksheet repeats a level merged down over both rows: the same text as the upper row's is no text of its own.)
  const isLower = (cells: readonly string[], upper: readonly string[] = []) =>
    cells.length === width &&
    cells.every((c, i) => isYear.has(i) || !filled(c) || squash(c) === squash(upper[i] ?? "")) &&
    years.some((i) => filled(cells[i]));
  const pairs: { upper: SourceRow; lower: SourceRow }[] = [];
  for (let j = 0; j < body.length; j += 2) {
    const upper = body[j]?.r;
    const lower = body[j + 1]?.r;
    if (!upper || !lower || isLower(upper.cells) || !isLower(lower.cells, upper.cells)) return null;
    pairs.push({ upper, lower });
  }
  if (pairs.length < 2) return null;
  const complete = pairs.filter((p) => p.upper.cells.length === width).map((p) => p.upper.cells);
  const uppers = new Map<number, string[]>();
  for (const p of pairs) {
    const cells =
      p.upper.cells.length === width
        ? [...p.upper.cells]
        : p.upper.cells.length === width - 1
          ? realigned(p.upper.cells, complete, width, years[0]!)
          : // (more than one cell short, ending in a filled one: trailing empties left out, not a cell lost)
            filled(p.upper.cells.at(-1))
            ? padded(p.upper.cells, width)
            : null;
    if (!cells) return null;
    uppers.set(p.upper.row, cells);
  }
  const [top, bottom] = targetRow === "upper" ? ["目標値", "実績値"] : ["実績値", "目標値"];
  const upperYears = new Set(years.filter((i) => [...uppers.values()].some((c) => filled(c[i]))));
  const lowerYears = new Set(years.filter((i) => pairs.some((p) => filled(p.lower.cells[i]))));
  const expand = (cells: readonly string[], pick: (i: number, part: "upper" | "lower") => string): string[] =>
    cells.flatMap((c, i) => {
      if (!isYear.has(i)) return [c];
      const parts: string[] = [];
      if (upperYears.has(i) || !lowerYears.has(i)) parts.push(pick(i, "upper"));
      if (lowerYears.has(i)) parts.push(pick(i, "lower"));
      return parts;
    });
  const lowerOf = new Map(pairs.map((p) => [p.upper.row, p.lower]));
  const lowers = new Set(pairs.map((p) => p.lower.row));
  const rows: SourceRow[] = [];
  for (const r of table.rows) {
    if (lowers.has(r.row)) continue;
    if (sameHeader(r)) {
      rows.push({
        ...r,
        cells: expand(r.cells, (i, part) => `${squash(r.cells[i]!)}${part === "upper" ? top : bottom}`),
      });
      continue;
    }
    const upper = uppers.get(r.row);
    const lower = lowerOf.get(r.row);
    if (!upper || !lower) {
      rows.push(r);
      continue;
    }
    rows.push({ ...r, cells: expand(upper, (i, part) => (part === "upper" ? upper[i]! : lower.cells[i]!)) });
  }
  const issue: ImportIssue = {
    row: null,
    column: null,
    kind: "stacked_pairs_folded",
    before: null,
    after: null,
    confidence: "high",
    message: `各指標が2行(上段・下段)で、表の注記が上段を${top}、下段を${bottom}としています: 2行を1行にまとめ、年の列を${top}と${bottom}に分けて読みました(${pairs.length}指標)`,
  };
  return { table: { ...table, rows }, issue };
}
