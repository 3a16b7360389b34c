/**
 * Chooses how to read a table: every layout goes through the header recogniser; a header in the
 * seed's 14 columns (one 実績値 year, its 目標値 and the final 目標値) is read by the 14-column repair
 * pipeline (realignment by evidence, hierarchy repair, <br> meanings), any other by the
 * layout-general reader, and blocks of key–value rows as cards.
 */

import type { EvaluationScale, Value } from "../core/sheet.ts";
import { broadestAsGoal } from "./broadest-level.ts";
import { isSeedHeader, squash } from "./columns.ts";
import { computedRateColumn } from "./computed-rate-column.ts";
import type { Field } from "./field.ts";
import { foldTableWidths } from "./fold-widths.ts";
import type { ImportProfile } from "./import-profile.ts";
import { importTable, type TableImport } from "./import-table.ts";
import { checkJoinedRows } from "./joined-rows.ts";
import { foldLabelledBlocks } from "./labelled-blocks.ts";
import { checkLabelsExplained } from "./labels-explained.ts";
import { readLegendTables } from "./legend-tables.ts";
import { isKnownEvaluationLabel, parseEvaluationLabel } from "./parse-evaluation-label.ts";
import { noneAsMissing } from "./plan-span.ts";
import { checkPrintedRates } from "./printed-rates.ts";
import { readCards } from "./read-cards.ts";
import { readGeneral } from "./read-general.ts";
import { bandOf } from "./read-legend.ts";
import { readYearTables } from "./read-year-tables.ts";
import { checkReading } from "./reading-plausibility.ts";
import { CONTENT_JA, contentKind, roleContradiction } from "./role-content.ts";
import { latestFigureActuals } from "./round47-lagging-actuals.ts";
import { namedGoalsByNumber, withGoalRelationHeadings } from "./round50-levels.ts";
import { foldStackedPairs } from "./stacked-pairs.ts";
import { type ImportFormat, NotASheet, type SourceTable } from "./types.ts";
import { hiddenDropped, hiddenIssue, printedAgainDropped } from "./unread-cells.ts";
import { chooseWorksheets } from "./year-worksheets.ts";

export interface LayoutOptions {
  authored: boolean;
  /** A PDF read with its cells' edges: certain breaks marked (text-lines.ts HARD_BREAK). */
  measured?: boolean;
  scale?: EvaluationScale | null;
  profile?: ImportProfile | null;
}

/**
 * The seed's pipeline places cells by position and evidence; a table in the seed's header words
 * whose columns hold something else must not pass: numbers as indicators or percentages as
 * evaluations are refused, naming the column.
 */
/** A label not the seed's that the scale given with the import names. */
function readByScale(label: string | undefined, scale: EvaluationScale): boolean {
  return !!label && !parseEvaluationLabel(label).known && bandOf(scale, label) !== null;
}

function checkSeedReading(out: TableImport): void {
  const kpis = out.sheet.kpis;
  const most = (n: number) => kpis.length > 0 && n / kpis.length > 0.5;
  const numericIndicators = kpis.filter((k) => /^[\d,.%▲△-]+$/.test(squash(k.indicator)));
  if (most(numericIndicators.length))
    throw new NotASheet(
      "column_contradiction",
      `列「指標名」の中身が数値です(例:「${numericIndicators[0]!.indicator}」)。読み違いを避けるため取り込みません。--profile で列の意味を指定してください`,
    );
  const percentLabels = kpis.filter((k) => /^[\d,.]+\s*[%％]$/.test(squash(k.evaluation.label ?? "")));
  if (most(percentLabels.length))
    throw new NotASheet(
      "column_contradiction",
      `列「進捗評価」の中身が百分率です(例:「${percentLabels[0]!.evaluation.label}」)。達成率の列なら --profile で {"columns":[{"col":10,"field":"rate"}]} のように指定してください`,
    );
  // Every other role against what it holds (the cells as printed, before they were parsed).
  const raw = (v: Value | null | undefined) => (v ? (v.raw ?? (v.kind === "text" ? v.text : "")) : "");
  const roles: [Field, string, number, string[]][] = [
    ["indicator", "指標名", 6, kpis.map((k) => k.indicator)],
    ["target", "目標値", 7, kpis.map((k) => raw(k.target))],
    ["actual", "実績値", 8, kpis.map((k) => raw(k.actual))],
    ["finalTarget", "最終目標値", 9, kpis.map((k) => raw(k.finalTarget))],
    ["evaluation", "進捗評価", 10, kpis.map((k) => k.evaluation.label ?? "")],
    ["departments", "担当課", 14, kpis.map((k) => k.departments.join("・"))],
  ];
  for (const [field, name, col, cells] of roles) {
    const bad = roleContradiction(field, cells);
    if (bad)
      throw new NotASheet(
        "column_contradiction",
        `列「${name}」の中身が${CONTENT_JA[bad.kind]}です(例:「${bad.sample.slice(0, 20)}」)。読み違いを避けるため取り込みません。` +
          `--profile で列の意味を指定してください(例: {"columns":[{"col":${col},"field":"${bad.suggestion}"}]})`,
      );
  }
  // Narratives under 進捗評価 — none of the four labels, each printed once — are no evaluation.
  const labels = kpis.map((k) => k.evaluation.label ?? "").filter((l) => squash(l) !== "");
  if (
    labels.length >= 2 &&
    !labels.some(isKnownEvaluationLabel) &&
    labels.filter((l) => contentKind(l) === "text").length * 2 > labels.length &&
    new Set(labels.map(squash)).size === labels.length
  )
    throw new NotASheet(
      "column_contradiction",
      `列「進捗評価」の中身が評価の語ではなく文章です(例:「${labels[0]!.slice(0, 20)}」)。読み違いを避けるため取り込みません。` +
        `--profile で列の意味を指定してください(例: {"columns":[{"col":10,"field":"extra"}]})`,
    );
}

export function importLayout(
  table: SourceTable,
  format: ImportFormat,
  source: string,
  options: LayoutOptions,
): TableImport {
  // A workbook with a worksheet per fiscal year or per 基本目標 (year-worksheets.ts).
  const alone = (sub: SourceTable) => {
    try {
      const profile = options.profile ? { ...options.profile, fiscalYear: null } : null;
      const r = importOneSheet(sub, format, source, { ...options, profile });
      if (r.sheet.kpis.length === 0) return null;
      const shape = (r.report.profile?.columns ?? []).map((c) => c.field).join(",");
      const indicators = r.sheet.kpis.map((k) => squash(k.indicator));
      return {
        layout: r.report.profile?.layout ?? "table",
        fiscalYear: r.sheet.fiscalYear,
        shape,
        indicators,
      };
    } catch {
      return null;
    }
  };
  const years = format === "xlsx" ? chooseWorksheets(table, alone, options.profile?.fiscalYear) : null;
  if (!years) return importOneSheet(table, format, source, options);
  const out = withSheetRows(years.sheetRow, () => importOneSheet(years.table, format, source, options));
  if (years.issue) out.report.issues.unshift(years.issue);
  if (years.yearSheets && out.report.profile) out.report.profile.yearSheets = years.yearSheets;
  out.report.cells.total += years.dropped.length;
  out.report.cells.dropped.push(...years.dropped);
  return out;
}

/**
 * Rows of several worksheets read as one table were numbered on (year-worksheets.ts): what the
 * report and a refusal say names each row as its worksheet does — 「シート「その2」3行目」.
 */
function withSheetRows(
  sheetRow: (row: number) => { sheet: string; row: number } | null,
  read: () => TableImport,
): TableImport {
  const say = (text: string) =>
    text.replace(/(\d+)行目/g, (m, n: string) => {
      const at = sheetRow(Number(n));
      return at ? `シート「${at.sheet}」${at.row}行目` : m;
    });
  let out: TableImport;
  try {
    out = read();
  } catch (e) {
    if (e instanceof NotASheet) throw new NotASheet(e.code, say(e.message));
    throw e;
  }
  const place = <T extends { row: number | null; column: string | null; message?: string }>(x: T): T => {
    // A cell already named by its worksheet (「リスト!A1」: Excel hid it) kept its own row number.
    const at = x.row === null || x.column?.includes("!") ? null : sheetRow(x.row);
    if (!at) return x;
    const column = `${at.sheet}!${x.column ?? ""}`;
    return { ...x, row: at.row, column, ...(x.message ? { message: say(x.message) } : {}) };
  };
  out.report.issues = out.report.issues.map(place);
  out.report.cells.dropped = out.report.cells.dropped.map(place);
  return out;
}

function importOneSheet(
  table: SourceTable,
  format: ImportFormat,
  source: string,
  options: LayoutOptions,
): TableImport {
  options = { ...options, scale: options.scale ?? options.profile?.scale ?? null };
  const widths = foldTableWidths(table);
  table = widths.table;
  const seedHeader = table.rows.find((r) => isSeedHeader(r.cells));
  const forced = options.profile?.layout;
  if ((seedHeader && forced !== "table" && forced !== "cards") || forced === "seed") {
    const out = importTable(table, format, source, {
      authored: options.authored,
      measured: options.measured,
      scale: options.scale,
    });
    checkSeedReading(out);
    if (options.scale && out.sheet.kpis.some((k) => readByScale(k.evaluation.label, options.scale!)))
      out.sheet.scale = options.scale;
    checkLabelsExplained(out.sheet, { columns: [{ col: 10, header: "進捗評価", field: "evaluation" }] });
    if (widths.issue) out.report.issues.unshift(widths.issue);
    out.report.profile = {
      layout: "seed",
      fiscalYear: out.sheet.fiscalYear,
      headerRows: seedHeader ? [seedHeader.row] : [],
    };
    return out;
  }
  const legends = readLegendTables(table);
  table = legends.table;
  // Each indicator on an upper (targets) and a lower (actuals) row a note explains: one row each.
  const stacked = forced ? null : foldStackedPairs(table);
  if (stacked) table = stacked.table;
  // Per KPI a block of labelled lines (【KPI】…) over a one-row table of its own: one table.
  const labelled = forced ? null : foldLabelledBlocks(table);
  if (labelled) table = labelled.table;
  // 「基本目標1関係(…)」 (a 数値目標・KPI list): goal 1 and its name, 関係 no part of either.
  table = withGoalRelationHeadings(table);
  const total =
    table.rows.reduce((n, r) => n + r.cells.filter((c) => squash(c) !== "").length, 0) +
    table.outside.length +
    (table.printedAgain?.length ?? 0) +
    (table.hidden?.length ?? 0);
  const cards = forced === "table" ? null : readCards(table, options);
  const read =
    cards ??
    (forced === "cards" ? null : readGeneral(table, options)) ??
    (forced === "cards" || forced === "table" ? null : readYearTables(table));
  if (!read)
    throw new NotASheet(
      "unrecognised_columns",
      "評価シートの列見出し(指標名・目標値・実績値・評価など)が見つかりません。--profile で列の意味を指定できます",
    );
  const dropped = [
    ...table.outside.map((o) => ({ row: o.row, column: "表の外", text: o.text, reason: "表の外の文" })),
    ...printedAgainDropped(table),
    ...hiddenDropped(table),
    ...read.dropped,
  ];
  noneAsMissing(read.sheet, read.issues);
  // A late statistic a note says is rated on its latest figure: that figure is the actual (round47-lagging-actuals.ts).
  latestFigureActuals(
    read.sheet,
    [...table.outside.map((o) => o.text), ...read.dropped.map((d) => d.text)],
    read.issues,
  );
  namedGoalsByNumber(read.sheet, read.issues);
  broadestAsGoal(read.sheet, read.issues);
  computedRateColumn(read.sheet, read.profile, read.issues);
  checkReading(read.sheet, table, read.profile);
  checkLabelsExplained(read.sheet, read.profile);
  checkPrintedRates(read.sheet);
  checkJoinedRows(table);
  // The KPIs carried their source rows up to the check; the sheet numbers them 1…n.
  read.sheet.kpis.forEach((k, i) => {
    k.row = i + 1;
  });
  const sheet = { ...read.sheet, source };
  return {
    sheet,
    report: {
      format,
      source,
      kpiCount: sheet.kpis.length,
      issues: [
        widths.issue,
        stacked?.issue ?? null,
        labelled?.issue ?? null,
        hiddenIssue(table),
        ...legends.issues,
        ...read.issues,
      ].filter((i) => i !== null),
      cells: { total, used: total - dropped.length, dropped },
      profile: read.profile,
    },
  };
}
