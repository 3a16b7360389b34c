/**
 * The import pipeline shared by the Markdown, CSV and XLSX readers:
 * drop headers → realign shifted rows → fill/repair hierarchy → resolve <br> → parse values → report.
 */
import type { Period } from "../core/period.ts";
import type { Kpi, Sheet, Value } from "../core/sheet.ts";
import { parseValue } from "../core/value/parse-value.ts";
import { COLUMN_COUNT, COLUMN_KEYS, COLUMN_NAMES_JA, isGroupHeaderRow, isHeaderRow } from "./columns.ts";
import { type HeaderYears, readHeaderYears } from "./header-years.ts";
import { parseEvaluationLabel } from "./parse-evaluation-label.ts";
import { isSeparatorRow } from "./read-markdown-table.ts";
import { type AlignedRow, alignCells } from "./realign-rows.ts";
import { repairHierarchy } from "./repair-hierarchy.ts";
import { type BreakCell, createBreakResolver } from "./resolve-breaks.ts";
import { splitLines } from "./text-lines.ts";
import { type DroppedCell, type ImportFormat, type ImportIssue, type ImportReport, NotASheet, type SourceTable } from "./types.ts";

export interface TableImport {
  sheet: Sheet;
  report: ImportReport;
}

const isEmpty = (t: string) => splitLines(t).length === 0;
const colName = (i: number) => (i < COLUMN_COUNT ? COLUMN_NAMES_JA[COLUMN_KEYS[i]!] : `${i + 1}列目`);
const isDash = (t: string) => /^[-‐－―ー−]$/.test(t.trim());

export function importTable(
  table: SourceTable,
  format: ImportFormat,
  source: string,
  options: { authored: boolean },
): TableImport {
  const issues: ImportIssue[] = [];
  const dropped: DroppedCell[] = [];
  let total = 0;
  let used = 0;
  const dropRow = (row: number, cells: readonly string[], reason: string) => {
    cells.forEach((text, i) => {
      if (!isEmpty(text)) dropped.push({ row, column: colName(i), text, reason });
    });
  };
  for (const o of table.outside) {
    total++;
    dropped.push({ row: o.row, column: "表の外", text: o.text, reason: "表の外の文" });
  }

  // 1. Headers, group headers and separators are dropped; each column-name row starts a page.
  let years: HeaderYears | null = null;
  let page = 0;
  let sawHeader = false;
  const data: { row: number; page: number; cells: string[] }[] = [];
  for (const r of table.rows) {
    total += r.cells.filter((c) => !isEmpty(c)).length;
    if (r.cells.every(isEmpty)) continue;
    if (isSeparatorRow(r.cells)) dropRow(r.row, r.cells, "区切り行");
    else if (isGroupHeaderRow(r.cells)) dropRow(r.row, r.cells, "グループ見出し行");
    else if (isHeaderRow(r.cells)) {
      const y = readHeaderYears(r.cells);
      if (!years && y) {
        years = y;
        issues.push({
          row: r.row,
          column: "列見出し",
          kind: "header_years",
          before: [y.fiscalText, y.finalText].filter(Boolean).join(" / "),
          after: `${y.fiscalYear}年度${y.finalPeriod ? ` / 最終目標 ${y.finalPeriod.year}${y.finalPeriod.basis === "fiscal" ? "年度" : "年"}` : ""}`,
          confidence: "certain",
          message: "列見出しから評価年度と最終目標年度を読み取り",
        });
      } else if (years && y && y.fiscalYear !== years.fiscalYear)
        issues.push({
          row: r.row,
          column: "列見出し",
          kind: "header_year_mismatch",
          before: y.fiscalText,
          after: String(years.fiscalYear),
          confidence: "low",
          message: `この列見出しの年度(${y.fiscalYear})が最初の見出し(${years.fiscalYear})と異なります`,
        });
      dropRow(r.row, r.cells, sawHeader ? "列見出しの繰り返し(改ページ)" : "列見出し");
      sawHeader = true;
      page++;
    } else {
      if (!sawHeader) throw new NotASheet("unrecognised_columns", "評価シートの列見出し(大基本目標・指標名・進捗評価など)が見つかりません");
      data.push({ row: r.row, page, cells: r.cells });
    }
  }
  if (!sawHeader)
    throw new NotASheet("unrecognised_columns", "評価シートの列見出し(大基本目標・指標名・進捗評価など)が見つかりません");
  if (!years) throw new NotASheet("no_fiscal_year", "列見出しから評価年度(令和N年度実績値など)を読み取れません");
  const fy = years.fiscalYear;

  for (const d of data) used += d.cells.filter((c) => !isEmpty(c)).length;

  // 2. Realign rows printed one column to the left (or with a spacer too many).
  let aligned: AlignedRow[] = [];
  for (const d of data) {
    const a = alignCells(d.cells);
    if (!a)
      throw new NotASheet(
        "row_unreadable",
        `${d.row}行目: セルの数(${d.cells.length})が14列に合いません`,
      );
    if (a.inserted.length > 0 || a.removed.some((i) => i < d.cells.length - 1))
      issues.push({
        row: d.row,
        column: a.inserted.map(colName).join("・") || null,
        kind: "row_realigned",
        before: `${d.cells.length}セル`,
        after: `${a.inserted.length > 0 ? `${a.inserted.map(colName).join("・")}に空欄を補い` : ""}${COLUMN_COUNT}列に整列`,
        confidence: "high",
        message: "左に1列ずれて印字された行を元の列に戻した(評価・数値・担当課の位置から判断)",
      });
    aligned.push({ row: d.row, page: d.page, ...a });
  }

  // 3. Rows without an indicator, values or label continue the KPI above (a row split by the extractor).
  const merged: AlignedRow[] = [];
  for (const a of aligned) {
    const kpiCells = [5, 6, 7, 8, 9].map((c) => a.cells[c] ?? "");
    const prev = merged.at(-1);
    if (kpiCells.every(isEmpty) && a.cells.slice(0, 3).every(isEmpty) && prev) {
      a.cells.forEach((t, c) => {
        if (!isEmpty(t)) prev.cells[c] = isEmpty(prev.cells[c] ?? "") ? t : `${prev.cells[c]}<br>${t}`;
      });
      issues.push({
        row: a.row,
        column: null,
        kind: "row_merged",
        before: a.cells.filter((t) => !isEmpty(t)).join(" | "),
        after: `${prev.row}行目に連結`,
        confidence: "medium",
        message: "指標名・数値・評価のない行を上の行の続きとして連結",
      });
    } else merged.push(a);
  }
  aligned = merged;
  if (aligned.length === 0) throw new NotASheet("no_kpis", "指標(KPI)の行が一つもありません");

  // 4. Hierarchy.
  const hierarchy = repairHierarchy(aligned, issues);

  // 5. Line breaks.
  const breakCells: BreakCell[] = [];
  for (const a of aligned)
    for (let col = 3; col < COLUMN_COUNT; col++) breakCells.push({ row: a.row, page: a.page, col, text: a.cells[col] ?? "" });
  const resolver = createBreakResolver(breakCells, options.authored, issues);

  // 6. KPIs.
  const fiscal: Period = { year: fy, basis: "fiscal" };
  const finalPeriod = years.finalPeriod ?? fiscal;
  const kpis: Kpi[] = aligned.map((a, i) => {
    const resolved = a.cells.map((text, col) =>
      col >= 3 ? resolver.resolve({ row: a.row, page: a.page, col, text }) : { text: "", items: [] },
    );
    const get = (col: number) => resolved[col] ?? { text: "", items: [] };
    const text = (col: number): string | null => {
      const t = get(col).text;
      return t === "" || isDash(t) ? null : t;
    };
    const list = (col: number) => get(col).items.filter((t) => !isDash(t));
    const value = (col: number, period: Period): Value => {
      const t = get(col).text;
      const r = parseValue(t, period);
      if (r.ok) return r.value;
      issues.push({
        row: a.row,
        column: colName(col),
        kind: "value_unreadable",
        before: t,
        after: null,
        confidence: "low",
        message: `数値として読めないため文字として保持: ${r.problem.message} [${r.problem.code}]`,
      });
      return { kind: "text", text: t, raw: t };
    };
    const label = parseEvaluationLabel(get(9).text);
    if (!label.known)
      issues.push({
        row: a.row,
        column: colName(9),
        kind: "evaluation_label_unknown",
        before: get(9).text,
        after: "not_evaluable",
        confidence: "low",
        message: `未知の進捗評価「${get(9).text}」: 表記を保持し、区分は評価不可とした`,
      });
    const indicator = get(5).items.join("");
    if (indicator === "")
      issues.push({
        row: a.row,
        column: colName(5),
        kind: "indicator_missing",
        before: null,
        after: null,
        confidence: "low",
        message: "指標名が空です",
      });
    const h = hierarchy[i]!;
    return {
      row: i + 1,
      goal: h.goal,
      subgoal: h.subgoal,
      measure: h.measure,
      initiatives: list(3),
      status: text(4),
      indicator,
      target: value(6, fiscal),
      actual: value(7, fiscal),
      finalTarget: value(8, finalPeriod),
      evaluation: label.evaluation,
      reason: text(10),
      challenge: text(11),
      nextSteps: text(12),
      departments: list(13),
    };
  });

  const sheet: Sheet = { format: "sheet/1", municipality: null, fiscalYear: fy, source, kpis };
  return {
    sheet,
    report: { format, source, kpiCount: kpis.length, issues, cells: { total, used, dropped } },
  };
}
