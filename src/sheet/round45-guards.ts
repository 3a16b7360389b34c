/**
 * Guards of round 45: shapes a reading leaves wrong with exit 0 when a round-45 rule is taken out (uda-suuchi's first
 * reading was a refusal), refused whatever reader path leaves them so (exit 2, `implausible_reading`, the label named).
 * - A legend band whose meaning says the year has no actual (「X:当該年度の実績値なし」, 「-:実績がない」) read as a rating of
 *   progress (on track, mostly, delayed): a KPI rated with it would be written delayed with no figure to be behind.
 */
import type { Sheet } from "../core/sheet.ts";

/** The meaning says there is no figure (for the year): nothing measured, so nothing to rate. */
const NO_ACTUAL = /実績値?(が|は)?(なし|ない|無し|未確定|不明)|実績値?(を|が)把握でき(ない|ず)/;

function noActualBandRated(sheet: Sheet): string | null {
  const band = sheet.scale?.bands.find(
    (b) => b.category !== "not_evaluable" && NO_ACTUAL.test(b.meaning.normalize("NFKC")),
  );
  if (!band) return null;
  return `凡例の「${band.label}」は「${band.meaning.slice(0, 30)}」(実績値がないこと)を示していますが、進み具合の評価として読まれました`;
}

export const round45Refusal = (sheet: Sheet): string | null => noActualBandRated(sheet);
