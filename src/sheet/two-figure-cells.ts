/**
 * A value cell printing two figures, the second in brackets (on its own line or not: 倉吉市: 「4<br>(21)」 — the
 * year's figure and the running total; 「3社<br>(7社)」), read as one number the lines join into a figure
 * neither of them is (421). Such a reading is refused, naming the cell (exit 2): which of the two is the
 * KPI's value the sheet must say (a 「(累計)」 header, an indicator named 累計 — general-rows.ts reads those).
 */
import type { Kpi } from "../core/sheet.ts";
import { valuesJa } from "./field.ts";

const TWO_FIGURES =
  /^\s*([0-9０-９][0-9０-９,，.．]*)[^\d(（<\n]{0,6}(?:\s|<br\s*\/?>)*[(（]\s*([0-9０-９][0-9０-９,，.．]*)(?![0-9０-９]*\s*(?:年|月|日|時点))[^\d)）]{0,6}[)）]\s*$/i;

const num = (s: string) => Number(s.normalize("NFKC").replace(/,/g, ""));

/** The first value of the KPI read from such a cell as neither of its figures; null when none. */
export function joinedTwoFigures(k: Kpi): { field: string; raw: string; read: number } | null {
  for (const [field, v] of valuesJa(k)) {
    if (v?.kind !== "number" || !v.raw) continue;
    const m = TWO_FIGURES.exec(v.raw);
    if (!m) continue;
    // (a unit's prefix folded, 「4千人<br>(21千人)」, 「69.4兆円」, scales both: compare with either figure so scaled)
    // (a year in the bracket, 「69.4兆円(2014年度)」, is the figure's year: no second figure)
    const a = num(m[1]!);
    const b = num(m[2]!);
    const same = (x: number) =>
      x !== 0 && [1, 1e3, 1e4, 1e6, 1e8, 1e12].some((f) => Math.abs(v.value - x * f) < 1e-9 * f);
    if (!same(a) && !same(b)) return { field, raw: v.raw.replace(/\n/g, "<br>"), read: v.value };
  }
  return null;
}
