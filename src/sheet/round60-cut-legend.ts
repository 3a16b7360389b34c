/**
 * A legend line wrapped in the middle of a label (a print narrower than the line: 「… 地方創生に効果がなかっ」 then
 * 「た:KPIが事業開始前より悪化した」 on the next line): the next line begins with the label's last characters and its
 * colon. Joined back when the cut word and that start make a label the sheet rates with — nothing else is joined (a
 * note after a legend, 「注:…」, is a line of its own).
 */
const COLON = /[:：]/;

export function joinCutLegendLines(texts: readonly string[], usedLabels: ReadonlySet<string>): string[] {
  const norm = (s: string) => s.replace(/\s/g, "");
  const used = new Set([...usedLabels].map(norm));
  const out: string[] = [];
  for (const t of texts) {
    const prev = out.at(-1);
    const head = /^(\S{1,6}?)[:：]/.exec(t.trim());
    if (prev !== undefined && head && (prev.match(/[:：]/g)?.length ?? 0) >= 1) {
      const tail = prev.trimEnd().split(/\s+/).at(-1) ?? "";
      if (!COLON.test(tail) && used.has(norm(tail + head[1]))) {
        out[out.length - 1] = prev.trimEnd() + t.trim();
        continue;
      }
    }
    out.push(t);
  }
  return out;
}
