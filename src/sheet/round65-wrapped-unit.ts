/**
 * Round 65: a figure whose unit wrapped onto a line of its own in a narrow cell (「106.5」 over 「%」, a
 * 前年度比 column kept as an extra) is one figure: the unit joins the figure with no break, whether the
 * break was typed (XLSX) or the cell's edge (PDF). Only a line that is a unit alone, after a line ending in a
 * digit, joins; any other line break is kept as the reader keeps it.
 */

/** Units an office prints after a figure (the ones a narrow cell pushes onto the next line). */
const UNIT_LINE =
  /^(?:%|％|ポイント|pt|倍|人|千人|万人|件|千件|円|千円|万円|百万円|億円|回|世帯|組|社|箇所|か所|ヵ所|ケ所|戸|団体|校|施設|日|時間|ha|km|t|トン)$/;

export function joinWrappedUnit(text: string): string {
  if (!text.includes("\n")) return text;
  const lines = text.split("\n");
  const out: string[] = [];
  for (const line of lines) {
    const prev = out.at(-1);
    if (prev !== undefined && /\d$/.test(prev.trimEnd()) && UNIT_LINE.test(line.trim()))
      out[out.length - 1] = `${prev.trimEnd()}${line.trim()}`;
    else out.push(line);
  }
  return out.join("\n");
}
