/**
 * Guards of round 43: shapes a reading left wrong with exit 0 on its first reading (bungotakada-kpi), refused now
 * whatever reader path leaves them so (exit 2, `implausible_reading`, the KPI's row named).
 * - A level of the plan read with no number whose title begins with Latin capitals and a full stop (「I. 「訪れたい」…」,
 *   「IV. …」: Roman numerals as a PDF's text or a typist writes them): a numbering left unread inside the title — every
 *   KPI's goal written as number 0 and a title that carries the number.
 * (The other shape of the round, a second legend giving the evaluation's letters other meanings, is refused where the
 * scale is read: table-scale.ts.)
 */
import type { Kpi, Ordinal, Sheet } from "../core/sheet.ts";

const LEVELS = [
  ["goal", "基本目標"],
  ["subgoal", "中間の階層"],
  ["measure", "施策"],
] as const;
/** Latin capitals (one to four) and a full stop before the words of a title. */
const LATIN_NUMBERING = /^[A-ZＡ-Ｚ]{1,4}[.．]\s*[^\sA-Za-z0-9.．]/u;

export function round43Refusal(sheet: Sheet, name: (k: Kpi) => string): string | null {
  for (const k of sheet.kpis)
    for (const [f, label] of LEVELS) {
      const o = k[f] as Ordinal | undefined;
      if (o && o.no === 0 && LATIN_NUMBERING.test(o.title.trim()))
        return `${name(k)}の${label}「${o.title.slice(0, 24)}」は番号つきの題名の形ですが、番号を読み取れず題名のまま残りました。階層の番号の読み違いのおそれがあります`;
    }
  return null;
}
