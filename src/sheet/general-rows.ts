/** The layout-general reader's rows → KPIs: continuations joined, hierarchy filled, every column read. */

import type { Period } from "../core/period.ts";
import type { EvaluationScale, Kpi, NumericGoal, Ordinal, Value } from "../core/sheet.ts";
import { type ColumnMeaning, FIELD_JA, type Field } from "./column-fields.ts";
import { isEmpty, joinSpacedLetters, squash } from "./columns.ts";
import { LEVELS, type Level } from "./field.ts";
import {
  cleanValueText,
  projectOf,
  readEvaluation,
  readList,
  readRate,
  readText,
  readUnitValue,
  splitIndicator,
} from "./general-values.ts";
import { splitDefinition } from "./indicator-definition.ts";
import { cellLevels } from "./level-cells.ts";
import { isDash, mergeRows } from "./merge-rows.ts";
import { bracketUnit, withoutNoteLines } from "./name-bracket-unit.ts";
import { notedActualYear } from "./noted-year.ts";
import { splitPlanTarget } from "./plan-target-lines.ts";
import { projectNames } from "./project-bullets.ts";
import { isRatingTally } from "./rating-tally.ts";
import { readDirection } from "./read-direction.ts";
import { readOrdinal } from "./read-ordinal.ts";
import { refuse } from "./refuse-reading.ts";
import { targetMonthIsThisYear } from "./round53-target-month.ts";
import { rateColumnOfYear } from "./round56-rate-year.ts";
import { standingFigure } from "./standing-figure.ts";
import { targetAfterName, targetByDeadline } from "./target-in-name.ts";
import type { ImportIssue, SourceRow } from "./types.ts";
import { undatedBaselines } from "./undated-baselines.ts";
import { withValueYears } from "./value-year-columns.ts";

export interface SegmentRow {
  row: SourceRow;
  heading: Partial<Record<"goal" | "subgoal" | "measure", Ordinal>>;
  /** Under a 数値目標 section (or table): an outcome goal, not a KPI. */
  goals: boolean;
}

/** A printed ratio 「0.96」 (1.00 = achieved). */
function readRatio(text: string): number | null {
  const t = squash(text);
  return t === "" || isDash(t) ? null : Number(t);
}

export function toNumericGoal(k: Kpi): NumericGoal {
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

const UNIT_WORD =
  "(?:千|万|百万|億)?(?:円|人|件|回|社|戸|世帯|組|歳|箇所|か所|カ所|ヶ所|店舗|校|団体|台|棟|冊|点|日|時間|泊|人泊|本|者|頭|品目|種|便|区画|倍|ha|km|t|㎡|%|％|‰)";
const UNIT_IN_NAME = new RegExp(`[(（](${UNIT_WORD}(?:/(?:${UNIT_WORD}|年|月|日))?)[)）]$`);
/** The year a value cell prints after its figure (「10人(R1)」 → 2019), or null. */
export function printedYear(cell: string): number | null {
  const m = /[(（]((?:令和|平成|[RH])(?:元|\d{1,2})年?度?|(?:19|20)\d{2}年度?)[)）]\s*$/.exec(squash(cell));
  return m ? (cleanValueText(`(${m[1]})`).period?.year ?? null) : null;
}
const VALUE_FIELDS = new Set<Field>(["baseline", "target", "actual", "finalTarget", "year"]);

/**
 * 「H30実績値(累計)」 over 「2人<br>(3人)」: the bracket in the cell is what the bracket in the header
 * names — the running total, which a target to reach by the plan's end (「平成31年度まで10人」) is
 * measured against. A dash in the bracket (「78%(-)」: no total for a rate) leaves the year's figure.
 */
export function runningTotal(header: string, cell: string, name = ""): string {
  // The header wrapped in its cell (「H30実\n績値(累\n計)」) names it too. So does an indicator that
  // counts the running total (「六次産品の累計数」 over 「4<br>(21)」, 倉吉市): the bracket is the total.
  const totalled = /[(（]累計[)）]/.test(header.replace(/\n|<br\s*\/?>/gi, ""));
  if (
    !totalled &&
    !(/累計/.test(name) && /^[^()（）]*[(（]\s*[\d,.]+[^\d()（）年]{0,4}[)）]\s*$/.test(cell.trim()))
  )
    return cell;
  const m = /^([\s\S]*?\d[\s\S]*?)\s*(?:<br\s*\/?>)?\s*[(（]\s*([^()（）]*\d[^()（）]*)[)）]\s*$/i.exec(
    cell.trim(),
  );
  return m ? m[2]!.trim() : cell;
}

/** 「観光消費額(千円)」「労働生産性(千円/人)」: the unit printed in the indicator's name applies to its bare numbers. */
export function unitInName(indicator: string): string | null {
  return UNIT_IN_NAME.exec(squash(indicator))?.[1] ?? null;
}

/** One segment's data rows → KPIs (realigned, continuations joined, hierarchy filled). */
export function buildRows(
  cols: readonly ColumnMeaning[],
  rows: readonly SegmentRow[],
  fy: number,
  scale: EvaluationScale | null,
  authored: boolean,
  issues: ImportIssue[],
): { kpis: Kpi[]; goals: boolean[]; used: number } {
  const idx = (f: Field) => cols.flatMap((c, i) => (c.field === f ? [i] : []));
  const fiscal: Period = { year: fy, basis: "fiscal" };
  // (A value's year printed in a column of its own, 「基準値 | 基準年度」, read as if in the value's cell.)
  const { merged, used } = mergeRows(cols, withValueYears(cols, rows, issues), issues);
  const ratioColumn = (c: number) => {
    const cells = merged.map((m) => squash(m.cells[c] ?? "")).filter((t) => t !== "" && !isDash(t));
    return cells.length > 0 && cells.every((t) => /^\d(\.\d+)?$/.test(t) && Number(t) <= 3);
  };
  const last: Record<"goal" | "subgoal" | "measure", Ordinal> = { goal: NONE, subgoal: NONE, measure: NONE };
  const setLevel = (level: Level, o: Ordinal) => {
    // The same level again (a cell merged down over its rows, which an XLSX repeats on each row they cover)
    // is no new group: the levels under it, printed once above, still hold.
    if (o.no === last[level].no && o.title === last[level].title && o.title !== "") return;
    last[level] = o;
    if (level === "goal") last.subgoal = last.measure = NONE;
    if (level === "subgoal") last.measure = NONE;
  };
  // (What level each level column's cell sets: level-cells.ts.)
  const levelOf = cellLevels(cols, merged);
  let lastHeading = "{}";
  const hasTargetColumn = cols.some((c) => c.field === "target" || c.field === "finalTarget");
  const kpis: Kpi[] = [];
  // The table's rating labels (its legend's, its evaluation column's): a row counting them is no KPI.
  const labels = new Set([
    ...(scale?.bands ?? []).map((b) => squash(b.label)),
    ...idx("evaluation").flatMap((c) => merged.map((m) => squash(m.cells[c] ?? ""))),
  ]);
  const valueCols = (["baseline", "target", "actual", "finalTarget"] as const).flatMap(idx);
  for (const m of merged) {
    if (isRatingTally(m.cells, valueCols, labels)) {
      issues.push({
        row: m.row,
        column: null,
        kind: "rating_tally_row",
        before: m.cells.filter((c) => !isEmpty(c)).join(" | "),
        after: null,
        confidence: "high",
        message: "評価ごとの割合を数えた行(集計)のため、指標として読まなかった",
      });
      continue;
    }
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
      if (!isEmpty(cell)) setLevel(levelOf(level, cell), readOrdinal(cell));
    }
    const text = (f: Field) => {
      const c = idx(f)[0];
      return c === undefined ? "" : (m.cells[c] ?? "");
    };
    const defined = splitDefinition(text("indicator"));
    const named = splitIndicator(defined.name);
    // 「農業生産法人数【組織】」 under 「…指標【単位】」: the unit in 【】, no part of the name (name-bracket-unit.ts).
    const inBrackets = bracketUnit(named.name, cols[idx("indicator")[0] ?? 0]?.header ?? "");
    if (inBrackets) named.name = inBrackets.name;
    // 「●summary。○name ㉓1市町村→㉖4市町村」: the 「○」 line names the indicator (plan-target-lines.ts).
    const planned = splitPlanTarget(defined.name, fy);
    if (planned) {
      Object.assign(named, { name: planned.name, baseline: planned.baseline, final: planned.final });
      defined.definition = planned.summary;
    }
    // 「空き家バンク登録件数10件」 in a table with no target column: the figure after the name is the target.
    // 「不登校児童数(H31まで):0人を維持」: the year the plan runs to, then its figure — the final target at that year.
    const byDeadline = named.final || hasTargetColumn ? null : targetByDeadline(named.name);
    if (byDeadline)
      Object.assign(named, {
        name: byDeadline.name,
        final: { text: byDeadline.figure, period: byDeadline.period },
      });
    const glued = named.final || hasTargetColumn ? null : targetAfterName(named.name);
    if (glued) Object.assign(named, { name: glued.name, final: { text: glued.figure, period: fiscal } });
    const unitCell = readText(text("unit"), false) ?? inBrackets?.unit ?? unitInName(named.name);
    const valueAt = (col: number | undefined, period: Period): Value => {
      if (col === undefined) return { kind: "missing" };
      const unit = unitCell ?? cols[col]!.unit;
      // 「H27年度現在 127件」 over 「H31年度予測 144件」: the standing figure at its year (standing-figure.ts).
      const standing = standingFigure(m.cells[col] ?? "");
      if (standing)
        issue(
          col,
          "forecast_aside",
        )(`予測の行「${standing.aside.join("・")}」は値に含めず、現在の数値を読んだ`);
      // 「3品<br>※単年実績」: a note under the figure is no part of it (reported).
      const noted = withoutNoteLines(standing?.text ?? m.cells[col] ?? "");
      if (noted.notes.length > 0)
        issue(col, "value_note")(`値の注記「${noted.notes.join("・")}」は値に含めない`);
      return readUnitValue(
        runningTotal(cols[col]!.header, noted.text, named.name),
        unit,
        period,
        issue(col, "value_unreadable"),
      );
    };
    const targets = idx("target");
    const actuals = idx("actual");
    const yearOf = (c: number) => cols[c]!.period?.year ?? null;
    // A target column without a year is this year's (期待値, 目安値, 指標値 say so; so does a final
    // target printed elsewhere — a final column, or the indicator's 「…→H31年1.68」); else the final one.
    const annualWords = /期待値|目安値|指標値|見込|計画値|単年度|年度目標/;
    const reachedRating = /^(未)?達成$/;
    const targetCol =
      targets.find((c) => yearOf(c) === fy) ??
      targets.find(
        (c) =>
          yearOf(c) === null &&
          (idx("finalTarget").length > 0 ||
            named.final !== null ||
            annualWords.test(squash(cols[c]!.header)) ||
            // 「10人(R1)」 under a bare 目標値: a target printing the evaluated year is that year's.
            printedYear(m.cells[c] ?? "") === fy ||
            // 「H28.3」 in the row's 目標月: the target is dated in the evaluated year (round53-target-month.ts).
            targetMonthIsThisYear(cols, m.cells, fy) ||
            // 「未達成」 / 「達成」 beside it: the row is rated on reaching this target this year.
            reachedRating.test(squash(m.cells[idx("evaluation")[0] ?? -1] ?? ""))),
      );
    const laterTargets = targets.filter((c) => (yearOf(c) ?? 0) > fy);
    const finalCol =
      idx("finalTarget")[0] ??
      (laterTargets.length > 0
        ? laterTargets.at(-1)
        : targets.find((c) => yearOf(c) === null && c !== targetCol));
    const actualCol = actuals.find((c) => yearOf(c) === fy) ?? actuals.find((c) => yearOf(c) === null);
    const periodOf = (c: number | undefined): Period => (c !== undefined && cols[c]!.period) || fiscal;
    // 「8,137 (H27年度)」: a target printing its own year (a lagging statistic) is compared with the
    // actual of that year, so the actual without a year of its own takes it.
    const targetYear = targetCol !== undefined ? cleanValueText(m.cells[targetCol] ?? "").period : null;
    const actualPeriod = (c: number | undefined): Period =>
      (c !== undefined && cols[c]!.period) || targetYear || fiscal;
    const evalCol = idx("evaluation")[0];
    const project = projectOf(readText(text("initiatives"), authored));
    const kpi: Kpi = {
      row: m.row,
      goal: last.goal,
      subgoal: last.subgoal,
      measure: last.measure,
      initiatives: project ? projectNames(project.name) : [],
      status: readText(text("status"), authored),
      indicator: readText(named.name, false) ?? "",
      target: valueAt(targetCol, periodOf(targetCol)),
      actual: valueAt(actualCol, actualPeriod(actualCol)),
      finalTarget: valueAt(finalCol, periodOf(finalCol)),
      evaluation:
        evalCol === undefined
          ? { category: "not_evaluable", covid: false, printed: false }
          : readEvaluation(m.cells[evalCol] ?? "", scale, issue(evalCol, "evaluation_label_unknown")),
      reason: readText(text("reason"), authored),
      challenge: readText(text("challenge"), authored),
      nextSteps: readText(text("nextSteps"), authored),
      departments:
        idx("departments").length > 0 ? readList(text("departments")) : (project?.departments ?? []),
    };
    const b = idx("baseline")[0];
    if (b !== undefined) kpi.baseline = valueAt(b, periodOf(b));
    // Baseline → final target printed in the indicator's cell, each with its year.
    const unitOf = unitCell ?? null;
    const restated = (x: { text: string; period: Period }) =>
      readUnitValue(x.text, unitOf, x.period, issue(idx("indicator")[0] ?? 0, "value_unreadable"));
    if (named.baseline && (!kpi.baseline || kpi.baseline.kind === "missing"))
      kpi.baseline = restated(named.baseline);
    if (named.final && kpi.finalTarget.kind === "missing") kpi.finalTarget = restated(named.final);
    // (A unit in an extra column's header, 「予算額・執行額(千円)」, is the money's, not the KPI's.)
    const unitCols = cols.filter((c) => c.unit && VALUE_FIELDS.has(c.field));
    if (unitCols.length > 0 || unitCell) kpi.unit = unitCell ?? unitCols[0]?.unit ?? null;
    else {
      if (idx("unit").length > 0) kpi.unit = null;
      // No unit column, or its cell left empty: the unit every value of the row prints with it
      // (「41件」, 「68件」) is the KPI's.
      const printed = new Set(
        [kpi.baseline, kpi.target, kpi.actual, kpi.finalTarget].flatMap((v) =>
          v?.kind === "number" ? [v.unit] : [],
        ),
      );
      if (printed.size === 1 && [...printed][0]) kpi.unit = [...printed][0]!;
      // 「65.4万人」: the unit as printed (万人), of which the values keep the base (人) — as a 単位 column's.
      const asPrinted = new Set(
        [kpi.baseline, kpi.target, kpi.actual, kpi.finalTarget].flatMap((v) =>
          v?.kind === "number" && v.raw
            ? [/[\d.]\s*([千万億]+\S*?)(?=[(（\s]|$)/.exec(v.raw)?.[1] ?? ""]
            : [],
        ),
      );
      const only = [...asPrinted][0];
      if (asPrinted.size === 1 && only && kpi.unit && only.endsWith(kpi.unit)) kpi.unit = only;
    }
    const years = [
      ...new Set([...targets, ...actuals].map(yearOf).filter((y): y is number => y !== null)),
    ].sort();
    if (years.length >= 2)
      kpi.years = years.map((y) => {
        const t = targets.find((c) => yearOf(c) === y);
        const a = actuals.find((c) => yearOf(c) === y);
        return { year: y, target: valueAt(t, periodOf(t)), actual: valueAt(a, periodOf(a)) };
      });
    // One 達成率 per year (「平成29年度」 over 実績 | 達成率): the actual's year's (round56-rate-year.ts).
    const rc = rateColumnOfYear(
      idx("rate"),
      yearOf,
      actualCol !== undefined ? (yearOf(actualCol) ?? fy) : fy,
    );
    if (rc !== undefined) {
      // A column of bare numbers no larger than 3 (「0.96」, 「1.00」) prints ratios, not percentages.
      const r = ratioColumn(rc) ? readRatio(m.cells[rc] ?? "") : readRate(m.cells[rc] ?? "");
      kpi.printedRate = r ?? null;
      if (r === undefined) issue(rc, "rate_unreadable")("達成率として読めません");
    }
    const dc = idx("direction")[0];
    if (dc !== undefined) {
      const d = readDirection(m.cells[dc] ?? "");
      kpi.direction = d ?? null;
      if (d === undefined) issue(dc, "direction_unreadable")("方向性(増加・減少・維持)として読めません");
      // 「?」 where an arrow stood (↗ has no Shift_JIS code: a CSV saved so loses it): no direction to read.
      if (d === undefined && /^[?？]+$/.test(squash(m.cells[dc] ?? "")))
        refuse(
          `${m.row}行目の列「${cols[dc]!.header}」のセル「?」は方向性として読めません(矢印などの文字が失われたおそれ)`,
        );
    }
    const cc = idx("comments")[0];
    if (cc !== undefined) kpi.comments = readText(m.cells[cc] ?? "", authored);
    const extras = [...idx("no"), ...idx("extra")]
      .sort((a, b) => a - b)
      .filter((c) => !isEmpty(m.cells[c] ?? ""))
      .map((c) => ({
        header: joinSpacedLetters(cols[c]!.header) || `${c + 1}列目`,
        text: readText(m.cells[c]!, authored) ?? "",
      }));
    const yearOnly = idx("year")
      .filter((c) => !isEmpty(m.cells[c] ?? ""))
      .map((c) => ({ header: cols[c]!.header, text: readText(m.cells[c]!, authored) ?? "" }));
    if (defined.definition)
      extras.unshift({ header: `${cols[idx("indicator")[0]!]!.header}(説明)`, text: defined.definition });
    if (extras.length + yearOnly.length > 0) kpi.extras = [...extras, ...yearOnly];
    const noted = notedActualYear(extras, kpi.actual);
    if (noted && kpi.actual.kind === "number") {
      issues.push({
        row: m.row,
        column: noted.header,
        kind: "actual_period_from_note",
        before: String(kpi.actual.period.year),
        after: String(noted.period.year),
        confidence: "medium",
        message: `備考「${noted.text.slice(0, 30)}」により、実績値を${noted.period.year}年度の値とした`,
      });
      kpi.actual = { ...kpi.actual, period: noted.period };
    }
    // Extra cells beyond the header's width are kept too, never dropped.
    m.cells.slice(cols.length).forEach((t, j) => {
      if (isEmpty(t)) return;
      kpi.extras ??= [];
      kpi.extras.push({ header: `${cols.length + j + 1}列目`, text: readText(t, authored) ?? "" });
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
  issues.push(...undatedBaselines(cols, merged, fy));
  return { kpis, goals: merged.map((m) => m.goals), used };
}
