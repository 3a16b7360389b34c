/**
 * Open data: one CSV row per KPI and year (UTF-8 with BOM, CRLF, RFC 4180 quoting) and JSON
 * (sheet/1 plus the evaluation). Every column is documented in docs/open-data.md.
 */
import { type CsvCell, plainNumber, writeCsv } from "../core/csv.ts";
import type { Sheet, Value } from "../core/sheet.ts";
import { evaluationOf, type SheetEvaluationView } from "./evaluation-view.ts";

/** Joins list cells (initiatives, departments, segments, qualifiers). */
export const LIST_SEPARATOR = ";";

const VALUE_COLUMNS = (p: string) => [
  `${p}_kind`,
  `${p}_value`,
  `${p}_unit`,
  `${p}_qualifiers`,
  `${p}_segments`,
  `${p}_period_year`,
  `${p}_period_basis`,
  `${p}_raw`,
];

export const OPEN_DATA_COLUMNS = [
  "kpi_id",
  "municipality",
  "fiscal_year",
  "review_state",
  "row",
  "goal_no",
  "goal_title",
  "subgoal_no",
  "subgoal_title",
  "measure_no",
  "measure_title",
  "initiatives",
  "status",
  "indicator",
  ...VALUE_COLUMNS("target"),
  ...VALUE_COLUMNS("actual"),
  ...VALUE_COLUMNS("final_target"),
  "stated_category",
  "stated_label",
  "covid",
  "computed_category",
  "achievement_rate",
  "departments",
  "reason",
  "challenge",
  "next_steps",
  /** Dated 訂正 notes of a corrected published value (the value before is named in the note). */
  "correction_note",
] as const;

type Cell = CsvCell;

export { plainNumber };

function valueCells(v: Value): Cell[] {
  switch (v.kind) {
    case "number":
      return [
        "number",
        plainNumber(v.value),
        v.unit,
        (v.qualifiers ?? []).join(LIST_SEPARATOR),
        "",
        v.period.year,
        v.period.basis,
        v.raw,
      ];
    case "segmented": {
      const units = [...new Set(v.segments.map((s) => s.unit ?? ""))];
      const unit = units.length === 1 ? units[0] : v.segments.map((s) => s.unit ?? "").join(LIST_SEPARATOR);
      return [
        "segmented",
        "",
        unit,
        "",
        v.segments.map((s) => `${s.label}=${plainNumber(s.value)}`).join(LIST_SEPARATOR),
        v.period.year,
        v.period.basis,
        v.raw,
      ];
    }
    case "text":
      return ["text", "", "", "", "", "", "", v.raw ?? v.text];
    case "missing":
      return ["missing", "", "", "", "", "", "", v.raw];
  }
}

/**
 * Where each KPI row of a sheet stands in the store, in the sheet's row order: its stable identity
 * (the store's KPI id, kept across years and renames by the matching) and its review state.
 */
export interface OpenDataIdentity {
  kpiIds: readonly string[];
  states: readonly string[];
  /** Per row, its 訂正 note (empty when never corrected). */
  corrections?: readonly string[];
}

/** Rows (without header) for one sheet. */
export function openDataRows(
  sheet: Sheet,
  evaluation?: SheetEvaluationView | null,
  identity?: OpenDataIdentity | null,
): Cell[][] {
  return sheet.kpis.map((k, i) => {
    const e = evaluationOf(evaluation, k);
    return [
      identity?.kpiIds[i] ?? "",
      sheet.municipality ?? "",
      sheet.fiscalYear,
      identity?.states[i] ?? "",
      k.row,
      k.goal.no,
      k.goal.title,
      k.subgoal.no,
      k.subgoal.title,
      k.measure.no,
      k.measure.title,
      k.initiatives.join(LIST_SEPARATOR),
      k.status,
      k.indicator,
      ...valueCells(k.target),
      ...valueCells(k.actual),
      ...valueCells(k.finalTarget),
      k.evaluation.category,
      k.evaluation.label ?? "",
      k.evaluation.covid,
      e?.computed ?? "",
      e?.achievementRate ?? "",
      k.departments.join(LIST_SEPARATOR),
      k.reason,
      k.challenge,
      k.nextSteps,
      identity?.corrections?.[i] ?? "",
    ];
  });
}

/**
 * CSV of several sheets (years, given newest first); `evaluations[i]` and `identities[i]` belong to
 * `sheets[i]` (missing → those columns empty). Starts with a BOM so that Excel reads UTF-8. Cells
 * are written exactly (no formula neutralising: docs/open-data.md).
 */
export function toOpenDataCsv(
  sheets: readonly Sheet[],
  evaluations: readonly (SheetEvaluationView | null | undefined)[] = [],
  identities: readonly (OpenDataIdentity | null | undefined)[] = [],
): string {
  const rows = sheets.flatMap((s, i) => openDataRows(s, evaluations[i], identities[i]));
  return writeCsv([OPEN_DATA_COLUMNS, ...rows]);
}

/** The JSON wrapper's format tag. */
export const OPEN_DATA_JSON_FORMAT = "sosei-open-data/1";

export interface OpenDataJson<E> {
  format: typeof OPEN_DATA_JSON_FORMAT;
  /** Each a complete sheet/1 document plus `evaluation` (null when not evaluated). */
  sheets: (Sheet & { evaluation: E | null })[];
}

/** `{ format: "sosei-open-data/1", sheets: [{ ...sheet/1, evaluation }] }`, pretty-printed, UTF-8 (no BOM). */
export function toOpenDataJson<E extends SheetEvaluationView>(
  sheets: readonly Sheet[],
  evaluations: readonly (E | null | undefined)[] = [],
): string {
  const doc: OpenDataJson<E> = {
    format: OPEN_DATA_JSON_FORMAT,
    sheets: sheets.map((s, i) => ({ ...s, evaluation: evaluations[i] ?? null })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
