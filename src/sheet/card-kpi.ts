/**
 * One KPI of a card → the sheet's KPI: its keys (indicator, unit, department, texts), the year grid
 * read at the evaluated year, the baseline and final target from the keys, the grid's ends or the
 * indicator's own 「基準→目標」, the card's levels. `goal`: the name is tagged as a 数値目標 / 成果指標.
 */
import type { Period } from "../core/period.ts";
import type { EvaluationScale, Kpi, Ordinal, Value } from "../core/sheet.ts";
import { unitOfEnd, yearsWithEnd } from "./card-ends.ts";
import type { Card, CardKpi } from "./card-parts.ts";
import { readDepartments } from "./card-parts.ts";
import type { Field } from "./column-fields.ts";
import { isEmpty, squash } from "./columns.ts";
import { unitInName } from "./general-rows.ts";
import { readEvaluation, readRate, readText, readUnitValue, splitIndicator } from "./general-values.ts";
import { readDirection } from "./read-direction.ts";
import { readOrdinal } from "./read-ordinal.ts";
import { refuse } from "./refuse-reading.ts";
import { contentKind } from "./role-content.ts";
import type { ImportIssue } from "./types.ts";

const fiscal = (y: number): Period => ({ year: y, basis: "fiscal" });
const NONE: Ordinal = { no: 0, title: "" };

export function cardKpi(
  card: Card,
  k: CardKpi,
  row: number,
  at: { fy: number; scale: EvaluationScale | null; authored: boolean; issues: ImportIssue[] },
): { kpi: Kpi; goal: boolean } {
  const { fy, scale, authored, issues } = at;
  const named = splitIndicator(k.keys.get("indicator") ?? "");
  // 「[数値目標] 合計特殊出生率」: an outcome goal of a 基本目標, kept apart from the KPIs.
  const goal = named.tag === "数値目標" || named.tag === "成果指標";
  const unit =
    readText(k.keys.get("unit") ?? "", false) ??
    unitInName(named.name) ??
    (k.keyedEnd ? unitOfEnd(k.ends.get("finalTarget")?.text) : null);
  const issue = (kind: string) => (message: string) =>
    issues.push({ row: k.row, column: null, kind, before: null, after: null, confidence: "low", message });
  const val = (t: string | undefined, y: number): Value =>
    readUnitValue(t ?? "", unit, fiscal(y), issue("value_unreadable"));
  const grid = (f: Field, y: number) => k.grid.get(f)?.get(y);
  const targetYears = [...(k.grid.get("target")?.keys() ?? [])];
  const lastTarget = Math.max(...targetYears, 0);
  const finalKey = k.keys.get("finalTarget") ?? k.keys.get("target");
  const evalText = grid("evaluation", fy);
  const out: Kpi = {
    row,
    goal: card.hierarchy.has("goal") ? readOrdinal(card.hierarchy.get("goal")!) : NONE,
    subgoal: card.hierarchy.has("subgoal") ? readOrdinal(card.hierarchy.get("subgoal")!) : NONE,
    measure: card.hierarchy.has("measure") ? readOrdinal(card.hierarchy.get("measure")!) : NONE,
    initiatives: card.hierarchy.has("initiatives")
      ? [readText(card.hierarchy.get("initiatives")!, authored) ?? ""].filter(Boolean)
      : [],
    status: readText(k.keys.get("status") ?? "", authored),
    indicator: readText(named.name, false) ?? "",
    target: val(grid("target", fy), fy),
    actual: val(grid("actual", fy), fy),
    finalTarget: k.ends.has("finalTarget")
      ? val(k.ends.get("finalTarget")!.text, k.ends.get("finalTarget")!.year)
      : finalKey !== undefined
        ? readUnitValue(finalKey, unit, fiscal(lastTarget || fy), issue("value_unreadable"))
        : // A grid of each year's increase (増加分): its last year's figure is what that year adds, no final level.
          lastTarget > fy && !k.increments
          ? val(grid("target", lastTarget), lastTarget)
          : { kind: "missing" },
    evaluation: k.grid.has("evaluation")
      ? readEvaluation(evalText ?? "", scale, issue("evaluation_label_unknown"))
      : k.keys.has("evaluation")
        ? readEvaluation(k.keys.get("evaluation")!, scale, issue("evaluation_label_unknown"))
        : { category: "not_evaluable", covid: false, printed: false },
    reason: readText(k.keys.get("reason") ?? "", authored),
    challenge: readText(k.keys.get("challenge") ?? "", authored),
    nextSteps: readText(k.keys.get("nextSteps") ?? "", authored),
    departments: readDepartments(k.keys.get("departments") ?? card.departments),
  };
  if (k.keys.has("baseline"))
    out.baseline = readUnitValue(k.keys.get("baseline")!, unit, fiscal(fy), issue("value_unreadable"));
  else if (k.ends.has("baseline"))
    out.baseline = val(k.ends.get("baseline")!.text, k.ends.get("baseline")!.year);
  else if (named.baseline)
    out.baseline = readUnitValue(named.baseline.text, unit, named.baseline.period, issue("value_unreadable"));
  if (out.finalTarget.kind === "missing" && named.final)
    out.finalTarget = readUnitValue(named.final.text, unit, named.final.period, issue("value_unreadable"));
  if (k.keys.has("unit") || unit) out.unit = unit;
  const years = k.years.map((y) => ({
    year: y,
    target: val(grid("target", y), y),
    actual: val(grid("actual", y), y),
  }));
  const end = k.keyedEnd ? { year: k.ends.get("finalTarget")!.year, value: out.finalTarget } : null;
  out.years = yearsWithEnd(years, end, (year, target) => ({ year, target, actual: { kind: "missing" } }));
  if (k.grid.has("rate")) {
    const printed = grid("rate", fy) ?? "";
    out.printedRate = readRate(printed) ?? null;
    // 「99.3%-」: a rate run into the next year's 「-」 (a print without rules) is no rate — nor no rate at all.
    if (out.printedRate === null && !isEmpty(printed) && contentKind(printed) !== "dash")
      refuse(
        `指標「${named.name.slice(0, 20)}」(${k.row}行目)の${fy}年度の達成率「${squash(printed).slice(0, 20)}」を率として読めません(隣の欄の文字が混じったおそれがあります)`,
      );
  }
  if (k.keys.has("direction")) out.direction = readDirection(k.keys.get("direction")!) ?? null;
  if (k.keys.has("comments")) out.comments = readText(k.keys.get("comments")!, authored);
  if (k.extras.length > 0) out.extras = k.extras;
  return { kpi: out, goal };
}
