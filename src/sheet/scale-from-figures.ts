/**
 * Two rating letters with no legend (評価区分 A / B, a bulletin's list): their meaning is read from the
 * figures printed beside them only when they say it without exception — every row of one letter at or
 * past that year's target and every row of the other short of it, judged in the KPI's own direction
 * (its final target below its baseline: lower is better), at least two rows of each judged. Anything
 * less (a third letter, a row against the split, too few rows) leaves the scale unknown: refused as before.
 */
import type { EvaluationScale } from "../core/sheet.ts";
import { squash } from "./columns.ts";
import type { FoundHeader } from "./find-header.ts";
import type { ImportIssue } from "./types.ts";

type Tally = { met: number; missed: number };
const FIGURE = /^[^\d-]*(-?[\d,]*\.?\d+)/;
const num = (t: string): number | null => {
  const m = FIGURE.exec(squash(t));
  return m ? Number(m[1]!.replace(/,/g, "")) : null;
};

export function scaleFromFigures(
  segments: readonly { header: FoundHeader; rows: readonly { cells: string[] }[] }[],
  fiscalYear: number,
  issues: ImportIssue[],
): EvaluationScale | null {
  const met = new Map<string, Tally>();
  for (const s of segments) {
    const col = (f: string, when?: (y: number | undefined) => boolean) =>
      s.header.columns.findIndex((c) => c.field === f && (!when || when(c.period?.year)));
    const ev = col("evaluation");
    const actual = col("actual", (y) => y === undefined || y === fiscalYear);
    const target = col("target", (y) => y === fiscalYear);
    const final = col("target", (y) => y !== undefined && y > fiscalYear);
    const base = col("baseline");
    if (ev < 0 || actual < 0 || target < 0 || final < 0 || base < 0) return null;
    for (const r of s.rows) {
      const label = squash(r.cells[ev] ?? "");
      if (label === "") continue;
      if (!/^[A-ZＡ-Ｚ]$/.test(label)) return null;
      const a = num(r.cells[actual] ?? "");
      const t = num(r.cells[target] ?? "");
      const f = num(r.cells[final] ?? "");
      const b = num(r.cells[base] ?? "");
      const tally = met.get(label) ?? { met: 0, missed: 0 };
      met.set(label, tally);
      // A row whose direction or figures are not printed is not judged (it neither proves nor breaks the split).
      if (a === null || t === null || f === null || b === null || f === b) continue;
      const reached = f > b ? a >= t : a <= t;
      if (reached) tally.met++;
      else tally.missed++;
    }
  }
  if (met.size !== 2) return null;
  const [first, second] = [...met.entries()] as [[string, Tally], [string, Tally]];
  const ordered: [[string, Tally], [string, Tally]] | null =
    first[1].missed === 0 && second[1].met === 0
      ? [first, second]
      : second[1].missed === 0 && first[1].met === 0
        ? [second, first]
        : null;
  if (!ordered) return null;
  const [[okLabel, ok], [ngLabel, ng]] = ordered;
  if (ok.met < 2 || ng.missed < 2) return null;
  issues.push({
    row: null,
    column: "評価",
    kind: "scale_from_figures",
    before: null,
    after: `${okLabel}→on_track ${ngLabel}→delayed`,
    confidence: "medium",
    message: `凡例がないため、${okLabel} / ${ngLabel} の意味を表の数値(その年度の目標値に達したか)から読んだ`,
  });
  return {
    basis: "ratio",
    source: `凡例なし: ${okLabel} の行はいずれもその年度の目標に達し、${ngLabel} の行はいずれも達していない`,
    bands: [
      { label: okLabel, category: "on_track", min: 1, meaning: "その年度の目標値を達成(表の数値から)" },
      { label: ngLabel, category: "delayed", min: null, meaning: "その年度の目標値に未達(表の数値から)" },
    ],
  };
}
