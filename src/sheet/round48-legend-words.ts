/**
 * Round 48's legend words: the names offices give the figure a KPI started from. A legend band that says the figure
 * moved forward from it (「B:目標値は未達成だが、現状値から前進した」, 市川三郷町's 事業実績評価) is the step under on
 * track — better than at the start, the target not reached — whichever name the sheet uses for the start: 基準値,
 * 策定時 and 当初値 (read before this round), and 現状値 / 現況値 (the baseline's header on many 総合戦略 sheets: the value
 * at the plan's drafting), 従前値 (つくば市), 基準年(度). A bracketed year may sit between the name and 「から」
 * (「現状値(H26)から改善」).
 */
export const BASELINE_NAMES = "基準値?|基準年度?の?値?|策定時|計画策定時|初期値|当初値|現状値|現況値|従前値";

/**
 * 「…から前進した」, 「…より改善している」, 「…(H26)からも向上」: an advance from the baseline, under any of its names —
 * not 「現状値から改善していない」 / 「…改善しなかった」, which deny it (the band under it).
 */
export const ADVANCE_FROM_BASELINE = new RegExp(
  `(?:${BASELINE_NAMES})(?:の値)?(?:[(（][^()（）]{0,12}[)）])?(?:から|より)(?:も)?(?:改善|前進|向上)` +
    "(?!(?:して|し|がみられ|が見られ)?い?な(?:い|かった)|せず)",
);
