/**
 * The layout-general reader: any city's table of KPIs, one row per KPI, whatever its columns. The
 * header row(s) say what each column is (synonyms, years, units); the cells must agree, or the
 * import is refused naming the column. Headings, 数値目標 sections, page repeats, rows cut by a page
 * break and rows printed with a cell missing are handled here; the legend becomes the city's scale.
 */
import type { Period } from "../core/period.ts";
import type { EvaluationScale, Kpi, NumericGoal, Ordinal, Sheet, Value } from "../core/sheet.ts";
import { type ColumnMeaning, cellShape, FIELD_JA, type Field } from "./column-fields.ts";
import { squash } from "./columns.ts";
import { type FoundHeader, findHeader, repeatsHeader } from "./find-header.ts";
import { checkColumns, realignRow } from "./general-checks.ts";
import {
  readDirection,
  readEvaluation,
  readList,
  readOrdinal,
  readRate,
  readText,
  readUnitValue,
} from "./general-values.ts";
import { findYear } from "./header-years.ts";
import { applyProfile, type ImportProfile } from "./import-profile.ts";
import { readLegend } from "./read-legend.ts";
import { isSeparatorRow } from "./read-markdown-table.ts";
import type { DroppedCell, ImportIssue, SourceRow, SourceTable } from "./types.ts";
import { NotASheet } from "./types.ts";

const isEmpty = (t: string) => squash(t) === "";

interface Segment {
  header: FoundHeader;
  numericGoals: boolean;
  rows: {
    row: SourceRow;
    heading: Partial<Record<"goal" | "subgoal" | "measure", Ordinal>>;
    goals: boolean;
  }[];
}

export interface GeneralRead {
  sheet: Sheet;
  issues: ImportIssue[];
  dropped: DroppedCell[];
  used: number;
  profile: ImportProfile;
}

const HEADING =
  /^(?:【)?(大基本目標|基本目標|小基本目標|基本施策|施策|政策|重点施策|目標)\s*([0-9０-９]+|[①-⑳])?/;
const SECTION_GOALS = /^【?(数値目標|基本目標の数値目標|成果指標)】?$/;
const SECTION_KPIS = /^【?(重要業績評価指標|KPI|主な施策|具体的な施策)/i;

/** Which level a heading row names. */
function headingLevel(text: string): "goal" | "subgoal" | "measure" | null {
  const m = HEADING.exec(squash(text));
  if (!m) return /^[①-⑳]/.test(text.trim()) ? "measure" : null;
  if (m[1] === "小基本目標" || m[1] === "基本施策") return "subgoal";
  if (m[1] === "大基本目標" || m[1] === "基本目標" || m[1] === "目標") return "goal";
  return "measure";
}

/** Reads a table of any layout; null when no header of KPI columns is found. */
export function readGeneral(
  table: SourceTable,
  options: { authored: boolean; scale?: EvaluationScale | null; profile?: ImportProfile | null },
): GeneralRead | null {
  const rows = table.rows;
  const first = findHeader(rows);
  if (!first) return null;
  const issues: ImportIssue[] = [];
  const dropped: DroppedCell[] = [];
  let used = 0;
  const drop = (r: SourceRow, reason: string) =>
    r.cells.forEach((text, i) => {
      if (!isEmpty(text)) dropped.push({ row: r.row, column: `${i + 1}列目`, text, reason });
    });
  const texts: string[] = table.outside.map((o) => o.text);
  const titleTexts: string[] = [];
  for (let i = 0; i < first.rows[0]!; i++) {
    drop(rows[i]!, "列見出しより前の行(表題など)");
    titleTexts.push(rows[i]!.cells.filter((c) => !isEmpty(c)).join(" "));
  }

  // 1. Segments: each header starts one; a header repeated after a page break continues it.
  const segments: Segment[] = [];
  let current: Segment | null = null;
  let sectionGoals = false;
  let heading: Segment["rows"][number]["heading"] = {};
  let headerRowCells: string[][] = [];
  for (let i = first.rows[0]!; i < rows.length; i++) {
    const r = rows[i]!;
    const filled = r.cells.filter((c) => !isEmpty(c));
    if (filled.length === 0) continue;
    if (isSeparatorRow(r.cells)) {
      drop(r, "区切り行");
      continue;
    }
    if (current && repeatsHeader(r.cells, current.header, headerRowCells)) {
      drop(r, "列見出しの繰り返し(改ページ)");
      continue;
    }
    const h = findHeader(rows, i);
    if (h && h.rows[0] === i) {
      const isRepeat = current !== null && h.key === current.header.key;
      for (const hr of h.rows) drop(rows[hr]!, isRepeat ? "列見出しの繰り返し(改ページ)" : "列見出し");
      headerRowCells = h.rows.map((hr) => rows[hr]!.cells);
      i = h.rows.at(-1)!;
      if (isRepeat) continue;
      const goals: boolean =
        sectionGoals || h.columns.some((c) => c.field === "indicator" && /数値目標/.test(squash(c.header)));
      current = { header: applyProfile(h, options.profile ?? null, issues), numericGoals: goals, rows: [] };
      segments.push(current);
      continue;
    }
    if (filled.length === 1) {
      const t = squash(filled[0]!);
      if (SECTION_GOALS.test(t)) {
        sectionGoals = true;
        drop(r, "見出し(数値目標)");
        continue;
      }
      if (
        SECTION_KPIS.test(t) &&
        !current?.header.columns.some((c) => c.field === "indicator" && /KPI/i.test(c.header) && t.length < 4)
      ) {
        sectionGoals = false;
        drop(r, "見出し(KPI)");
        continue;
      }
      const level = headingLevel(filled[0]!);
      if (level && r.cells.findIndex((c) => !isEmpty(c)) === 0) {
        heading = { ...heading, [level]: readOrdinal(filled[0]!) };
        if (level === "goal") heading = { goal: heading.goal };
        used++;
        issues.push({
          row: r.row,
          column: null,
          kind: "heading_row",
          before: filled[0]!,
          after: null,
          confidence: "high",
          message: "見出しの行: 下の行の階層として使い、指標にはしない",
        });
        continue;
      }
      if (/[:：]/.test(t) && /[A-ZＡ-Ｚ◎○〇△×]|順調/.test(t)) {
        texts.push(filled[0]!);
        drop(r, "凡例・注記(評価基準として読む)");
        continue;
      }
      if (/^※|^注|^出典|^資料/.test(t)) {
        texts.push(filled[0]!);
        drop(r, "注記");
        continue;
      }
    }
    if (!current) continue;
    // Rows printed with a cell lost are realigned first: which year holds data depends on it.
    current.rows.push({
      row: { ...r, cells: realignRow(r, current.header.columns, issues) },
      heading: { ...heading },
      goals: current.numericGoals || sectionGoals,
    });
  }

  // 2. Each segment's rows → KPIs or numeric goals.
  const allActualYears: { year: number; filled: number }[] = [];
  for (const s of segments)
    s.header.columns.forEach((c, col) => {
      if (c.field === "actual" && c.period)
        allActualYears.push({
          year: c.period.year,
          filled: s.rows.filter((x) => !isEmpty(x.row.cells[col] ?? "")).length,
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
    for (const t of [...titleTexts, ...texts]) {
      if (!/年度/.test(t)) continue;
      const p = findYear(t);
      if (p) {
        fy = p.year;
        issues.push({
          row: null,
          column: "表題",
          kind: "fiscal_year_from_title",
          before: t.slice(0, 40),
          after: String(fy),
          confidence: "medium",
          message: "実績の列に年度がないため、表題の年度を評価年度とした",
        });
        break;
      }
    }
  }
  if (fy === null) {
    const lone = allActualYears.find((a) => a.filled === 0);
    if (lone)
      throw new NotASheet(
        "column_contradiction",
        `列「${lone.year}年度実績」は見出しに年度があるのに値が一つもありません。評価年度を読めないため、--profile で評価年度(fiscalYear)を指定してください`,
      );
    if (options.profile?.fiscalYear) fy = options.profile.fiscalYear;
    else
      throw new NotASheet(
        "no_fiscal_year",
        "評価年度を読み取れません(実績の列見出しにも表題にも年度がありません)。--profile で fiscalYear を指定してください",
      );
  }
  if (options.profile?.fiscalYear) fy = options.profile.fiscalYear;

  const legendLabels = new Set<string>();
  for (const s of segments)
    s.header.columns.forEach((c, col) => {
      if (c.field === "evaluation")
        for (const x of s.rows)
          if (!isEmpty(x.row.cells[col] ?? ""))
            legendLabels.add(squash(x.row.cells[col]!).replace(/\(.*\)$/, ""));
    });
  const scale = options.scale ?? readLegend(texts, legendLabels);
  if (scale && !options.scale)
    issues.push({
      row: null,
      column: "凡例",
      kind: "scale_from_legend",
      before: scale.source.slice(0, 80),
      after: scale.bands
        .map((b) => `${b.label}→${b.category}${b.min !== null ? `(${Math.round(b.min * 100)}%以上)` : ""}`)
        .join(" "),
      confidence: "high",
      message: "表の下の評価基準(凡例)を市の評価尺度として読み取り",
    });

  const kpis: Kpi[] = [];
  const numericGoals: NumericGoal[] = [];
  for (const s of segments) {
    const cols = s.header.columns;
    checkColumns(
      s.header,
      s.rows.map((x) => x.row),
      fy,
    );
    const rowsRead = buildRows(s, fy, scale, options.authored, issues);
    used += rowsRead.used;
    rowsRead.kpis.forEach((k, i) => {
      if (rowsRead.goals[i]) numericGoals.push(toNumericGoal(k));
      else kpis.push(k);
    });
    void cols;
  }
  kpis.forEach((k, i) => {
    k.row = i + 1;
  });
  if (kpis.length === 0) throw new NotASheet("no_kpis", "指標(KPI)の行が一つもありません");
  const sheet: Sheet = { format: "sheet/1", municipality: null, fiscalYear: fy, source: null, kpis };
  if (numericGoals.length > 0) sheet.numericGoals = numericGoals;
  if (scale) sheet.scale = scale;
  const profile: ImportProfile = {
    layout: "table",
    fiscalYear: fy,
    headerRows: segments.flatMap((s) => s.header.rows.map((i) => rows[i]!.row)),
    columns: segments.flatMap((s, si) =>
      s.header.columns.map((c, col) => ({
        table: si + 1,
        col: col + 1,
        header: c.header,
        field: c.field,
        year: c.period?.year ?? null,
      })),
    ),
    scale,
  };
  return { sheet, issues, dropped, used, profile };
}

function toNumericGoal(k: Kpi): NumericGoal {
  const g: NumericGoal = {
    goal: k.goal,
    indicator: k.indicator,
    target: k.target,
    actual: k.actual,
    finalTarget: k.finalTarget,
  };
  if (k.baseline) g.baseline = k.baseline;
  if (k.unit !== undefined) g.unit = k.unit;
  if (k.years) g.years = k.years;
  if (k.evaluation.printed !== false) g.evaluation = k.evaluation;
  if (k.extras) g.extras = k.extras;
  return g;
}

const NONE: Ordinal = { no: 0, title: "" };
const LEVELS = ["goal", "subgoal", "measure"] as const;

const UNIT_IN_NAME =
  /[(（](千円|万円|百万円|億円|円|千人|万人|人|件|回|社|戸|世帯|組|%|％|箇所|か所|ha|t|店舗|校|団体|台|棟)[)）]$/;
/** 「観光消費額(千円)」: the unit printed in the indicator's name applies to its bare numbers. */
function unitInName(indicator: string): string | null {
  return UNIT_IN_NAME.exec(squash(indicator))?.[1] ?? null;
}

/** One segment's data rows → KPIs (realigned, continuations joined, hierarchy filled). */
function buildRows(
  s: Segment,
  fy: number,
  scale: EvaluationScale | null,
  authored: boolean,
  issues: ImportIssue[],
): { kpis: Kpi[]; goals: boolean[]; used: number } {
  const cols = s.header.columns;
  const idx = (f: Field) => cols.flatMap((c, i) => (c.field === f ? [i] : []));
  const fiscal: Period = { year: fy, basis: "fiscal" };
  let used = 0;
  const merged: {
    row: number;
    cells: string[];
    heading: Segment["rows"][number]["heading"];
    goals: boolean;
  }[] = [];
  const keyCols = [
    ...idx("indicator"),
    ...idx("target"),
    ...idx("actual"),
    ...idx("evaluation"),
    ...idx("baseline"),
    ...idx("finalTarget"),
  ];
  for (const { row, heading, goals } of s.rows) {
    const cells = row.cells;
    used += cells.filter((c) => !isEmpty(c)).length;
    const prev = merged.at(-1);
    const hierarchyCols = [...idx("goal"), ...idx("subgoal"), ...idx("measure")];
    if (
      prev &&
      keyCols.every((c) => isEmpty(cells[c] ?? "")) &&
      hierarchyCols.every((c) => isEmpty(cells[c] ?? ""))
    ) {
      cells.forEach((t, c) => {
        if (isEmpty(t)) return;
        const before = prev.cells[c] ?? "";
        prev.cells[c] = isEmpty(before) ? t : `${before}<br>${t}`;
      });
      issues.push({
        row: row.row,
        column: null,
        kind: "row_merged",
        before: cells.filter((t) => !isEmpty(t)).join(" | "),
        after: `${prev.row}行目に連結`,
        confidence: "medium",
        message: "指標名・数値・評価のない行を上の行の続きとして連結",
      });
      continue;
    }
    merged.push({ row: row.row, cells: [...cells], heading, goals });
  }
  const last: Record<"goal" | "subgoal" | "measure", Ordinal> = { goal: NONE, subgoal: NONE, measure: NONE };
  const setLevel = (level: (typeof LEVELS)[number], o: Ordinal) => {
    last[level] = o;
    if (level === "goal") last.subgoal = last.measure = NONE;
    if (level === "subgoal") last.measure = NONE;
  };
  let lastHeading = "{}";
  const kpis: Kpi[] = [];
  for (const m of merged) {
    const issue = (col: number, kind: string) => (message: string) =>
      issues.push({
        row: m.row,
        column: cols[col]?.header ?? `${col + 1}列目`,
        kind,
        before: m.cells[col] ?? null,
        after: null,
        confidence: "low",
        message,
      });
    const headingKey = JSON.stringify(m.heading);
    if (headingKey !== lastHeading) {
      // A heading row above (基本目標1 …) starts its level and clears the levels below it.
      lastHeading = headingKey;
      for (const level of LEVELS) if (m.heading[level]) setLevel(level, m.heading[level]!);
    }
    for (const level of LEVELS) {
      const c = idx(level)[0];
      const cell = c === undefined ? "" : (m.cells[c] ?? "");
      // One column may hold several levels (「基本目標・施策」): the cell's own words say which.
      if (!isEmpty(cell)) setLevel(headingLevel(cell) ?? level, readOrdinal(cell));
    }
    const text = (f: Field) => {
      const c = idx(f)[0];
      return c === undefined ? "" : (m.cells[c] ?? "");
    };
    const unitCell = readText(text("unit"), false) ?? unitInName(text("indicator"));
    const valueOf = (col: number | undefined, period: Period): Value => {
      if (col === undefined) return { kind: "missing" };
      const unit = unitCell ?? cols[col]!.unit;
      return readUnitValue(m.cells[col] ?? "", unit, period, issue(col, "value_unreadable"));
    };
    const targets = idx("target");
    const actuals = idx("actual");
    const yearOf = (c: number) => cols[c]!.period?.year ?? null;
    const targetCol =
      targets.find((c) => yearOf(c) === fy) ??
      targets.find((c) => yearOf(c) === null && idx("finalTarget").length > 0);
    const laterTargets = targets.filter((c) => (yearOf(c) ?? 0) > fy);
    const finalCol =
      idx("finalTarget")[0] ??
      (laterTargets.length > 0
        ? laterTargets.at(-1)
        : targets.find((c) => yearOf(c) === null && c !== targetCol));
    const actualCol = actuals.find((c) => yearOf(c) === fy) ?? actuals.find((c) => yearOf(c) === null);
    const periodOf = (c: number | undefined): Period => (c !== undefined && cols[c]!.period) || fiscal;
    const evalCol = idx("evaluation")[0];
    const kpi: Kpi = {
      row: 0,
      goal: last.goal,
      subgoal: last.subgoal,
      measure: last.measure,
      initiatives: readText(text("initiatives"), authored) ? [readText(text("initiatives"), authored)!] : [],
      status: readText(text("status"), authored),
      indicator: readText(text("indicator"), false) ?? "",
      target: valueOf(targetCol, periodOf(targetCol)),
      actual: valueOf(actualCol, periodOf(actualCol)),
      finalTarget: valueOf(finalCol, periodOf(finalCol)),
      evaluation:
        evalCol === undefined
          ? { category: "not_evaluable", covid: false, printed: false }
          : readEvaluation(m.cells[evalCol] ?? "", scale, issue(evalCol, "evaluation_label_unknown")),
      reason: readText(text("reason"), authored),
      challenge: readText(text("challenge"), authored),
      nextSteps: readText(text("nextSteps"), authored),
      departments: readList(text("departments")),
    };
    const b = idx("baseline")[0];
    if (b !== undefined) kpi.baseline = valueOf(b, periodOf(b));
    if (idx("unit").length > 0 || cols.some((c) => c.unit) || unitCell)
      kpi.unit = unitCell ?? cols.find((c) => c.unit)?.unit ?? null;
    const years = [
      ...new Set([...targets, ...actuals].map(yearOf).filter((y): y is number => y !== null)),
    ].sort();
    if (years.length >= 2)
      kpi.years = years.map((y) => {
        const t = targets.find((c) => yearOf(c) === y);
        const a = actuals.find((c) => yearOf(c) === y);
        return { year: y, target: valueOf(t, periodOf(t)), actual: valueOf(a, periodOf(a)) };
      });
    const rc = idx("rate")[0];
    if (rc !== undefined) {
      const r = readRate(m.cells[rc] ?? "");
      kpi.printedRate = r ?? null;
      if (r === undefined) issue(rc, "rate_unreadable")("達成率として読めません");
    }
    const dc = idx("direction")[0];
    if (dc !== undefined) {
      const d = readDirection(m.cells[dc] ?? "");
      kpi.direction = d ?? null;
      if (d === undefined) issue(dc, "direction_unreadable")("方向性(増加・減少・維持)として読めません");
    }
    const cc = idx("comments")[0];
    if (cc !== undefined) kpi.comments = readText(m.cells[cc] ?? "", authored);
    const extras = [...idx("no"), ...idx("extra")]
      .sort((a, b) => a - b)
      .filter((c) => !isEmpty(m.cells[c] ?? ""))
      .map((c) => ({
        header: cols[c]!.header || `${c + 1}列目`,
        text: readText(m.cells[c]!, authored) ?? "",
      }));
    const yearOnly = idx("year")
      .filter((c) => !isEmpty(m.cells[c] ?? ""))
      .map((c) => ({ header: cols[c]!.header, text: readText(m.cells[c]!, authored) ?? "" }));
    if (extras.length + yearOnly.length > 0) kpi.extras = [...extras, ...yearOnly];
    // Extra cells beyond the header's width are kept too, never dropped.
    m.cells.slice(cols.length).forEach((t, j) => {
      if (!isEmpty(t))
        (kpi.extras ??= []).push({ header: `${cols.length + j + 1}列目`, text: readText(t, authored) ?? "" });
    });
    if (kpi.indicator === "")
      issues.push({
        row: m.row,
        column: FIELD_JA.indicator,
        kind: "indicator_missing",
        before: null,
        after: null,
        confidence: "low",
        message: "指標名が空です",
      });
    kpis.push(kpi);
  }
  void cellShape;
  return { kpis, goals: merged.map((m) => m.goals), used };
}

export type { ColumnMeaning };
