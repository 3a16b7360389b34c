/** Field-by-field comparison of two sheets (tests and the fixture figures): every leaf of every KPI. */
import type { Sheet } from "../../core/sheet.ts";

export interface FieldComparison {
  total: number;
  right: number;
  /** The fields that differ: path, expected, actual. */
  wrong: { path: string; expected: unknown; actual: unknown }[];
}

function walk(expected: unknown, actual: unknown, path: string, out: FieldComparison): void {
  if (expected !== null && typeof expected === "object" && !Array.isArray(expected)) {
    const keys = new Set([...Object.keys(expected), ...Object.keys((actual ?? {}) as object)]);
    for (const k of keys)
      walk(
        (expected as Record<string, unknown>)[k],
        (actual as Record<string, unknown> | undefined)?.[k],
        `${path}.${k}`,
        out,
      );
    return;
  }
  out.total++;
  if (JSON.stringify(expected) === JSON.stringify(actual)) out.right++;
  else out.wrong.push({ path, expected, actual });
}

/** Compares the KPIs in order and the sheet's fiscal year; `row` (where a KPI was read) is not a field. */
export function compareSheets(expected: Sheet, actual: Sheet): FieldComparison {
  const out: FieldComparison = { total: 0, right: 0, wrong: [] };
  walk(expected.fiscalYear, actual.fiscalYear, "fiscalYear", out);
  const n = Math.max(expected.kpis.length, actual.kpis.length);
  for (let i = 0; i < n; i++) {
    const { row: _a, ...e } = (expected.kpis[i] ?? {}) as Record<string, unknown>;
    const { row: _b, ...a } = (actual.kpis[i] ?? {}) as Record<string, unknown>;
    walk(e, a, `kpis[${i}]`, out);
  }
  return out;
}
