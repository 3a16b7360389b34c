/**
 * Evaluates KPIs: direction, rate, computed category under the rules, agreement with the stated
 * category (with the sentence explaining a difference), progress to the final target, and the
 * sheet's summary (per category, per 大基本目標, per 担当課).
 *
 * Agreement: `agrees` is true when the computed category equals the stated one, false when they
 * differ, and null ("cannot check") when there is no computed category (no rate and no explicit
 * rule) while the sheet states one — e.g. 待機児童なし vs 待機児童なし: not counted as a disagreement.
 * A sheet saying 評価不可 where a rate exists is a disagreement.
 */
import type { Category, Kpi, Sheet } from "../sheet.ts";
import { directionOf } from "./direction.ts";
import { explain } from "./explain.ts";
import { progressToFinal } from "./progress.ts";
import { computeRate } from "./rate.ts";
import { bandOf, DEFAULT_RULES, topBand } from "./rules.ts";
import type {
  CategoryCounts,
  EvaluationSummary,
  KpiEvaluation,
  Rules,
  SheetEvaluation,
  SummaryGroup,
} from "./types.ts";

export function evaluateKpi(kpi: Kpi, rules: Rules, fiscalYear: number): KpiEvaluation {
  const dir = directionOf(kpi, rules);
  const baseline =
    rules.baselines.byRow[String(kpi.row)] ?? rules.baselines.byIndicator[kpi.indicator] ?? null;
  const r = computeRate(kpi.target, kpi.actual, {
    direction: dir.direction,
    formula: rules.formula,
    baseline,
    finalTarget: kpi.finalTarget,
    fiscalYear,
  });
  let computed: Category = "not_evaluable";
  let computedLabel = rules.notEvaluable.label;
  let computedBasis: KpiEvaluation["computedBasis"] = "none";
  if (r.rate !== null) {
    const band = bandOf(r.rate, rules);
    computed = band.category;
    computedLabel = band.label;
    computedBasis = "rate";
  } else if (r.achievedByRule) {
    const band = topBand(rules);
    computed = band.category;
    computedLabel = band.label;
    computedBasis = "rule";
  }
  const stated = kpi.evaluation.category;
  const agrees =
    computed === "not_evaluable" ? (stated === "not_evaluable" ? true : null) : computed === stated;
  return {
    row: kpi.row,
    indicator: kpi.indicator,
    goal: { no: kpi.goal.no, title: kpi.goal.title },
    departments: [...kpi.departments],
    direction: dir.direction,
    directionInferred: dir.inferred,
    directionSource: dir.source,
    directionKeyword: dir.keyword,
    formula: rules.formula,
    achievementRate: r.rate,
    segments: r.segments,
    worstSegment: r.worstSegment,
    computed,
    computedLabel,
    computedBasis,
    stated,
    statedLabel: kpi.evaluation.label ?? null,
    covid: kpi.evaluation.covid,
    agrees,
    explanation: explain({
      formula: rules.formula,
      rate: r.rate,
      worstSegment: r.worstSegment,
      computed,
      computedLabel,
      computedBasis,
      stated,
      agrees,
      notes: r.notes,
    }),
    notes: r.notes,
    progressToFinal: progressToFinal(kpi.finalTarget, kpi.actual, dir.direction, fiscalYear),
  };
}

const zeroCounts = (): CategoryCounts => ({ on_track: 0, mostly_on_track: 0, delayed: 0, not_evaluable: 0 });
const emptyGroup = (): SummaryGroup => ({
  total: 0,
  stated: zeroCounts(),
  computed: zeroCounts(),
  agree: 0,
  disagree: 0,
  cannotCheck: 0,
});

function add(g: SummaryGroup, k: KpiEvaluation): void {
  g.total += 1;
  g.stated[k.stated] += 1;
  g.computed[k.computed] += 1;
  if (k.agrees === true) g.agree += 1;
  else if (k.agrees === false) g.disagree += 1;
  else g.cannotCheck += 1;
}

/** Counts for the sheet, per 大基本目標 (in goal order) and per 担当課 (in first-seen order). */
export function summarize(kpis: readonly KpiEvaluation[]): EvaluationSummary {
  const all = emptyGroup();
  const goals = new Map<number, SummaryGroup & { no: number; title: string }>();
  const depts = new Map<string, SummaryGroup & { department: string }>();
  for (const k of kpis) {
    add(all, k);
    const g = goals.get(k.goal.no) ?? { no: k.goal.no, title: k.goal.title, ...emptyGroup() };
    goals.set(k.goal.no, g);
    add(g, k);
    for (const d of new Set(k.departments)) {
      const dg = depts.get(d) ?? { department: d, ...emptyGroup() };
      depts.set(d, dg);
      add(dg, k);
    }
  }
  return {
    all,
    byGoal: [...goals.values()].sort((a, b) => a.no - b.no),
    byDepartment: [...depts.values()],
  };
}

/** Evaluates every KPI of a sheet under the rules (DEFAULT_RULES when none are given). */
export function evaluateSheet(sheet: Sheet, rules: Rules = DEFAULT_RULES): SheetEvaluation {
  const kpis = sheet.kpis.map((k) => evaluateKpi(k, rules, sheet.fiscalYear));
  return {
    format: "evaluation/1",
    municipality: sheet.municipality ?? null,
    fiscalYear: sheet.fiscalYear,
    rules,
    kpis,
    summary: summarize(kpis),
  };
}
