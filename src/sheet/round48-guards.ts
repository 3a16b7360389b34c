/**
 * Guards of round 48: the shape ichikawamisato-kensho's first reading left wrong with exit 0, refused now whatever reader
 * path leaves it so (exit 2, `implausible_reading`, the band named).
 * - A legend band that concedes the target was not reached and says the figure still moved forward
 *   (「B:目標値は未達成だが、現状値から前進した」) read delayed, in a scale whose other bands are on track and delayed
 *   only: the legend grades "reached", "short but better" and "worse", and the reading made the middle one "worse".
 *   Where the scale has a step under on track already (a national 4-grade legend's 「相当程度効果があった」), a band
 *   below it that says 「…ものの事業開始前よりも改善した」 is rightly delayed (丹波市), so the guard asks only when
 *   no band was read mostly on track.
 */
import type { Sheet } from "../core/sheet.ts";

/** The target named as not reached, then a turn (だが, ものの, けれど, が、): a concession. */
const CONCEDED =
  /(未達成|達成(し|でき)(てい)?な(い|かった)|達成せず|届かな|下回)[^。]*?(だが|ものの|けれど|が[、,])/;
/** …and the figure moved forward (前進, 改善, 向上, 伸び, 増加), from whatever it is measured against. */
const ADVANCED = /(前進|改善|向上|伸び|増加)/;

export function advanceReadDelayed(sheet: Sheet): string | null {
  const bands = sheet.scale?.bands ?? [];
  if (!bands.some((b) => b.category === "on_track") || bands.some((b) => b.category === "mostly_on_track"))
    return null;
  const band = bands.find((b) => {
    const t = (b.meaning ?? "").normalize("NFKC");
    const turn = CONCEDED.exec(t);
    return b.category === "delayed" && turn !== null && ADVANCED.test(t.slice(turn.index + turn[0].length));
  });
  return band
    ? `凡例「${band.label}」は目標に届かないものの前進したことを示すのに、遅れとして読みました。達成と遅れの間の段階を取り違えたおそれがあります`
    : null;
}

export const round48Refusal = (sheet: Sheet): string | null => advanceReadDelayed(sheet);
