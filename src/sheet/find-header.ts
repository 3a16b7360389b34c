/**
 * Finds the column-name row(s) of any city's table — one row, or two (a group such as 実績値 over
 * the years, merged in Excel or printed once in a PDF) — and what each column means.
 */

import { type ColumnMeaning, type Field, headerStrength, recogniseHeader } from "./column-fields.ts";
import { isEmpty, squash } from "./columns.ts";
import { LEVELS, type Level } from "./field.ts";
import { namesUnderGroups } from "./group-sub-names.ts";
import { withoutChoices } from "./header-choices-text.ts";
import { impliedIndicator } from "./implied-indicator.ts";
import { isSeparatorRow } from "./read-markdown-table.ts";
import { refuse } from "./refuse-reading.ts";
import { directionOfMeasuresAsLevel } from "./round50-levels.ts";
import type { SourceRow } from "./types.ts";
import { namesAboveHeader } from "./upper-header-lost.ts";

export interface FoundHeader {
  /** Index (in the rows given) of each header row, top first. */
  rows: number[];
  /** The header text of each column, both rows joined. */
  texts: string[];
  columns: ColumnMeaning[];
  /** The squashed texts, to recognise the header repeated on later pages. */
  key: string;
  /** Columns whose header no rule knows, read by what they hold (reported with the reading). */
  byContent?: { col: number; field: Field }[];
}

/** Joins a group row above with the row below: a group printed once spans the cells under it. */
function joinRows(top: readonly string[], bottom: readonly string[]): string[] {
  const n = Math.max(top.length, bottom.length);
  const out: string[] = [];
  let span = "";
  for (let i = 0; i < n; i++) {
    const t = top[i] ?? "";
    const b = bottom[i] ?? "";
    if (!isEmpty(t)) span = t;
    else if (isEmpty(b)) span = "";
    // Excel repeats a merged group over its columns: an empty name under the same group as the
    // column to its left, which has a name, is that name printed over two cells (「指標」 over
    // 「指標①」 and the indicator) — a column without a name of its own, as in a PDF.
    if (
      i > 0 &&
      isEmpty(b) &&
      !isEmpty(t) &&
      squash(t) === squash(top[i - 1] ?? "") &&
      !isEmpty(bottom[i - 1] ?? "")
    ) {
      out.push("");
      continue;
    }
    const upper = isEmpty(t) && !isEmpty(b) ? span : t;
    out.push(isEmpty(b) || squash(b) === squash(upper) ? upper : isEmpty(upper) ? b : `${upper} ${b}`);
  }
  return out;
}

/**
 * A row of years or sub-names (目標 / 実績 under a year, 指標 / 指標値 / 単位 under a group) that
 * completes the header above it. One name it does not know (目標年月) is allowed among three known;
 * a note of a unit (「単位:円」) counts as neither.
 */
function isSubHeader(cells: readonly string[]): boolean {
  let parts = 0;
  let unknown = 0;
  for (const c of cells) {
    if (isEmpty(c)) continue;
    // (The choices a column prints under its name, 「事業効果 (選択肢) 1.…」, are no part of its name.)
    if (squash(withoutChoices(c)).length > 16) return false;
    // 「単位:円」 under 実績額: a note of the unit the column above is in, no name at all.
    if (/^[(（]?単位\s*[:：]\s*\S{1,4}[)）]?$/.test(squash(c))) continue;
    if (recogniseHeader(c).field === "extra") unknown++;
    else parts++;
  }
  return parts >= 2 && (unknown === 0 || (unknown === 1 && parts >= 3));
}

/**
 * Each column's meaning: in a two-row header the lower, specific name decides (「単位」 under the
 * group 「重要業績評価指標(KPI)」 is the unit); the joined text only when the lower name alone says
 * nothing (a year under 「実績値」).
 */
function meaningsOf(texts: readonly string[], lower?: readonly string[]): ColumnMeaning[] {
  return texts.map((t, i) => {
    const joined = recogniseHeader(t);
    const b = lower?.[i] ?? "";
    if (!lower || isEmpty(b) || squash(b) === squash(t)) return joined;
    const own = recogniseHeader(b);
    if (own.field === "extra" || own.field === "year") return joined;
    return {
      ...own,
      period: own.period ?? joined.period,
      unit: own.unit ?? joined.unit,
      header: joined.header,
    };
  });
}

/** A third header row: two or more short names without figures, under columns the rows above name. */
function isThirdHeaderRow(cells: readonly string[], above: readonly string[]): boolean {
  const filled = cells.map((c, i) => ({ c: squash(withoutChoices(c)), i })).filter((x) => x.c !== "");
  return (
    filled.length >= 2 &&
    filled.every((x) => x.c.length <= 10 && !/\d/.test(x.c)) &&
    // The group above is printed once, over the first of its columns.
    !isEmpty(above[filled[0]!.i] ?? "") &&
    filled.some((x) => recogniseHeader(x.c).field !== "extra")
  );
}

/**
 * A row of short names printed exactly under one group of the header above (江田島市: 「H27」 over 実績 |
 * 改善・悪化 | 達成度, the group's other cells empty or the group repeated above): that group's columns, however many of the
 * names are known — no data row fills a group's span and nothing else.
 */
function fillsGroup(top: readonly string[], bottom: readonly string[]): boolean {
  const filled = bottom.map((c, i) => ({ c, i })).filter((x) => !isEmpty(x.c));
  const name = (c: string) => squash(withoutChoices(c));
  if (filled.length < 2 || filled.some((x) => name(x.c).length > 16 || /\d/.test(name(x.c)))) return false;
  const first = filled[0]!.i;
  const last = filled.at(-1)!.i;
  if (isEmpty(top[first] ?? "")) return false;
  for (let i = first; i <= last; i++) if (isEmpty(bottom[i] ?? "")) return false;
  // (Excel repeats a merged group over its columns.)
  for (let i = first + 1; i <= last; i++)
    if (!isEmpty(top[i] ?? "") && squash(top[i]!) !== squash(top[first]!)) return false;
  return true;
}

/**
 * One text over every column the header names (「1 総合戦略の基本目標に係る…進捗状況」 merged across an Excel
 * sheet): a section line above the table, not a group over some of its columns.
 */
function mergedAcross(above: readonly string[], header: readonly string[]): boolean {
  const filled = above.filter((c) => !isEmpty(c));
  return new Set(filled.map(squash)).size === 1 && filled.length >= header.filter((c) => !isEmpty(c)).length;
}

/** The first header in `rows` at or after `from`; null when none. */
/** A figure with at most a short unit (「0人」, 「1,250人」, 「3.5%」), not a year (「29年度」). */
const FIGURE = /^[▲△-]?\d[\d,.]*\s*(?![年度])[^\d\s]{0,3}$/u;

export function findHeader(rows: readonly SourceRow[], from = 0): FoundHeader | null {
  for (let i = from; i < rows.length; i++) {
    const cells = rows[i]!.cells;
    const s = headerStrength(cells);
    // (No indicator's name: the column of the KPIs' names found by what it holds, implied-indicator.ts.)
    const implied = !s.indicator && s.known >= 3 && s.numbers === 0 ? impliedIndicator(rows, i) : null;
    if (s.known < 3 || (!s.indicator && implied === null) || s.numbers > 0) continue;
    // A title merged across the table (Excel repeats it in every cell) is not a row of column names.
    if (new Set(cells.map(squash).filter((c) => c !== "")).size < 3) continue;
    let next = i + 1;
    while (next < rows.length && isSeparatorRow(rows[next]!.cells)) next++;
    let prev = i - 1;
    while (prev >= from && isSeparatorRow(rows[prev]!.cells)) prev--;
    const below = rows[next];
    const above = prev >= from ? rows[prev] : undefined;
    let texts: string[];
    let used: number[];
    let lower: readonly string[] | undefined;
    const yearsHere = cells.filter((c) => recogniseHeader(c).field === "year").length;
    if (
      below &&
      (isSubHeader(below.cells) || fillsGroup(cells, below.cells) || namesUnderGroups(cells, below.cells)) &&
      below.cells.some((c) => !isEmpty(c) && recogniseHeader(c).field !== "extra")
    ) {
      texts = joinRows(cells, below.cells);
      used = [i, next];
      lower = below.cells;
    } else if (
      above &&
      yearsHere >= 2 &&
      above.cells.some((c) => /実績|目標|期待/.test(squash(c))) &&
      !mergedAcross(above.cells, cells) &&
      // A group names the years it heads and holds no figures: a row of figures above the header repeated at a
      // page break (「実績 | 0人 | 1,250人 …」, the last row of the page before) is a data row, not its group.
      !above.cells.some((c) => FIGURE.test(squash(c))) &&
      // The group is printed over the years it heads (a line in the first cell alone, over 目標, is a section's).
      above.cells.some((c, k) => !isEmpty(c) && recogniseHeader(cells[k] ?? "").field === "year")
    ) {
      texts = joinRows(above.cells, cells);
      used = [prev, i];
      lower = cells;
    } else {
      texts = cells.map((c) => c);
      used = [i];
      const lost = above ? namesAboveHeader(above.cells, cells) : null;
      if (lost)
        refuse(
          `${above!.row}行目の「${lost.join("」「")}」は列見出しのようですが、その下の${rows[i]!.row}行目だけを列見出しとして読みました(見出しの上の行が読めていないおそれがあります)`,
        );
    }
    // A third row of names under a group of the second (評価内容 / 評価の視点 / 必要性 | 効率性 | …):
    // short names, no figures, one of them known. Each names its own column; an unknown one is kept as
    // an extra rather than read as the group's field.
    const third = used.length === 2 ? rows[used[1]! + 1] : undefined;
    if (third && lower && isThirdHeaderRow(third.cells, texts)) {
      const joined = joinRows(texts, third.cells);
      const upper = meaningsOf(texts, lower);
      const lowest = meaningsOf(joined, third.cells);
      const cols = settleColumns(
        joined.map((_, col) => {
          const t = third.cells[col] ?? "";
          if (isEmpty(t)) return { ...upper[col]!, header: lowest[col]!.header };
          return recogniseHeader(t).field === "extra"
            ? { ...lowest[col]!, field: "extra" as const }
            : lowest[col]!;
        }),
      );
      used.push(used[1]! + 1);
      return withImplied(
        { rows: used, texts: joined, columns: cols, key: joined.map(squash).join("|") },
        implied,
      );
    }
    const columns = settleColumns(meaningsOf(texts, lower));
    return withImplied({ rows: used, texts, columns, key: texts.map(squash).join("|") }, implied);
  }
  return null;
}

/** The implied indicator's column read so, and said (content-columns.ts reports it). */
function withImplied(h: FoundHeader, col: number | null): FoundHeader {
  const m = col === null ? undefined : h.columns[col];
  if (col === null || !m || m.field !== "extra") return h;
  h.columns[col] = { ...m, field: "indicator" };
  return { ...h, byContent: [...(h.byContent ?? []), { col, field: "indicator" }] };
}

/**
 * What the columns mean together: 「基準値」 beside 「現状値」 (and no 実績) makes the 現状値 the
 * current value, the actual; a 施策の柱 / 政策の柱 column with no 基本目標 column above it is the top level.
 */
function settleColumns(columns: ColumnMeaning[]): ColumnMeaning[] {
  const has = (f: string) => columns.some((c) => c.field === f);
  const baselines = columns.filter((c) => c.field === "baseline");
  if (!has("actual") && baselines.length >= 2) {
    const current = baselines.find((c) => /現状値|現在値|現況値/.test(squash(c.header)));
    if (current && baselines.some((c) => c !== current && /基準|策定|当初|初期|従前/.test(squash(c.header))))
      current.field = "actual";
  }
  // Two baselines beside actuals (ベース値 H10, 現状値 H15): the first is the baseline, the other a
  // reference kept as an extra.
  const bases = columns.filter((c) => c.field === "baseline");
  if (has("actual") && bases.length >= 2) for (const c of bases.slice(1)) c.field = "extra";
  const twoLevels = has("goal") && has("subgoal") && !has("measure");
  if (!has("goal") && has("subgoal")) for (const c of columns) if (c.field === "subgoal") c.field = "goal";
  // 「重点項目 | 基本的方向 | KPI」 (綾町): two levels, the second named by a middle level's word — the KPIs hang on
  // it, the plan's lowest printed level: the measure (as 「基本目標 | 具体的施策」 is goal and measure).
  if (twoLevels) for (const c of columns) if (c.field === "subgoal" && !c.confirmed) c.field = "measure";
  directionOfMeasuresAsLevel(columns);
  settleLevelColumns(columns);
  return columns;
}

/** The level columns' levels settled among themselves (again, once content has made a column a level). */
export function settleLevelColumns(columns: ColumnMeaning[]): void {
  nestLevelColumns(columns);
  levelsBroadestFirst(columns);
}

/**
 * Level columns whose words rank them against their order (「基本目標 | 具体的な施策 | 基本的方向」: the measure's
 * word left of the middle level's): a plan's levels are printed broadest first, so their order decides — two
 * levels are the goal and the measure, three all three. (Read by the words, each row's cells crossed levels.)
 */
function levelsBroadestFirst(columns: ColumnMeaning[]): void {
  const levels = columns.filter((c) => rank(c) >= 0);
  const crossed = levels.some((c, i) => i > 0 && rank(c) < rank(levels[i - 1]!));
  // (Two neighbours of one level are a level's number and its name, or nested by nestLevelColumns: not crossed.)
  const paired = levels.some((c, i) => i > 0 && rank(c) === rank(levels[i - 1]!));
  if (!crossed || paired || levels.length > 3 || levels.some((c) => c.confirmed)) return;
  const fields = levels.length === 2 ? (["goal", "measure"] as const) : LEVELS;
  levels.forEach((c, i) => {
    c.field = fields[i]!;
  });
}

/** A level column's rank among the plan's levels (0 the broadest); -1 for any other column. */
const rank = (c: ColumnMeaning) => LEVELS.indexOf(c.field as Level);

/**
 * Two columns naming the same level (大垣市: 基本目標 | 具体的な施策 | 施策 — both 施策 words): a plan's levels are
 * printed broadest first, so the first of the two is the level above the second when that level is named by no
 * column (具体的な施策 the subgoal, 施策 the measure). With no free level between, the columns stay as read.
 */
function nestLevelColumns(columns: ColumnMeaning[]): void {
  const has = (f: string) => columns.some((c) => c.field === f);
  const levels = columns.filter((c) => rank(c) >= 0);
  for (let i = levels.length - 2; i >= 0; i--) {
    const [first, second] = [levels[i]!, levels[i + 1]!];
    if (first.field !== second.field || first.confirmed) continue;
    const above = levels.slice(0, i).map(rank);
    const floor = above.length > 0 ? Math.max(...above) : -1;
    const free = LEVELS.findLastIndex(
      (f, r) => r > floor && r < rank(first) && !columns.some((c) => c.field === f),
    );
    if (free >= 0) first.field = LEVELS[free]!;
    // No level free above (「プログラム名 | 重点項目」, both the plan's broadest words): the second is the level under
    // the first — the KPIs hang on it, so the measure when no column names one.
    // (Not 「政策 | 政策名」: a level's number and its name, joined later — level-name-columns.ts.)
    else if (!second.confirmed && !squash(second.header).startsWith(squash(first.header))) {
      const below = ["measure", "subgoal"].find((f) => LEVELS.indexOf(f as never) > rank(first) && !has(f));
      if (below) second.field = below as ColumnMeaning["field"];
    }
  }
}

/** Whether a row repeats the header (a page break), either of its rows. */
export function repeatsHeader(
  cells: readonly string[],
  header: FoundHeader,
  rowsOfHeader: readonly (readonly string[])[],
): boolean {
  const key = cells.map(squash).join("|").replace(/\|+$/, "");
  // A row of the form's column numbers (「No | ① | ② | … | ⑦」) printed over the header on each page.
  const numbers = cells.map((c) => c.trim()).filter((c) => c !== "");
  if (numbers.length >= 3 && numbers.every((c) => /^[①-⑳]$|^(no\.?|№)$/i.test(c))) return true;
  return rowsOfHeader.some((r) => r.map(squash).join("|").replace(/\|+$/, "") === key) || key === header.key;
}

/** Fields with the column indexes that carry them. */
export function columnsByField(columns: readonly ColumnMeaning[]): Map<Field, number[]> {
  const m = new Map<Field, number[]>();
  columns.forEach((c, i) => {
    const list = m.get(c.field) ?? [];
    list.push(i);
    m.set(c.field, list);
  });
  return m;
}

/**
 * Rows of two cells or more above the column names, as keys: a print repeats them at each page's top
 * (a Word table's first rows repeated as its header), where they are no rows of the table.
 */
export const topRowKeys = (rows: readonly SourceRow[]): Set<string> =>
  new Set(
    rows.filter((r) => new Set(r.cells.filter((c) => !isEmpty(c))).size >= 2).map((r) => r.cells.join("\t")),
  );
