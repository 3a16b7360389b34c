/**
 * Guards of round 39: shapes a reading left wrong with exit 0 (koshigaya-suii printed to PDF), refused now
 * whatever reader path leaves them so (exit 2, `implausible_reading`, the cell named).
 * - A level's title with another numbered heading of the plan inside it, after words
 *   (「た職住近接のまちをつくる基本目標2 越谷の魅力を…」): a long title in a merged cell wrapped past its rows
 *   on the print, its last line taken into the next level's cell — the one above lost its end, this one
 *   got it in front of its own number. Two headings never share one cell.
 */
import type { Kpi, Sheet } from "../core/sheet.ts";

/** A numbered heading of a plan's level (基本目標2, 基本施策 3, 政策目標1) after at least two characters of text. */
const HEADING_INSIDE =
  /^(.{2,}?[^\s(（「『・、,，0-9０-９])\s*((?<!基本|政策|数値|具体的な?|重点|の)((?:基本|政策|数値)?目標|基本施策|具体的な?施策|重点施策|施策の柱|基本方針|基本戦略)\s*[0-9０-９]{1,2})(?![0-9０-９.．%％年度人件])/;

export function round39Refusal(sheet: Sheet, name: (k: Kpi) => string): string | null {
  for (const k of sheet.kpis)
    for (const level of [k.goal, k.subgoal, k.measure]) {
      const m = level?.title ? HEADING_INSIDE.exec(level.title) : null;
      if (m)
        return `${name(k)}の階層「${level.title.slice(0, 30)}」の途中に別の見出し「${m[2]}」があります。前の階層の名前の続き(セル内の折り返し)が入り込み、階層の名前を読み違えたおそれがあります`;
    }
  return null;
}
