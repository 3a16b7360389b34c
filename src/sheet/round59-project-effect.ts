/**
 * Round 59 (miki-suishin): a rating of the national 効果検証 form's 事業の効果 (「地方創生に相当程度効果があった」 …) judges the
 * project — all its KPIs and how it went — not one KPI's figure. A KPI of such a project whose evaluated year's figure is
 * still 「集計中」 keeps its project's rating with no actual: the question round 47 asks of a KPI's own rating (which
 * year's figure was it made on?) does not arise, since no single figure was rated.
 */
import type { Kpi } from "../core/sheet.ts";
import { nationalEffectCategory } from "./parse-evaluation-label.ts";

/** Whether the KPI's rating is one of the national form's four 事業の効果 labels (a judgement of its project). */
export const ratesTheProject = (k: Kpi): boolean =>
  k.evaluation?.printed !== false && nationalEffectCategory(k.evaluation?.label ?? "") !== null;
