/**
 * Guard of round 53: the shape sabae-seika's reading left wrong with exit 0 once its plan level was read (its first reading
 * was refused for that level, and behind the refusal two value cells were kept as words), refused now whatever reader path
 * leaves it so (exit 2, `implausible_reading`, the KPI and its value named).
 * - A value that is only a month's date (「H28.3」, 「平成28年3月」: the 目標月 of 坂井市's 先行型 report, read as each KPI's final target
 *   in the withdrawn fukuisakai-senkou): a date column taken for a value column — the KPI's figure is elsewhere or absent,
 *   and the date as its value is no value at all.
 * - A value that is only 「?」 (sabae-seika saved as Shift_JIS CSV: its 「—」, a character CP932 lacks, written 「?」): a character
 *   lost when the file was saved — kept as text, the KPI would carry a value that says nothing, with exit 0.
 * - A baseline, target or actual kept as text although it is a figure with its unit and a bracket after it
 *   (「25 人(2009~14 年)」: a span of years; 「610 人(期間平均)」: how the figure was taken): the figure is there, but the
 *   bracket was not understood — as words the KPI has no value to measure, and nothing says so but a warning. The
 *   bracket may date the figure or change what it counts, so it is not dropped either: the cell is named and refused.
 */
import type { Kpi, Sheet, Value } from "../core/sheet.ts";
import { valuesJa } from "./field.ts";
import { fiscalYearOfMonth } from "./target-month.ts";

/** 「25 人(2009~14 年)」, 「610人(期間平均)」: a figure, a short unit, one bracket closing the cell. */
const FIGURE_THEN_BRACKET =
  /^[▲△+\-−]?[\d０-９][\d,，.．]*\s*[^\s\d()（）]{0,4}\s*[(（]([^()（）]{1,20})[)）]$/;

function bracketKeptAsText(v: Value | undefined): string | null {
  if (v?.kind !== "text") return null;
  const t = v.text.replace(/<br\s*\/?>|\n/g, "").trim();
  return FIGURE_THEN_BRACKET.test(t) ? t : null;
}

export function round53Refusal(sheet: Sheet, name: (k: Kpi) => string): string | null {
  for (const k of sheet.kpis)
    for (const [ja, v] of valuesJa(k)) {
      if (v?.kind === "text" && /^[?？]+$/.test(v.text.trim()))
        return `${name(k)}の${ja}「${v.text.trim()}」は保存のときに失われた文字(?)です。元の値が分からないため取り込みません。文字コードを UTF-8 にして保存し直してください`;
      if (v?.kind === "text" && fiscalYearOfMonth(v.text) !== null)
        return `${name(k)}の${ja}「${v.text.slice(0, 16)}」は年月(日付)で、値ではありません。目標年月などの日付の列を値の列として読んだおそれがあります`;
    }
  for (const k of sheet.kpis) {
    for (const [ja, v] of valuesJa(k)) {
      const t = bracketKeptAsText(v);
      if (t)
        return `${name(k)}の${ja}「${t.slice(0, 24)}」は数値の後に括弧書きがありますが、括弧の意味(年・期間・集計の仕方)を読めず、数値ではなく文字として保持しています。括弧の中(年・期間・平均など)を書き直すか、値の年を指定してください`;
    }
    for (const y of k.years ?? [])
      for (const v of [y.target, y.actual]) {
        const t = bracketKeptAsText(v);
        if (t)
          return `${name(k)}の${y.year}年度の値「${t.slice(0, 24)}」は数値の後に括弧書きがありますが、括弧の意味(年・期間・集計の仕方)を読めず、数値ではなく文字として保持しています。括弧の中(年・期間・平均など)を書き直すか、値の年を指定してください`;
      }
  }
  return null;
}
