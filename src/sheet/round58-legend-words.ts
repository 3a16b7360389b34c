/**
 * Round 58: legend words of a sheet whose targets are often words, not figures (日向市's 判定 under 「目標(R1)」 of
 * 「増加」 / 「維持」 / 「25.0%」: 「◎:目標を達成(「増加」は基準値を上回ったもの、「維持」は基準値以上のもの)
 * ×:目標に達していない」).
 * - An aside that says how the band applies to a worded target (「「増加」は基準値を上回ったもの」) is not what the
 *   band is: the words outside it decide. Its 「基準値を上回った」 read as the band's own words made 目標を達成 the
 *   step under on track ("better than the baseline, short of the target").
 * - 「目標に達していない」, 「目標値に届いていない」: the target not reached, said in so many words — delayed. Read by
 *   the legend's order alone, the second of a two-band legend (◎ / ×) was taken for mostly on track.
 */
import { MOVE_WORD } from "./worded-targets.ts";

/**
 * 「(「増加」は基準値を上回ったもの、「維持」は基準値以上のもの)」, 「(増加を目標とする指標は…)」: a parenthesis
 * naming a worded target (in 「」 or spaced off, as a legend reader leaves the quotes) and how the band reads it.
 */
const WORDED_ASIDE = new RegExp(
  `[(（](?:[^()（）]*[「『"\\s、,])?(?:基準値より|現状)?${MOVE_WORD}[」』"\\s]*(?:を目標とする(?:指標|もの)?)?(?:は|では|については|の場合(?:は)?)[^()（）]*[)）]`,
  "g",
);

/** The band's words without an aside on worded targets; the words unchanged when they print none. */
export function withoutWordedAside(t: string): string {
  const out = t.replace(WORDED_ASIDE, " ");
  return out === t ? t : out.replace(/\s+/g, " ").trim();
}

/** 「目標に達していない」, 「目標値に届いていない」, 「目標に達しなかった」: the target not reached. */
export const TARGET_NOT_REACHED =
  /(目標|目標値|計画値?)(に|まで)(は)?(達して(い)?ない|達しない|達せず|達しなかった|届いて(い)?ない|届かない|届かなかった)/;
