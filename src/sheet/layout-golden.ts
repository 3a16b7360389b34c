/**
 * Compares a sheet read from a layout fixture with its golden reading (fixtures/layouts/<name>/
 * golden.json), field by field. The golden is compact: values as "110 組 @2015" (number, unit,
 * period year), "missing", "text:…" or "seg:男性79.83歳/女性84.35歳 @2022"; ordinals as [no, title];
 * evaluations as "category label" (or "none" when the sheet prints none). Only the fields a golden
 * KPI lists are compared (a layout without a column has nothing to compare there).
 */
import type { Kpi, NumericGoal, Ordinal, Sheet, StatedEvaluation, Value } from "../core/sheet.ts";

export interface FieldResult {
  kpi: string;
  field: string;
  expected: unknown;
  actual: unknown;
  ok: boolean;
}

export function valueKey(v: Value | undefined): string {
  if (!v) return "absent";
  switch (v.kind) {
    case "missing":
      return "missing";
    case "text":
      return `text:${v.text}`;
    case "number":
      return `${v.value} ${v.unit ?? ""}`.trim() + ` @${v.period.year}`;
    case "segmented":
      return `seg:${v.segments.map((s) => `${s.label}${s.value}${s.unit ?? ""}`).join("/")} @${v.period.year}`;
  }
}

const ordinalKey = (o: Ordinal) => [o.no, o.title];
const evalKey = (e: StatedEvaluation | undefined) =>
  !e || e.printed === false ? "none" : `${e.category}${e.label ? ` ${e.label}` : ""}`;

function keyOf(item: Kpi | NumericGoal, field: string): unknown {
  const k = item as unknown as Record<string, unknown>;
  switch (field) {
    case "goal":
    case "subgoal":
    case "measure":
      return ordinalKey(k[field] as Ordinal);
    case "target":
    case "actual":
    case "finalTarget":
    case "baseline":
      return valueKey(k[field] as Value | undefined);
    case "evaluation":
      return evalKey(k[field] as StatedEvaluation | undefined);
    case "years":
      return ((k.years as Kpi["years"]) ?? []).map(
        (y) => `${y.year}: ${valueKey(y.target)} / ${valueKey(y.actual)}`,
      );
    case "direction":
      return (k.direction as Kpi["direction"])?.direction ?? null;
    case "extras":
      return ((k.extras as Kpi["extras"]) ?? []).map((e) => `${e.header}=${e.text}`);
    default:
      return k[field] ?? null;
  }
}

export function compareWithGolden(sheet: Sheet, golden: Record<string, unknown>): FieldResult[] {
  const out: FieldResult[] = [];
  const push = (kpi: string, field: string, expected: unknown, actual: unknown) =>
    out.push({ kpi, field, expected, actual, ok: JSON.stringify(expected) === JSON.stringify(actual) });
  push("sheet", "fiscalYear", golden.fiscalYear, sheet.fiscalYear);
  for (const [list, items] of [
    ["kpis", sheet.kpis],
    ["numericGoals", sheet.numericGoals ?? []],
  ] as const) {
    const expected = (golden[list] as Record<string, unknown>[] | undefined) ?? [];
    push(list, "count", expected.length, items.length);
    expected.forEach((g, i) => {
      const item = items[i];
      for (const [field, want] of Object.entries(g))
        push(`${list}[${i}] ${String(g.indicator ?? "")}`, field, want, item ? keyOf(item, field) : "absent");
    });
  }
  if (golden.scale !== undefined)
    push(
      "sheet",
      "scale",
      golden.scale,
      (sheet.scale?.bands ?? []).map((b) => `${b.label} ${b.category}${b.min !== null ? ` ${b.min}` : ""}`),
    );
  return out;
}
