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
import { directionOf, inferDirection } from "./direction.ts";
import { explain } from "./explain.ts";
import { progressToFinal } from "./progress.ts";
import { computeRate } from "./rate.ts";
import { bandOf, bottomBand, DEFAULT_RULES, rulesFromScale, topBand } from "./rules.ts";
import type {
  Baseline,
  CategoryCounts,
  EvaluationSummary,
  KpiEvaluation,
  Rules,
  SheetEvaluation,
  SummaryGroup,
} from "./types.ts";

/** Evaluates one KPI under the rules (evaluateSheet does the same for each KPI of a sheet). */
export function evaluateKpi(kpi: Kpi, rules: Rules, fiscalYear: number): KpiEvaluation {
  return evaluateWith(kpi, planOf(rules), fiscalYear);
}

/**
 * What the rules say, looked at once per sheet instead of once per KPI: whether any direction or
 * baseline is set by hand. Most rules set none, and then the per-KPI lookups by row (a number
 * turned into a string) and by indicator text are skipped. (A side effect: with no hand-set
 * entries, an indicator named like an Object.prototype member, "constructor", no longer picks
 * up that member as its direction or baseline.)
 */
interface Plan {
  rules: Rules;
  handSetDirections: boolean;
  baselines: boolean;
}

function hasKeys(o: object): boolean {
  for (const _ in o) return true;
  return false;
}

function planOf(rules: Rules): Plan {
  const { directions: d, baselines: b } = rules;
  return {
    rules,
    handSetDirections: hasKeys(d.byRow) || hasKeys(d.byIndicator),
    baselines: hasKeys(b.byRow) || hasKeys(b.byIndicator),
  };
}

/** The baseline set by hand in the rules, else the one the sheet prints (基準値 with its period). */
function baselineOf(kpi: Kpi, plan: Plan): Baseline | null {
  if (plan.baselines) {
    const b = plan.rules.baselines;
    const set = b.byRow[String(kpi.row)] ?? b.byIndicator[kpi.indicator];
    if (set) return set;
  }
  const printed = kpi.baseline;
  return printed?.kind === "number" ? { value: printed.value, year: printed.period.year } : null;
}

/**
 * This runs once per KPI-year (870,500 at national scale; README.md § Performance): it makes
 * only the objects that are part of its output, takes the inferred direction from a cache, and
 * builds the explanation sentence only where there is one (agrees is not true).
 */
function evaluateWith(kpi: Kpi, plan: Plan, fiscalYear: number): KpiEvaluation {
  const rules = plan.rules;
  const dir = plan.handSetDirections
    ? directionOf(kpi, rules)
    : kpi.direction
      ? // The sheet prints it (方向性): better than a guess from the indicator's words.
        { direction: kpi.direction.direction, inferred: false, source: "sheet" as const, keyword: null }
      : inferDirection(kpi.indicator);
  const baseline = baselineOf(kpi, plan);
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
  } else if (
    dir.direction === "decrease" &&
    r.notes.includes("zero_target") &&
    kpi.actual.kind === "number" &&
    kpi.actual.value > 0
  ) {
    // Aiming at zero and not there: delayed (the lowest band), not 評価不可 (issue 14 point 8).
    const band = bottomBand(rules);
    computed = band.category;
    computedLabel = band.label;
    computedBasis = "rule";
    r.notes.push("zero_target_decrease_missed");
  }
  const stated = kpi.evaluation.category;
  // A sheet that prints no evaluation states none: nothing to agree or disagree with.
  const printed = kpi.evaluation.printed !== false;
  if (!printed) r.notes.push("not_printed");
  const agrees = !printed
    ? null
    : computed === "not_evaluable"
      ? stated === "not_evaluable"
        ? true
        : null
      : computed === stated;
  return {
    row: kpi.row,
    indicator: kpi.indicator,
    goal: { no: kpi.goal.no, title: kpi.goal.title },
    departments: kpi.departments.slice(),
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
    statedLabel: printed ? (kpi.evaluation.label ?? null) : null,
    covid: kpi.evaluation.covid,
    agrees,
    // explain() gives null where the categories agree: skip building its input there.
    explanation:
      agrees === true
        ? null
        : explain({
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

function zeroCounts(): CategoryCounts {
  return { on_track: 0, mostly_on_track: 0, delayed: 0, not_evaluable: 0 };
}

/** One more of `category`: a switch of named fields, cheaper here than `c[category] += 1`. */
function countCategory(c: CategoryCounts, category: Category): void {
  switch (category) {
    case "on_track":
      c.on_track += 1;
      break;
    case "mostly_on_track":
      c.mostly_on_track += 1;
      break;
    case "delayed":
      c.delayed += 1;
      break;
    case "not_evaluable":
      c.not_evaluable += 1;
      break;
    default: {
      // Not a category (data built around the types): as before, `c[category] += 1`.
      const other = c as Record<string, number>;
      other[category as string] = (other[category as string] as number) + 1;
    }
  }
}

function add(g: SummaryGroup, k: KpiEvaluation): void {
  g.total += 1;
  countCategory(g.stated, k.stated);
  countCategory(g.computed, k.computed);
  if (k.agrees === true) g.agree += 1;
  else if (k.agrees === false) g.disagree += 1;
  else g.cannotCheck += 1;
}

type GoalGroup = SummaryGroup & { no: number; title: string };
type DepartmentGroup = SummaryGroup & { department: string };

// Groups are built as literals (not spread from a shared empty group): the same fields in the
// same order as ever, which the JSON output depends on.
function allGroup(): SummaryGroup {
  return { total: 0, stated: zeroCounts(), computed: zeroCounts(), agree: 0, disagree: 0, cannotCheck: 0 };
}

function goalGroup(no: number, title: string): GoalGroup {
  return {
    no,
    title,
    total: 0,
    stated: zeroCounts(),
    computed: zeroCounts(),
    agree: 0,
    disagree: 0,
    cannotCheck: 0,
  };
}

function departmentGroup(department: string): DepartmentGroup {
  return {
    department,
    total: 0,
    stated: zeroCounts(),
    computed: zeroCounts(),
    agree: 0,
    disagree: 0,
    cannotCheck: 0,
  };
}

const byGoalNo = (a: GoalGroup, b: GoalGroup) => a.no - b.no;

/**
 * Counts KPIs one at a time, so that evaluateSheet can count while it evaluates (one pass).
 * Consecutive KPIs mostly share their 大基本目標: the last goal's group is kept at hand.
 */
class SummaryCounter {
  private readonly all = allGroup();
  private readonly goals = new Map<number, GoalGroup>();
  private readonly depts = new Map<string, DepartmentGroup>();
  private lastGoal: GoalGroup | null = null;

  add(k: KpiEvaluation): void {
    add(this.all, k);
    add(this.goalOf(k.goal.no, k.goal.title), k);
    const ds = k.departments;
    for (let i = 0; i < ds.length; i++) {
      const d = ds[i]!;
      // A department listed twice on one KPI counts once (its first mention).
      if (i > 0 && ds.indexOf(d) < i) continue;
      let g = this.depts.get(d);
      if (g === undefined) {
        g = departmentGroup(d);
        this.depts.set(d, g);
      }
      add(g, k);
    }
  }

  private goalOf(no: number, title: string): GoalGroup {
    if (this.lastGoal !== null && this.lastGoal.no === no) return this.lastGoal;
    let g = this.goals.get(no);
    if (g === undefined) {
      g = goalGroup(no, title);
      this.goals.set(no, g);
    }
    this.lastGoal = g;
    return g;
  }

  /** Per 大基本目標 in goal order, per 担当課 in first-seen order. */
  result(): EvaluationSummary {
    return {
      all: this.all,
      byGoal: Array.from(this.goals.values()).sort(byGoalNo),
      byDepartment: Array.from(this.depts.values()),
    };
  }
}

/** Counts for the sheet, per 大基本目標 (in goal order) and per 担当課 (in first-seen order). */
export function summarize(kpis: readonly KpiEvaluation[]): EvaluationSummary {
  const counter = new SummaryCounter();
  for (const k of kpis) counter.add(k);
  return counter.result();
}

/** Evaluates every KPI of a sheet under the rules (DEFAULT_RULES when none are given). */
/** Without rules given, the scale the sheet prints (its legend's thresholds) is used when it has one. */
export function evaluateSheet(
  sheet: Sheet,
  rules: Rules = (sheet.scale && rulesFromScale(sheet.scale)) || DEFAULT_RULES,
): SheetEvaluation {
  const kpis: KpiEvaluation[] = [];
  const plan = planOf(rules);
  const counter = new SummaryCounter();
  for (const kpi of sheet.kpis) {
    const e = evaluateWith(kpi, plan, sheet.fiscalYear);
    kpis.push(e);
    counter.add(e);
  }
  return {
    format: "evaluation/1",
    municipality: sheet.municipality ?? null,
    fiscalYear: sheet.fiscalYear,
    rules,
    kpis,
    summary: counter.result(),
  };
}
