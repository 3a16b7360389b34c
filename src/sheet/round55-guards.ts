/**
 * Guard of round 55: the shape omihachiman-dejiden's first reading left wrong with exit 0, refused now whatever reader
 * path leaves it so (exit 2, `implausible_reading`, the KPI named).
 * - A project's name (`initiatives`) or a level's title that is nothing but one grade — 「高」「中」「低」, 「A」, 「◎」: a
 *   rating column read as the projects or the plan's level. 「主要事業の貢献度」 (高 / 中 / 低 per 施策) was taken by its first
 *   words for the 事業's column, each KPI's project named 「高」. No city names a project or a 施策 with one grade; the
 *   column rates them (round55-quality-ratings.ts reads it as an extra), and the refusal says to map it so.
 */
import type { Kpi, Sheet } from "../core/sheet.ts";

/** One grade alone: a level word (高中低, 大小, 有無, 良可), a letter A–E / S, or a mark. */
const LONE_GRADE = /^[(（]?(?:[高中低大小有無良可]|[A-EＡ-ＥSＳa-e][+＋-]?|[◎○〇△▲×✕●])[)）]?$/;

const LEVELS = [
  ["goal", "基本目標"],
  ["subgoal", "中位の階層"],
  ["measure", "施策"],
] as const;

const advice =
  "評価の列(「主要事業の貢献度」「事業の有効性」など、事業や施策を段階で評価する列)を事業名や施策名の列として読んだおそれがあります。その列はプロファイルの columns で field を extra に割り当ててください";

export function round55Refusal(sheet: Sheet, name: (k: Kpi) => string): string | null {
  for (const k of sheet.kpis) {
    const grade = (k.initiatives ?? []).find((t) => LONE_GRADE.test(t.trim()));
    if (grade !== undefined) return `${name(k)}の事業名が評価の段階だけ(「${grade}」)です。${advice}`;
    for (const [level, ja] of LEVELS) {
      const title = k[level]?.title ?? "";
      if (LONE_GRADE.test(title.trim()))
        return `${name(k)}の${ja}名が評価の段階だけ(「${title}」)です。${advice}`;
    }
  }
  return null;
}
