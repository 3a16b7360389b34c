/**
 * The import pipeline shared by the Markdown, CSV and XLSX readers:
 * drop headers → realign shifted rows → fill/repair hierarchy → resolve <br> → parse values → report.
 */
import type { Period } from "../core/period.ts";
import type { EvaluationScale, Kpi, Sheet, StatedEvaluation, Value } from "../core/sheet.ts";
import { parseValue } from "../core/value/parse-value.ts";
import { COLUMN_COUNT, COLUMN_KEYS, COLUMN_NAMES_JA, isGroupHeaderRow, isHeaderRow } from "./columns.ts";
import { readEvaluation } from "./general-values.ts";
import { type HeaderYears, readHeaderYears } from "./header-years.ts";
import { clearLabelCache, parseEvaluationLabel } from "./parse-evaluation-label.ts";
import { isSeparatorRow } from "./read-markdown-table.ts";
import { type AlignedRow, alignCells, clearTraitsCache } from "./realign-rows.ts";
import { repairHierarchy } from "./repair-hierarchy.ts";
import { type BreakCell, createBreakResolver, type Resolved } from "./resolve-breaks.ts";
import { clearLinesCache, endsSentence, isBlank, splitLines } from "./text-lines.ts";
import {
  type DroppedCell,
  type ImportFormat,
  type ImportIssue,
  type ImportReport,
  NotASheet,
  type SourceTable,
} from "./types.ts";
import { hiddenDropped, hiddenIssue, printedAgainDropped } from "./unread-cells.ts";

export interface TableImport {
  sheet: Sheet;
  report: ImportReport;
}

const isEmpty = isBlank;
const colName = (i: number) => (i < COLUMN_COUNT ? COLUMN_NAMES_JA[COLUMN_KEYS[i]!] : `${i + 1}列目`);
const short = (t: string) => {
  const one = splitLines(t).join("");
  return one.length > 16 ? `${one.slice(0, 15)}…` : one;
};
const LIST_COLUMNS = new Set([3, 13]);
const isDash = (t: string) => /^[-‐－―ー−]$/.test(t.trim());

/**
 * Group-header rows: the known one (基本情報/取組内容/…), or any row of a few short words without
 * numbers printed directly above a column-name row (separators in between allowed).
 */
function findGroupHeaderRows(table: SourceTable, headerRows: readonly boolean[]): Set<number> {
  const found = new Set<number>();
  table.rows.forEach((r, i) => {
    if (isGroupHeaderRow(r.cells)) found.add(i);
    if (!headerRows[i]) return;
    let j = i - 1;
    while (j >= 0 && isSeparatorRow(table.rows[j]!.cells)) j--;
    const above = table.rows[j];
    if (!above || headerRows[j]) return;
    const words = above.cells.map((c) => splitLines(c).join("")).filter((c) => c !== "");
    if (
      words.length > 0 &&
      words.length <= 7 &&
      words.every((w) => w.length <= 12 && !/[0-9０-９。]/.test(w))
    )
      found.add(j);
  });
  return found;
}

/**
 * Markdown tables (runs of `|` lines) that are not part of the sheet: no column-name row, and every
 * row far narrower than 14 columns (a summary table printed after the sheet, say).
 */
function findOtherTables(table: SourceTable, headerRows: readonly boolean[]): Set<number> {
  const blocks = new Map<number, { rows: SourceTable["rows"]; hasHeader: boolean }>();
  table.rows.forEach((r, i) => {
    if (r.block === undefined) return;
    let b = blocks.get(r.block);
    if (!b) {
      b = { rows: [], hasHeader: false };
      blocks.set(r.block, b);
    }
    b.rows.push(r);
    if (headerRows[i]) b.hasHeader = true;
  });
  const other = new Set<number>();
  for (const [b, { rows, hasHeader }] of blocks) {
    const narrow = rows.every((r) => r.cells.findLastIndex((c) => !isEmpty(c)) < COLUMN_COUNT - 5);
    if (narrow && !hasHeader) other.add(b);
  }
  return other;
}

// Per-KPI helpers at module level (not closures per KPI: under tsx each named closure costs a defineProperty).
const NO_TEXT: Resolved = { text: "", items: [] };
/** A text column: empty or a dash is null. */
const textOf = (r: Resolved): string | null => (r.text === "" || isDash(r.text) ? null : r.text);
/** A list column without dashes. */
const listOf = (r: Resolved): string[] => r.items.filter((t) => !isDash(t));

/** A value cell through the core's parser; unreadable text is kept as text and reported. */
function readValue(t: string, period: Period, row: number, col: number, issues: ImportIssue[]): Value {
  const r = parseValue(t, period);
  if (r.ok) return r.value;
  issues.push({
    row,
    column: colName(col),
    kind: "value_unreadable",
    before: t,
    after: null,
    confidence: "low",
    message: `数値として読めないため文字として保持: ${r.problem.message} [${r.problem.code}]`,
  });
  return { kind: "text", text: t, raw: t };
}

export function importTable(
  table: SourceTable,
  format: ImportFormat,
  source: string,
  /** measured: a PDF's cells, whose certain breaks the reader marked (resolve-breaks.ts). */
  /** scale: one given with the import (`--scale`, the municipality's saved one) for labels not the seed's. */
  options: { authored: boolean; measured?: boolean; scale?: EvaluationScale | null },
): TableImport {
  // The per-text caches (lines, cell traits, labels) serve one import: emptied here so that no
  // import's cells are held after it, and so that a benchmark repeating a file measures cold imports.
  clearLinesCache();
  clearTraitsCache();
  clearLabelCache();
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
  total += (table.printedAgain?.length ?? 0) + (table.hidden?.length ?? 0);
  dropped.push(...printedAgainDropped(table), ...hiddenDropped(table));
  const hidden = hiddenIssue(table);
  if (hidden) issues.push(hidden);

  // 1. Headers, group headers and separators are dropped; each column-name row starts a page.
  let years: HeaderYears | null = null;
  let page = 0;
  let sawHeader = false;
  const data: { row: number; page: number; cells: string[] }[] = [];
  // Whether each row is a column-name row: asked by three passes, computed once (it folds every cell).
  const headerRows = table.rows.map((r) => isHeaderRow(r.cells));
  const groupRows = findGroupHeaderRows(table, headerRows);
  const otherTables = findOtherTables(table, headerRows);
  for (const [index, r] of table.rows.entries()) {
    total += r.cells.filter((c) => !isEmpty(c)).length;
    if (r.cells.every(isEmpty)) continue;
    if (r.block !== undefined && otherTables.has(r.block)) dropRow(r.row, r.cells, "評価シート以外の表");
    else if (isSeparatorRow(r.cells)) dropRow(r.row, r.cells, "区切り行");
    else if (groupRows.has(index)) dropRow(r.row, r.cells, "グループ見出し行");
    else if (headerRows[index]) {
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
    } else if (!sawHeader) dropRow(r.row, r.cells, "列見出しより前の行(表題など)");
    else data.push({ row: r.row, page, cells: r.cells });
  }
  if (!sawHeader)
    throw new NotASheet(
      "unrecognised_columns",
      "評価シートの列見出し(大基本目標・指標名・進捗評価など)が見つかりません",
    );
  if (!years)
    throw new NotASheet("no_fiscal_year", "列見出しから評価年度(令和N年度実績値など)を読み取れません");
  const fy = years.fiscalYear;

  for (const d of data) used += d.cells.filter((c) => !isEmpty(c)).length;

  // 2. Realign rows printed one column to the left (or with a spacer too many).
  let aligned: AlignedRow[] = [];
  for (const d of data) {
    const a = alignCells(d.cells);
    if (!a)
      throw new NotASheet("row_unreadable", `${d.row}行目: セルの数(${d.cells.length})が14列に合いません`);
    const h = a.hierarchyPrinted;
    const mid = a.inserted.filter((i) => i >= 3);
    const lastFilled = d.cells.findLastIndex((c) => !isEmpty(c));
    const spacers = a.removed.filter((i) => i < lastFilled);
    if (h < 3)
      issues.push({
        row: d.row,
        column: `${colName(3)}〜${colName(COLUMN_COUNT - 1)}`,
        kind: "row_realigned",
        before: `「${short(d.cells[h] ?? "")}」が${colName(h)}列 (${d.cells.length}セル)`,
        after: `「${short(d.cells[h] ?? "")}」を${colName(3)}列へ`,
        confidence: "high",
        message: `左に${3 - h}列ずれて印字された行を元の列に戻した(評価・数値・担当課の位置から判断)`,
      });
    for (const j of mid)
      issues.push({
        row: d.row,
        column: colName(j),
        kind: "cell_inserted",
        before: null,
        after: "",
        confidence: "medium",
        message: `セルが一つ欠けているため${colName(j)}を空欄とした(評価・数値・担当課の位置から判断)`,
      });
    for (const i of spacers)
      issues.push({
        row: d.row,
        column: `${i + 1}セル目`,
        kind: "spacer_removed",
        before: "",
        after: null,
        confidence: "high",
        message: "列を増やしていた空のセルを除いた",
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
        const before = prev.cells[c] ?? "";
        if (isEmpty(t)) return;
        if (isEmpty(before)) prev.cells[c] = t;
        else if (LIST_COLUMNS.has(c)) {
          // A department or initiative repeated on the continuation is the same one.
          if (!splitLines(before).includes(splitLines(t).join(""))) prev.cells[c] = `${before}<br>${t}`;
        } else {
          // A cell cut by the page break: the pieces join unless the first ends a sentence.
          const last = splitLines(before).at(-1) ?? "";
          prev.cells[c] = endsSentence(last) ? `${before}<br>${t}` : `${before}${t}`;
        }
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
  // A row with only hierarchy cells is a heading: its titles apply to the rows below; it is no KPI.
  const isHeading = (a: AlignedRow) => a.cells.slice(3).every(isEmpty);
  for (const a of merged)
    if (isHeading(a))
      issues.push({
        row: a.row,
        column: null,
        kind: "heading_row",
        before: a.cells.filter((t) => !isEmpty(t)).join(" | "),
        after: null,
        confidence: "high",
        message: "階層の題名だけの行: 下の行の階層として使い、指標にはしない",
      });
  if (merged.every(isHeading)) throw new NotASheet("no_kpis", "指標(KPI)の行が一つもありません");

  // 4. Hierarchy.
  const hierarchyIssues: ImportIssue[] = [];
  const allHierarchy = repairHierarchy(merged, hierarchyIssues);
  const headingRows = new Set(merged.filter(isHeading).map((a) => a.row));
  // A heading row names only the levels it starts; the rest is not missing.
  issues.push(
    ...hierarchyIssues.filter((i) => !(i.kind === "hierarchy_missing" && headingRows.has(i.row ?? -1))),
  );
  const hierarchy = allHierarchy.filter((_, i) => !isHeading(merged[i]!));
  aligned = merged.filter((a) => !isHeading(a));

  // 5. Line breaks.
  const breakCells: BreakCell[] = [];
  for (const a of aligned)
    for (let col = 3; col < COLUMN_COUNT; col++)
      breakCells.push({ row: a.row, page: a.page, col, text: a.cells[col] ?? "" });
  const resolver = createBreakResolver(breakCells, options.authored, issues, options.measured);

  // 6. KPIs.
  const fiscal: Period = { year: fy, basis: "fiscal" };
  const finalPeriod = years.finalPeriod ?? fiscal;
  const kpis: Kpi[] = aligned.map((a, i) => {
    const resolved = a.cells.map((text, col) =>
      col >= 3 ? resolver.resolve({ row: a.row, page: a.page, col, text }) : { text: "", items: [] },
    );
    const get = (col: number) => resolved[col] ?? NO_TEXT;
    const value = (col: number, period: Period) => readValue(get(col).text, period, a.row, col, issues);
    const evaluation = seedEvaluation(get(9).text, options.scale ?? null, (message) =>
      issues.push({
        row: a.row,
        column: colName(9),
        kind: "evaluation_label_unknown",
        before: get(9).text,
        after: null,
        confidence: "low",
        message,
      }),
    );
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
      initiatives: listOf(get(3)),
      status: textOf(get(4)),
      indicator,
      target: value(6, fiscal),
      actual: value(7, fiscal),
      finalTarget: value(8, finalPeriod),
      evaluation,
      reason: textOf(get(10)),
      challenge: textOf(get(11)),
      nextSteps: textOf(get(12)),
      departments: listOf(get(13)),
    };
  });

  // 〃 / 同上 in the department column: the department of the row above.
  kpis.forEach((k, i) => {
    const prev = kpis[i - 1];
    if (prev && k.departments.length === 1 && /^(〃|同上|同|″|”)$/.test(k.departments[0]!)) {
      issues.push({
        row: aligned[i]!.row,
        column: colName(13),
        kind: "ditto_resolved",
        before: k.departments[0]!,
        after: prev.departments.join("・"),
        confidence: "high",
        message: "「〃」(同上)を上の行の担当課とした",
      });
      k.departments = [...prev.departments];
    }
  });

  const sheet: Sheet = { format: "sheet/1", municipality: null, fiscalYear: fy, source, kpis };
  return {
    sheet,
    report: { format, source, kpiCount: kpis.length, issues, cells: { total, used, dropped } },
  };
}

/**
 * The seed's four labels, or — a city printing the seed's columns with words of its own — the label
 * read as any table's is: by the scale given with the import, the national form, or a word that says
 * its category (「目標未達」). A label none of these reads is kept as not evaluable here and refused
 * after the reading (`checkLabelsExplained`): the seed's path made it 評価不可 with exit 0 before, a
 * category made up, where every other layout refused it.
 */
function seedEvaluation(
  text: string,
  scale: EvaluationScale | null,
  issue: (message: string) => void,
): StatedEvaluation {
  const label = parseEvaluationLabel(text);
  return label.known ? label.evaluation : readEvaluation(text, scale, issue);
}
