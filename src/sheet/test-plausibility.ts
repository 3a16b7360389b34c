/**
 * Test support for the last guard's tests (reading-plausibility*.test.ts): KPIs, sheets and source
 * tables as a reading left them, and the refusal a wrong reading must get.
 */
import { expect } from "vitest";
import type { Category, Kpi, ScaleBand, Sheet, StatedEvaluation, Value } from "../core/sheet.ts";
import type { ImportProfile } from "./profile-types.ts";
import { checkReading } from "./reading-plausibility.ts";
import { NotASheet, type SourceTable } from "./types.ts";

export const fiscal = (year: number) => ({ year, basis: "fiscal" as const });
export const num = (value: number, unit: string | null, year = 2016): Value => ({
  kind: "number",
  value,
  unit,
  period: fiscal(year),
});
export const text = (t: string): Value => ({ kind: "text", text: t });
export const missing: Value = { kind: "missing" };

export function kpi(row: number, indicator: string, over: Partial<Kpi> = {}): Kpi {
  return {
    row,
    goal: { no: 0, title: "" },
    subgoal: { no: 0, title: "" },
    measure: { no: 0, title: "" },
    initiatives: [],
    status: null,
    indicator,
    target: num(100, "人"),
    actual: num(90, "人"),
    finalTarget: missing,
    evaluation: { category: "not_evaluable", covid: false, printed: false },
    reason: null,
    challenge: null,
    nextSteps: null,
    departments: [],
    ...over,
  };
}

export const sheet = (fiscalYear: number, kpis: Kpi[]): Sheet => ({ format: "sheet/1", fiscalYear, kpis });
export const table = (rows: string[][]): SourceTable => ({
  rows: rows.map((cells, i) => ({ row: i + 1, cells })),
  outside: [],
});
export const tableProfile = (
  headerRows: number[],
  columns: ImportProfile["columns"] = [],
): ImportProfile => ({
  layout: "table",
  headerRows,
  columns,
});

export function refusal(s: Sheet, t: SourceTable, p?: ImportProfile): string {
  try {
    checkReading(s, t, p);
  } catch (e) {
    expect(e).toBeInstanceOf(NotASheet);
    expect((e as NotASheet).code).toBe("implausible_reading");
    expect((e as NotASheet).message).toContain("--profile");
    return (e as NotASheet).message;
  }
  throw new Error("not refused");
}

/** A band of a legend read into the scale (no threshold unless given). */
export const band = (
  label: string,
  category: Category,
  meaning: string,
  min: number | null = null,
): ScaleBand => ({
  label,
  category,
  min,
  meaning,
});

/** A KPI's printed rating, read as `category`. */
export const rated = (label: string, category: Category): StatedEvaluation => ({
  category,
  covid: false,
  label,
});
