/**
 * Guards of round 47: shapes the first reading (or a round-47 rule taken out) left wrong with exit 0, refused whatever
 * reader path leaves them so (exit 2, `implausible_reading`, the KPI or the line named).
 * - A KPI rated (not 評価できない) whose evaluated year's figure is 「未公表」 (not out yet) while an earlier year of its grid has a figure
 *   (sasebo-suii's 市内総生産: 「921,340 | 未公表 | 未公表」 rated ○): the rating was made on some figure, and which one
 *   the reading cannot say — written, it is a rating with no actual under it. A note that says such statistics are
 *   rated on their latest figure makes that figure the actual (round47-lagging-actuals.ts), and then nothing is refused.
 * - A heading line 「1. 基本目標:…」 (the number before the level's word, the title after a colon) whose title no KPI
 *   carries at any level: a heading lost (yonabaru-seika's goals, with round47-level-lines.ts taken out, were left
 *   empty with exit 0).
 */
import type { Kpi, Sheet } from "../core/sheet.ts";
import { squash } from "./columns.ts";
import { lostLevelLine } from "./lost-level-lines.ts";
import { ratesTheProject } from "./round59-project-effect.ts";
import type { SourceTable } from "./types.ts";

const NUMBERED_LEVEL_LINE =
  /^[■□◆◇●]?\s*[0-9０-９]{1,2}\s*[.．、]\s*(?:大基本目標|基本目標|政策目標|基本戦略|基本施策|基本的方向|施策)\s*[:：]\s*(\S.{1,60})$/;

/** The evaluated year's figure not out yet (a statistic published later), though the KPI is rated. */
const UNPUBLISHED = /未公表|公表前|未発表|公表待ち|未確定|集計中/;

function ratedWithoutActual(sheet: Sheet, name: (k: Kpi) => string): string | null {
  for (const k of sheet.kpis) {
    if (k.actual.kind !== "missing" || !k.evaluation || k.evaluation.printed === false) continue;
    // (A blank or a dash under a rating is the sheet's own way of printing no figure: kitsuki-city, toyonaka-city.)
    if (k.evaluation.category === "not_evaluable" || !UNPUBLISHED.test(squash(k.actual.raw ?? ""))) continue;
    // (A project's 事業の効果 rates the project, not this figure: round59-project-effect.ts.)
    if (ratesTheProject(k)) continue;
    const earlier = (k.years ?? []).filter((y) => y.year < sheet.fiscalYear && y.actual?.kind === "number");
    const last = earlier.at(-1);
    if (last?.actual?.kind !== "number") continue;
    return `${name(k)}は評価「${k.evaluation.label ?? ""}」がありますが、評価年度(${sheet.fiscalYear}年度)の実績値がなく、${last.year}年度の値「${last.actual.raw ?? last.actual.value}」があります。どの年度の値で評価したか分からないため取り込みません(直近値で評価する旨の注記があれば、その値を実績値として読みます)`;
  }
  return null;
}

function numberedLevelLost(sheet: Sheet, table: SourceTable): string | null {
  return lostLevelLine(sheet, table, NUMBERED_LEVEL_LINE);
}

export const round47Refusal = (sheet: Sheet, table: SourceTable, name: (k: Kpi) => string): string | null =>
  ratedWithoutActual(sheet, name) ?? numberedLevelLost(sheet, table);
