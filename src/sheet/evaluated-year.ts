import { parseValue } from "../core/value/parse-value.ts";
import { isEmpty, squash } from "./columns.ts";
import type { FoundHeader } from "./find-header.ts";
import { cleanValueText } from "./general-values.ts";
import { findYear } from "./header-years.ts";
import type { ImportProfile } from "./import-profile.ts";
import { isSourceNote } from "./read-legend.ts";
import { fiscalYearFromTargetMonths, fiscalYearOfSenkouGrant } from "./target-month.ts";
import { leadingEraYear } from "./title-era-year.ts";
import type { ImportIssue, SourceRow } from "./types.ts";
import { NotASheet } from "./types.ts";

/**
 * A footnote under the table (「※3 平成25年度の初期値は…」, 「注1 …」) says something about one value — the
 * year it names is that value's, never the year the sheet evaluates.
 */
const FOOTNOTE = /^\s*(?:※|\*|注\s*[0-9０-９]*\s*[:：)）\s])/;

/**
 * The year printed in an actual's cell: on a line of its own (「(2020年度)<br>38.5%」) or bracketed
 * right after the figure (「41.6%(平成28年度)」, as the value itself is read); null when none.
 */
export function cellYear(text: string): number | null {
  const own = cleanValueText(text).period?.year;
  if (own) return own;
  const read = parseValue(text, { year: 0, basis: "fiscal" });
  return read.ok && read.value.kind === "number" && read.value.period.year > 0
    ? read.value.period.year
    : null;
}

/**
 * A cell with no figure: empty, or a dash alone (「―」, round 54: 奈良県's R5 / R6 実績 columns, 「「―」は実績値が
 * 未確定のもの」 — a column of dashes is a year not yet reported, as an empty one is).
 */
const noFigure = (text: string) => isEmpty(text) || /^[-‐－―ー−]$/.test(squash(text));

/**
 * The fiscal year a table of any layout is evaluated for: the latest year whose 実績 column holds
 * data (lagging statistics leave later columns empty), else the latest year printed in an actual's
 * cell, else the title's year, else the one year every 目標年月 names, else the 先行型 grant's year
 * (2015); a profile's fiscalYear wins.
 * Refuses when nothing says it (a year column with no value, or no year at all).
 */
export function evaluatedYear(
  segments: readonly { header: FoundHeader; rows: readonly { row: SourceRow }[] }[],
  sheetTexts: readonly string[],
  profile: ImportProfile | null | undefined,
  issues: ImportIssue[],
): number {
  const allActualYears: { year: number; filled: number }[] = [];
  for (const s of segments)
    s.header.columns.forEach((c, col) => {
      if (c.field === "actual" && c.period)
        allActualYears.push({
          year: c.period.year,
          filled: s.rows.filter((x) => !noFigure(x.row.cells[col] ?? "")).length,
        });
    });
  let fy: number | null = null;
  const withData = allActualYears.filter((a) => a.filled > 0).map((a) => a.year);
  if (withData.length > 0) fy = Math.max(...withData);
  const emptyLater = allActualYears.filter((a) => a.filled === 0 && (fy === null || a.year > fy));
  for (const e of emptyLater)
    issues.push({
      row: null,
      column: `${e.year}年度実績`,
      kind: "actual_column_empty",
      before: null,
      after: fy ? String(fy) : null,
      confidence: "high",
      message: `${e.year}年度の実績列は空(統計の公表待ち): 評価年度は実績のある最新年度 ${fy}年度とした`,
    });
  if (fy === null) {
    // Values printed with their own year 「(2020年度)<br>38.5%」: the latest year of an actual.
    const cellYears = segments.flatMap((seg) =>
      seg.header.columns.flatMap((c, col) =>
        c.field === "actual" || (c.field === "target" && /期待値|目安値|見込|計画値/.test(squash(c.header)))
          ? seg.rows.flatMap((x) => cellYear(x.row.cells[col] ?? "") ?? [])
          : [],
      ),
    );
    if (cellYears.length > 0) {
      fy = Math.max(...cellYears);
      issues.push({
        row: null,
        column: "実績値",
        kind: "fiscal_year_from_cells",
        before: null,
        after: String(fy),
        confidence: "medium",
        message: `実績値のセルに書かれた年度のうち最新の ${fy}年度を評価年度とした(指標ごとの年度はセルのとおり)`,
      });
    }
  }
  // The title's year: 「令和3年度 …」 anywhere in it, else an era year glued to its first words (「H27地域…」).
  const fromTitle = (year: (t: string) => number | null, how: string) => {
    if (fy !== null) return;
    // (A note naming where the sheet comes from — 「出典: …の H31 年度の欄から」 — quotes other years: no title.)
    const t = sheetTexts.find((x) => !FOOTNOTE.test(x) && !isSourceNote(x) && year(x) !== null);
    if (!t) return;
    fy = year(t);
    issues.push({
      row: null,
      column: "表題",
      kind: "fiscal_year_from_title",
      before: t.slice(0, 40),
      after: String(fy),
      confidence: "medium",
      message: `実績の列に年度がないため、${how}を評価年度とした`,
    });
  };
  fromTitle((t) => (/年度/.test(t) ? (findYear(t)?.year ?? null) : null), "表題の年度");
  fromTitle(leadingEraYear, "表題の冒頭の年度(「H27…」)");
  fy ??= fiscalYearFromTargetMonths(segments, issues);
  fy ??= fiscalYearOfSenkouGrant(sheetTexts, issues);
  if (fy === null) {
    const lone = allActualYears.find((a) => a.filled === 0);
    if (lone)
      throw new NotASheet(
        "column_contradiction",
        `列「${lone.year}年度実績」は見出しに年度があるのに値が一つもありません。評価年度を読めないため、--profile で評価年度(fiscalYear)を指定してください`,
      );
    if (profile?.fiscalYear) fy = profile.fiscalYear;
    else
      throw new NotASheet(
        "no_fiscal_year",
        "評価年度を読み取れません(実績の列見出しにも表題にも年度がありません)。--profile で fiscalYear を指定してください",
      );
  }
  if (profile?.fiscalYear) fy = profile.fiscalYear;
  return fy;
}
