/**
 * A figure printed after the span it is counted over or reached in (別海町's 数値目標 under 目標値(H31):
 * 「5年間で15件」, 「5年後に333千人」, 「5年後に年146人」; other towns print 「5か年で20人」, 「3年後には年50件」,
 * 「計画期間で100件」): the words say how the figure counts — the period's sum, or the value in the plan's last
 * year, 「年」 a year's figure — not what it is. The figure is the value; the words are kept as a note (as
 * 「累計」 and 「延べ」 are), never read as a text target.
 */
const SPAN =
  /^(?:(?:[0-9０-９]{1,2}|[一二三四五六七八九十])\s*(?:年間|か年|ヵ年|カ年|ケ年|箇年)(?:の累計)?\s*(?:で|に)|(?:[0-9０-９]{1,2}|[一二三四五六七八九十])\s*年後\s*(?:に|には|で)|計画期間(?:の累計)?\s*(?:で|に|中に))\s*(?:年\s*(?=[\d０-９]))?(?=[\d０-９])/;

/** The span words before a figure (「5年間で」, 「5年後に年」), or null when the cell does not open so. */
export function spanBeforeFigure(line: string): string | null {
  const m = SPAN.exec(line.trim());
  return m ? m[0] : null;
}
