/**
 * One indicator printed over several rows told apart by a role column (区分: 目標値 / 実績値) with the
 * years across (三重県's 成果レポート): the rows of one indicator become one row whose year columns
 * are split into that year's target and actual. Bare years (「28年度」) take the era the sheet's title
 * or other headers use.
 */

import type { Period } from "../core/period.ts";
import { eraOfActuals } from "./actuals-era.ts";
import type { ColumnMeaning } from "./column-fields.ts";
import { isEmpty, squash } from "./columns.ts";
import type { FoundHeader } from "./find-header.ts";
import { findYear } from "./header-years.ts";
import { type ImportIssue, NotASheet, type SourceRow } from "./types.ts";

// 「事業目標」 (a 施策進行管理・評価表: 事業目標 / 実績 under the row-label column 年度): the project's target row.
const TARGET_ROLE = /^((事業)?目標値?|計画値?|期待値|目安値|見込値?)$/;
const ACTUAL_ROLE = /^(実績値?|現状値|現在値)$/;

/** The era a text names (平成 in 「平成29年度 成果レポート」), or null. */
export function eraIn(text: string): string | null {
  return /(令和|平成)/.exec(text)?.[1] ?? null;
}

/** The era of a fiscal year a text names (「平成27年度」, 「令和元年度」), not of a date (「令和5年3月」). */
export function eraOfFiscalYear(text: string): string | null {
  return /(令和|平成)\s*(?:\d{1,2}|元)\s*年度/.exec(text)?.[1] ?? null;
}

/**
 * The era of a fiscal year a text prints in the Gregorian calendar (「2015年度 事務事業評価」 → 平成),
 * for a sheet whose title counts years so and whose grid prints bare 「27年度」.
 */
export function eraOfGregorian(text: string): string | null {
  const y = /(?<!\d)(19[89]\d|20\d\d)\s*年/.exec(text);
  if (!y) return null;
  const year = Number(y[1]);
  return year >= 2019 ? "令和" : "平成";
}

/**
 * Texts outside a table, added to as they are read, with the sheet's era (`era()`) — kept
 * as texts come, not searched again for every row (that was quadratic: 4 s for 20,000 rows).
 */
export class SheetTexts {
  /** An era naming a fiscal year (「平成27年度 事務事業評価」): the era the sheet counts its years in. */
  private fiscal: string | null;
  /** An era named anywhere else (a date on a cover: 「令和5年3月」, when the sheet was issued). */
  private named: string | null;
  private gregorian: string | null;
  /** The era of the year a profile gives (--profile fiscalYear), when the sheet names none. */
  private readonly given: string | null;
  constructor(
    readonly all: string[],
    fiscalYear?: number | null,
  ) {
    // (The era of a year named with 実績 first: a grid holds actuals — actuals-era.ts.)
    this.fiscal = [...all.map(eraOfActuals), ...all.map(eraOfFiscalYear)].find((e) => e !== null) ?? null;
    this.named = all.map(eraIn).find((e) => e !== null) ?? null;
    this.gregorian = all.map(eraOfGregorian).find((e) => e !== null) ?? null;
    this.given = fiscalYear ? eraOfGregorian(`${fiscalYear}年`) : null;
  }
  add(text: string): void {
    this.all.push(text);
    this.fiscal ??= eraOfActuals(text) ?? eraOfFiscalYear(text);
    this.named ??= eraIn(text);
    this.gregorian ??= eraOfGregorian(text);
  }
  /**
   * The era of a fiscal year named first (a sheet issued in 令和元年 on the results of 平成30年度 counts
   * its bare 「28年度」 in 平成); else an era named first; else the era of a Gregorian year printed
   * (「2015年度」: 平成); else the profile's; else "" — unknown: a bare 「27年度」 is 平成27 (2015) or
   * 令和27 (2045), and the reader does not guess.
   */
  era(): string {
    return this.fiscal ?? this.named ?? this.gregorian ?? this.given ?? "";
  }
  /** The era of a fiscal year named (not of a date): null when none is. */
  fiscalEra(): string | null {
    return this.fiscal;
  }
}

/** A grid's bare years (「27年度」) in a sheet that names no era: refused, naming the cell. */
export function eraUnknown(cell: string): NotASheet {
  const n = /\d{1,2}/.exec(squash(cell))?.[0] ?? "";
  return new NotASheet(
    "era_unknown",
    `年度「${squash(cell)}」に元号がなく、表題にも見出しにも元号や西暦の年度がないため、平成${n}年度(${1988 + Number(n)}年度)か令和${n}年度(${2018 + Number(n)}年度)か決められません。` +
      `表題に年度(例: 平成${n}年度)を書き足すか、--profile で fiscalYear を指定してください`,
  );
}

export function yearOfHeader(m: ColumnMeaning, era: string): Period | null {
  if (m.period) return m.period;
  const bare = /^(\d{1,2})年度?$/.exec(squash(m.header));
  if (!bare || era === "") return null;
  try {
    return findYear(`${era}${bare[1]}年度`);
  } catch {
    return null;
  }
}

const isRole = (t: string) => TARGET_ROLE.test(squash(t)) || ACTUAL_ROLE.test(squash(t));

/**
 * A role row that lost its first empty cell (a PDF's text: 「| | | 実績 | 980人 | …」 under 「| 事業名 | 所管課 |
 * 指標 | 年度 | …」), its role word one column left of where the other rows print theirs, the cells before it
 * empty and its last cell blank: the lost cell put back. No indicator is named 実績 or 目標値 alone.
 */
function unshiftRoleRow(r: SourceRow, rows: readonly SourceRow[], width: number): SourceRow {
  const at = r.cells.findIndex((t) => !isEmpty(t));
  if (at < 0 || !isRole(r.cells[at] ?? "") || !isEmpty(r.cells[width - 1] ?? "")) return r;
  // The other rows print their role words one column to the right, and none here.
  const others = rows.filter((o) => o !== r && isRole(o.cells[at + 1] ?? ""));
  if (others.length < 2 || rows.some((o) => o !== r && isRole(o.cells[at] ?? ""))) return r;
  return { ...r, cells: ["", ...r.cells.slice(0, width - 1)] };
}

/** Folds role rows into one row per indicator; returns the rows unchanged when there is no role column. */
export function foldRoleRows(
  header: FoundHeader,
  printed: SourceRow[],
  titles: readonly string[],
  issues: ImportIssue[],
  /** A profile's fiscal year: its era for bare years when the sheet names none. */
  fiscalYear?: number | null,
): SourceRow[] {
  const cols = header.columns;
  const rows = printed.map((r) => unshiftRoleRow(r, printed, cols.length));
  const roleCol = cols.findIndex((_, c) => {
    const cells = rows.map((r) => squash(r.cells[c] ?? "")).filter((t) => t !== "");
    return (
      cells.length >= 2 &&
      cells.every((t) => TARGET_ROLE.test(t) || ACTUAL_ROLE.test(t)) &&
      cells.some((t) => ACTUAL_ROLE.test(t))
    );
  });
  if (roleCol < 0) return printed;
  const era = new SheetTexts([...titles, ...cols.map((c) => c.header)], fiscalYear).era();
  const years = cols.flatMap((m, c) => {
    if (m.field !== "year" && !(m.field === "extra" && /^\d{1,2}年度?$/.test(squash(m.header)))) return [];
    if (era === "" && !m.period) throw eraUnknown(m.header);
    const p = yearOfHeader(m, era);
    return p ? [{ c, p }] : [];
  });
  if (years.length === 0) return rows;
  const indicatorCol = cols.findIndex((m) => m.field === "indicator");
  // New columns: the others as they were, then each year as its target and its actual.
  const keep = cols.map((_, c) => c).filter((c) => c !== roleCol && !years.some((y) => y.c === c));
  const next: ColumnMeaning[] = [
    ...keep.map((c) => cols[c]!),
    ...years.flatMap(({ c, p }) => [
      { ...cols[c]!, field: "target" as const, period: p, header: `${cols[c]!.header} 目標値` },
      { ...cols[c]!, field: "actual" as const, period: p, header: `${cols[c]!.header} 実績値` },
    ]),
  ];
  const out: SourceRow[] = [];
  let group: { first: SourceRow; target?: SourceRow; actual?: SourceRow } | null = null;
  const flush = () => {
    if (!group) return;
    const g = group;
    out.push({
      ...g.first,
      cells: [
        ...keep.map((c) => g.first.cells[c] ?? ""),
        ...years.flatMap(({ c }) => [g.target?.cells[c] ?? "", g.actual?.cells[c] ?? ""]),
      ],
    });
    group = null;
  };
  for (const r of rows) {
    const role = squash(r.cells[roleCol] ?? "");
    const starts = indicatorCol >= 0 && !isEmpty(r.cells[indicatorCol] ?? "");
    if (starts || !group) {
      flush();
      group = { first: r };
    }
    if (TARGET_ROLE.test(role)) group!.target = r;
    else if (ACTUAL_ROLE.test(role)) group!.actual = r;
  }
  flush();
  header.columns = next;
  issues.push({
    row: null,
    column: cols[roleCol]!.header,
    kind: "role_rows_folded",
    before: `${rows.length}行`,
    after: `${out.length}指標`,
    confidence: "high",
    message: `列「${cols[roleCol]!.header}」(目標値/実績値)で分かれた行を指標ごとに1行にまとめ、年度の列を目標値と実績値に分けた(年号のない年度は${era})`,
  });
  return out;
}

/**
 * Years side by side with no 実績 over them (「H31・R1年度 | R2年度」 beside 策定時 and 目標値): the
 * actuals of those years (reported), so that the evaluated year is the latest of them and not a
 * year in the title.
 */
export function yearsAsActuals(header: FoundHeader, issues: ImportIssue[]): void {
  const cols = header.columns;
  if (cols.some((c) => c.field === "actual") || !cols.some((c) => c.field === "year" && c.period)) return;
  cols.forEach((c, i) => {
    if (c.field !== "year" || !c.period) return;
    cols[i] = { ...c, field: "actual" };
    issues.push({
      row: null,
      column: c.header,
      kind: "year_column_as_actual",
      before: "年度",
      after: "実績値",
      confidence: "medium",
      message: `列「${c.header}」は年度だけの見出し: 実績の列がないため、その年度の実績値として読んだ`,
    });
  });
}

/**
 * Bare years beside a column of actuals and no other value column (「H27 | H31 | H28実績値」, 出雲市): a year
 * before every actual's is where the plan started (the baseline), a year after them the target to reach
 * (the final target, by its year). A year among the actuals' is left as it is.
 */
export function yearsAroundActuals(header: FoundHeader, issues: ImportIssue[]): void {
  const cols = header.columns;
  const roles = ["baseline", "target", "finalTarget"];
  if (cols.some((c) => roles.includes(c.field))) return;
  const actualYears = cols.flatMap((c) => (c.field === "actual" && c.period ? [c.period.year] : []));
  if (actualYears.length === 0) return;
  const first = Math.min(...actualYears);
  const last = Math.max(...actualYears);
  cols.forEach((c, i) => {
    if (c.field !== "year" || !c.period || c.confirmed) return;
    const field = c.period.year < first ? "baseline" : c.period.year > last ? "target" : null;
    if (!field) return;
    cols[i] = { ...c, field };
    issues.push({
      row: null,
      column: c.header,
      kind: "column_read_by_content",
      before: "年度",
      after: field === "baseline" ? "基準値" : "目標値",
      confidence: "medium",
      message: `列「${c.header}」は年度だけの見出し: 実績の年度(${first}〜${last}年度)より${field === "baseline" ? "前なので基準値" : "後なので目標値"}として読んだ`,
    });
  });
}

/**
 * Years under a group named for how far the target got (「施策目標の達成状況」 over 平成27年度 … 平成31年度,
 * beside a 単位 column) holding figures: each year's actual, when the table has no actual column. A single
 * 「目標達成状況」 column (no year) over figures stays the printed rate (settleByContent); ratings under the
 * years (A / B / C) stay ratings.
 */
export function progressYearsAsActuals(
  header: FoundHeader,
  rows: readonly SourceRow[],
  issues: ImportIssue[],
): void {
  const cols = header.columns;
  if (cols.some((c) => c.field === "actual")) return;
  const progress = (c: ColumnMeaning) =>
    c.field === "evaluation" &&
    c.period !== null &&
    !c.confirmed &&
    /(達成|進捗)状況|推移/.test(c.header) &&
    !/評価|判定|区分/.test(c.header);
  const at = cols.flatMap((c, i) => (progress(c) ? [i] : []));
  if (at.length < 2) return;
  // (A heading merged across the sheet, 「基本戦略② …」 in every cell, is no row of the columns.)
  const records = rows.filter((r) => new Set(r.cells.map(squash).filter((t) => t !== "")).size > 1);
  const cells = at.flatMap((i) => records.map((r) => squash(r.cells[i] ?? "")).filter((t) => t !== ""));
  const figures = cells.filter((t) => /^[▲△+\-−]?\d[\d,.]*/.test(t));
  // A percentage is a rate unless its row's unit (a 単位 column) is 「%」: then it is the figure itself.
  const unitCol = cols.findIndex((c) => c.field === "unit");
  const rated = records.some((r) =>
    at.some((i) => /%$/.test(squash(r.cells[i] ?? "")) && squash(r.cells[unitCol] ?? "") !== "%"),
  );
  if (figures.length * 2 <= cells.length || rated) return;
  readAsActuals(cols, at, "評価", "達成状況の見出しの下の年度で数値を収めているため", issues);
}

/** Columns read as the actuals of their years by what they hold, each said in the report (`why`). */
export function readAsActuals(
  cols: ColumnMeaning[],
  at: readonly number[],
  before: string,
  why: string,
  issues: ImportIssue[],
): void {
  for (const i of at) {
    const c = cols[i]!;
    cols[i] = { ...c, field: "actual" };
    issues.push({
      row: null,
      column: c.header,
      kind: "column_read_by_content",
      before,
      after: "実績値",
      confidence: "medium",
      message: `列「${c.header}」は${why}、その年度の実績値として読んだ`,
    });
  }
}

/**
 * 「目安値(29年度)」, 「目標(32年度)」: a role's column naming its year in brackets without an era (千葉県) —
 * the era of the sheet's title (平成29年度), as a grid's bare 「27年度」 takes it. With no era anywhere the
 * column keeps no year (the title's year then stands for this year's; nothing is guessed).
 */
export function bracketedBareYears(header: FoundHeader, texts: string[], fiscalYear?: number | null): void {
  const roles = new Set(["baseline", "target", "actual", "finalTarget"]);
  const cols = header.columns;
  if (!cols.some((c) => roles.has(c.field) && !c.period && /[(（]\d{1,2}年度?[)）]/.test(squash(c.header))))
    return;
  // A fiscal year's era named outside first; then the era the header's own years print (over an era named
  // only in a date under the title, 「令和7年3月31日」: when the sheet was issued, not what it counts in).
  const outside = new SheetTexts(texts, fiscalYear);
  const era = outside.fiscalEra() ?? (eraOfHeader(cols) || outside.era());
  if (era === "") return;
  cols.forEach((c, i) => {
    const bare = /[(（](\d{1,2})年(度)?[)）]/.exec(squash(c.header));
    if (!roles.has(c.field) || c.period || !bare) return;
    const p = findYear(`${era}${bare[1]}年${bare[2] ?? ""}`);
    if (p) cols[i] = { ...c, period: p };
  });
}

/**
 * The one era the header's own year columns print or fall in (「工程 H23 | H24 | H25」 beside 「実績値(24年度)」:
 * 平成; 「2011年度 | 2013年度」: 平成 too, as a title's Gregorian year gives it), for a sheet whose title names
 * none; "" when they print none or fall in both eras (nothing is guessed).
 */
export function eraOfHeader(cols: readonly { header: string; period?: unknown }[]): string {
  const eras = new Set(
    cols.flatMap((c) => {
      if (!c.period) return [];
      const h = squash(c.header);
      const m = /(平成|令和|(?<![A-Za-z])[HR](?=\s*(?:\d{1,2}|元)(?!\d)))/.exec(h);
      const era = m ? (m[1] === "H" ? "平成" : m[1] === "R" ? "令和" : m[1]!) : eraOfGregorian(h);
      return era ? [era] : [];
    }),
  );
  return eras.size === 1 ? [...eras][0]! : "";
}
