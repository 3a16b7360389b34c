/**
 * An actual read as words (no figure in it) while the same KPI's other values are figures: 大垣市's 「未発表」 (the
 * figure not published yet) was written as the text actual 「未発表」 with exit 0, as if something had been
 * measured. Words in a row of figures are a mark of no figure (「―」, 「なし」, 「未発表」: rules read those as
 * missing) or a note; one read as the actual is refused, naming the row. A row whose values are all words (a
 * target of 設置, an actual of なし) is a state, and passes.
 */
import type { Kpi, Sheet } from "../core/sheet.ts";

/**
 * The first KPI whose actual is words without a figure while its baseline or targets are figures; `trend` says
 * which words are a figure's movement (延伸, 増加: a value of their own).
 */
export function wordedActualAmongFigures(sheet: Sheet, trend: (text: string) => boolean): Kpi | null {
  for (const k of sheet.kpis) {
    const a = k.actual;
    if (a?.kind !== "text" || /[0-9０-９]/.test(a.text) || trend(a.text)) continue;
    if ([k.baseline, k.target, k.finalTarget].some((v) => v?.kind === "number")) return k;
  }
  return null;
}
