/**
 * A legend of long labels (the 交付金 forms' 「地方創生に非常に効果的であった:… 地方創生に相当程度効果があった:…
 * 地方創生に効果があった:… 地方創生に効果がなかった:…」) names every band, also one no row of the table was given.
 * The labels the rows use are found by their words; a band no row uses would stay inside the meaning before it
 * (「…概ね成果が得られた 地方創生に効果があった:KPIの…」). A label that opens with the words every used label opens
 * with (three characters at least), set off by a space and followed by a colon, is that unused band's.
 */
export function siblingLabelHits(
  text: string,
  hits: readonly { label: string; at: number; end: number }[],
): { label: string; at: number; end: number }[] {
  if (hits.length < 2) return [];
  let prefix = hits[0]!.label;
  for (const h of hits) while (!h.label.startsWith(prefix)) prefix = prefix.slice(0, -1);
  if ([...prefix].length < 3) return [];
  const esc = prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const out: { label: string; at: number; end: number }[] = [];
  for (const m of text.matchAll(new RegExp(`(?<=^|\\s)(${esc}[^\\s:：。、]{1,20})\\s*[:：]`, "g"))) {
    const at = m.index;
    if (hits.some((h) => at < h.end && at + m[0].length > h.at)) continue;
    out.push({ label: m[1]!, at, end: at + m[0].length });
  }
  return out;
}
