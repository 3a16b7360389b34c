/**
 * A legend that names the share due by now as its best band (本宮市: 「5か年の計画のうち1年が経過したため、
 * 100%×1/5=20%をA評価として、以下5%刻みで5段階評価」): its thresholds are of progress over the whole plan,
 * so 20% is on track, not a fifth of the way. Read as a pace, every threshold is measured against it
 * (15% of a 20% pace is 75%) when deciding each band's category; the printed thresholds stay as printed.
 */
export interface Pace {
  /** The label the pace earns (「A」). */
  label: string;
  /** The share due by now (0.2). */
  share: number;
}

const PACE = /(\d+(?:\.\d+)?)\s*%\s*を\s*([A-Za-z][+]?|[0-9]|[①-⑳◎○])\s*(?:評価|判定|区分)?\s*と(?:し|する)/u;

/** The pace a legend text states, or null; a share of 100% or more is no pace (the plain reading holds). */
export function paceOf(texts: readonly string[]): Pace | null {
  for (const text of texts) {
    const m = PACE.exec(text.replace(/<br\s*\/?>/gi, " ").normalize("NFKC"));
    if (!m) continue;
    const share = Number(m[1]) / 100;
    if (share > 0 && share < 1) return { label: m[2]!, share };
  }
  return null;
}

/**
 * The thresholds as shares of the pace, when the pace's label is the band with the highest printed
 * threshold and that threshold is the pace: otherwise the mins unchanged (a pace the bands do not
 * print is not trusted to rescale them).
 */
export function scaledByPace(
  bands: readonly { label: string; min: number | null }[],
  pace: Pace | null,
): (number | null)[] {
  const mins = bands.map((b) => b.min);
  if (!pace) return mins;
  const top = Math.max(...mins.map((m) => m ?? -1));
  const at = bands.find((b) => b.label.normalize("NFKC") === pace.label);
  if (!at || at.min === null || at.min !== top || Math.abs(at.min - pace.share) > 1e-9) return mins;
  return mins.map((m) => (m === null ? null : m / pace.share));
}
