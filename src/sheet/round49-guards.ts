/**
 * Guards of round 49: shapes betsukai-kensho's first reading left wrong with exit 0 (both forms), refused now whatever
 * reader path leaves them so (exit 2, `implausible_reading`, the line, value or band named).
 * - 「<基本目標Ⅰ> 町の産業を担う…」 above each table: a level's word and number in angle brackets, the number a Roman
 *   numeral. Unread, the 基本的方向 column (「○基幹産業である…」) was taken for the goal and the measure left empty: a
 *   bracketed level line whose title no KPI carries at any level is a heading lost.
 * - A level's title still opening with the list's bullet 「○」 (「○基幹産業である…」: read so when the bullet rule of
 *   read-ordinal.ts is out): the bullet is the list's, not the title's.
 * - A target printed after the span it counts over (「5年間で15件」, 「5年後に333千人」) kept as text: a figure lost.
 * - A legend of 進捗率 bands none reaching 100%, under a note that the 進捗率 is against the final target, whose best
 *   band was read below on track (「A:進捗率60%以上」 read as mostly on track, B as delayed): the pace taken for a
 *   shortfall.
 */
import type { Kpi, Sheet, Value } from "../core/sheet.ts";
import { lostLevelLine, outsideLines } from "./lost-level-lines.ts";
import { implicitPace } from "./round49-implicit-pace.ts";
import { spanBeforeFigure } from "./round49-target-span.ts";
import type { SourceTable } from "./types.ts";

// (Its own pattern, not heading-levels.ts's: the guard must see the Roman-numbered line whether or not the rule does.)
const BRACKETED_LINE =
  /^[〈<＜《\u2329]\s*(?:大基本目標|基本目標|小基本目標|政策目標|基本戦略|基本施策|施策)\s*(?:[0-9０-９]{1,2}|[①-⑳]|[Ⅰ-Ⅻ]|[IVX]{1,4})\s*[〉>＞》\u232a]\s*(\S.{1,60})$/;

function bracketedLevelLost(sheet: Sheet, table: SourceTable): string | null {
  return lostLevelLine(sheet, table, BRACKETED_LINE, true);
}

function bulletInLevel(sheet: Sheet, name: (k: Kpi) => string): string | null {
  for (const k of sheet.kpis)
    for (const o of [k.goal, k.subgoal, k.measure])
      if (/^[○◯]\s*\S{2}/.test(o.title))
        return `${name(k)}の階層「${o.title.slice(0, 24)}」は箇条書きの記号「○」から始まります。記号を名前の一部として読んだおそれがあります`;
  return null;
}

const FIELDS = [
  ["baseline", "基準値"],
  ["target", "目標値"],
  ["finalTarget", "目標値"],
  ["actual", "実績値"],
] as const;

function spanFigureAsText(sheet: Sheet, name: (k: Kpi) => string): string | null {
  for (const k of sheet.kpis)
    for (const [field, ja] of FIELDS) {
      const v = k[field] as Value | undefined;
      if (v?.kind !== "text") continue;
      const span = spanBeforeFigure(v.text);
      if (span && /^[\d０-９][\d０-９,，.．]*\s*\S{0,4}$/.test(v.text.trim().slice(span.length).trim()))
        return `${name(k)}の${ja}「${v.text}」は期間の語(${span.trim()})の付いた数値ですが、文字として読みました。数値を読み落としたおそれがあります`;
    }
  return null;
}

function paceBandMisread(sheet: Sheet, table: SourceTable): string | null {
  const bands = sheet.scale?.bands ?? [];
  const texts = [...outsideLines(table).map((l) => l.text), sheet.scale?.source ?? ""];
  const pace = implicitPace(bands, texts);
  const best = pace && bands.find((b) => b.label.normalize("NFKC") === pace.label);
  if (best && best.category !== "on_track")
    return `凡例「${best.label}」は計画の最終目標に対する進捗率の最上位の段階(${Math.round(pace.share * 100)}%以上)ですが、達成(順調)として読めていません。進捗率の段階を取り違えたおそれがあります`;
  return null;
}

export const round49Refusal = (sheet: Sheet, table: SourceTable, name: (k: Kpi) => string): string | null =>
  bracketedLevelLost(sheet, table) ??
  bulletInLevel(sheet, name) ??
  spanFigureAsText(sheet, name) ??
  paceBandMisread(sheet, table);
