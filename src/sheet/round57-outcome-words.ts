/**
 * Round 57: a legend of the outcome's movement against the baseline, in words (須賀川市's 成果動向: 向上 / やや向上 /
 * 横ばい / やや低下 / 低下 / 比較できない, 「成果がやや低下している」). The words say the band whatever the legend's
 * order: read by order alone, a legend that prints no やや向上 (向上 / やや低下 / 低下) took やや低下, its second
 * entry, for mostly on track.
 * - a little better (やや向上, やや改善): the step under on track;
 * - worse, a little or not (低下, やや低下, 悪化, 後退 of the 成果 / 数値 / 指標, or the word alone) and no change
 *   (横ばい, ほぼ変わらない): delayed.
 * 「向上」 alone is left to the legend: the best band of a scale of movement, the step under 「目標を達成」 in a scale
 * that has one (福岡市's 「指標は改善している」, legend-categories.ts).
 */
import type { Category } from "../core/sheet.ts";

export function outcomeMovement(t: string): Category | null {
  const worse = /(^|成果|数値|指標|値)(が|は)?(やや|大きく|大幅に)?(低下|悪化|後退)(して|した|している|$)/;
  if (/やや(向上|改善)/.test(t) && !worse.test(t)) return "mostly_on_track";
  if (worse.test(t)) return "delayed";
  if (/^横ばい|成果が?横ばい|ほぼ変わら(ない|ず)/.test(t)) return "delayed";
  return null;
}
