/**
 * The department workbook (an XLSX a department fills in and sends back) as data: what it holds per
 * KPI, the texts of the cells a department fills, the drop-down labels, and a fingerprint of the
 * server's values when the workbook was made (so that a value edited on the web since is seen).
 * Pure: the writer (src/sheet), the use case (src/store) and the web all use it.
 */
import { statedLabelJa } from "../evaluation/stated-label.ts";
import { CATEGORY_LABELS_JA, type Category, type Kpi, type Value } from "../sheet.ts";
import { formatValueJa } from "../value/format.ts";
import { NOT_EVALUABLE_REASON_JA, NOT_EVALUABLE_REASONS, type NotEvaluableReason } from "./check-entry.ts";

/** Written in the workbook's hidden sheet; a workbook without it is not one of ours. */
export const WORKBOOK_FORMAT = "sosei-department-workbook/1";

/** The cells a department fills, as texts (empty = empty cell). */
export interface WorkbookEntry {
  /** 実績値 as typed (「1万8225人」, or a number to which the KPI's unit is added). */
  actualText: string;
  /** One of EVALUATION_CHOICES, or empty (no evaluation chosen). */
  evaluation: string;
  /** One of NOT_EVALUABLE_CHOICES, or empty. */
  notEvaluable: string;
  /** 理由: why it is delayed, or what 「その他」 means for 評価不可. */
  reason: string;
  status: string;
  challenge: string;
  nextSteps: string;
}

/** One KPI row of a department workbook, as written. */
export interface WorkbookKpi {
  kpiId: string;
  /** `<fiscal year>-<row>`, the web's id. */
  key: string;
  row: number;
  state: string;
  version: number;
  fingerprint: string;
  goal: string;
  measure: string;
  indicator: string;
  departments: string[];
  unit: string | null;
  target: Value;
  finalTarget: Value;
  lastYear: { fiscalYear: number; target: Value; actual: Value } | null;
  entry: WorkbookEntry;
  /** The department may change it now (draft or returned). */
  editable: boolean;
}

export interface DepartmentWorkbook {
  municipality: string | null;
  fiscalYear: number;
  department: string;
  /** ISO time the workbook was made. */
  createdAt: string;
  rows: WorkbookKpi[];
}

/** One row as read back from an uploaded workbook. */
export interface UploadedRow {
  /** The worksheet row (for messages: 「記入シート 5行目」). */
  line: number;
  kpiId: string;
  fiscalYear: number;
  version: number;
  fingerprint: string;
  indicator: string;
  entry: WorkbookEntry;
  /**
   * The cells as the workbook was made (a hidden column): what the department changed is what
   * differs from these, so a cell it did not touch never overwrites a value changed on the web since.
   * null: not in the file (then the row's fingerprint decides).
   */
  original: WorkbookEntry | null;
}

/** The hidden column's text for the cells as written, and back (null when it is not such a text). */
export const originalText = (e: WorkbookEntry): string => JSON.stringify(e);
export function readOriginal(text: string): WorkbookEntry | null {
  try {
    const o = JSON.parse(text) as Record<string, unknown>;
    const keys: (keyof WorkbookEntry)[] = [
      "actualText",
      "evaluation",
      "notEvaluable",
      "reason",
      "status",
      "challenge",
      "nextSteps",
    ];
    return keys.every((k) => typeof o[k] === "string") ? (o as unknown as WorkbookEntry) : null;
  } catch {
    return null;
  }
}

export interface UploadedWorkbook {
  fiscalYear: number;
  department: string;
  municipality: string | null;
  createdAt: string;
  rows: UploadedRow[];
}

/** The evaluation drop-down: the four categories as the sheet prints them, and 遅れ(コロナ). */
export const EVALUATION_CHOICES: { label: string; category: Category; covid: boolean }[] = [
  { label: CATEGORY_LABELS_JA.on_track, category: "on_track", covid: false },
  { label: CATEGORY_LABELS_JA.mostly_on_track, category: "mostly_on_track", covid: false },
  { label: CATEGORY_LABELS_JA.delayed, category: "delayed", covid: false },
  { label: `${CATEGORY_LABELS_JA.delayed}(コロナ)`, category: "delayed", covid: true },
  { label: CATEGORY_LABELS_JA.not_evaluable, category: "not_evaluable", covid: false },
];

export const NOT_EVALUABLE_CHOICES: string[] = NOT_EVALUABLE_REASONS.map((r) => NOT_EVALUABLE_REASON_JA[r]);

/** The drop-down choice for a label as typed (full-width brackets and spaces tolerated). */
export function evaluationChoice(text: string): (typeof EVALUATION_CHOICES)[number] | null {
  const t = text.normalize("NFKC").replace(/\s+/g, "");
  return EVALUATION_CHOICES.find((c) => c.label.normalize("NFKC") === t) ?? null;
}

export function notEvaluableChoice(text: string): NotEvaluableReason | null {
  const t = text.normalize("NFKC").trim();
  return NOT_EVALUABLE_REASONS.find((r) => NOT_EVALUABLE_REASON_JA[r] === t) ?? null;
}

/** The actual as the department would type it: its raw text when it has one, else formatted. */
export const actualText = (v: Value): string =>
  v.kind === "missing" ? (v.raw ?? "") : v.raw?.trim() ? v.raw.trim() : formatValueJa(v);

/** The cells of a KPI as they stand in the store. An open 評価不可 (no label, no reason) is left empty. */
export function entryOfKpi(k: Kpi): WorkbookEntry {
  const e = k.evaluation;
  const open =
    e.category === "not_evaluable" && !e.label?.trim() && !e.notEvaluableReason && !k.reason?.trim();
  return {
    actualText: actualText(k.actual),
    // The drop-down choice of the category and flag (a city's own label such as 「A」 is not a choice).
    evaluation: open
      ? ""
      : (EVALUATION_CHOICES.find((c) => c.category === e.category && c.covid === e.covid)?.label ??
        statedLabelJa({ ...e, label: "" })),
    notEvaluable:
      e.category === "not_evaluable" && e.notEvaluableReason
        ? NOT_EVALUABLE_REASON_JA[e.notEvaluableReason]
        : "",
    // 理由 of a delay; for 評価不可「その他」 its text (kept in both by the upload).
    reason: k.reason ?? (e.notEvaluableReason === "other" ? (e.notEvaluableText ?? "") : ""),
    status: k.status ?? "",
    challenge: k.challenge ?? "",
    nextSteps: k.nextSteps ?? "",
  };
}

/** FNV-1a over UTF-16 units, 32 bits. */
function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * A fingerprint of what a department can change in a KPI-year (not of its review state): the same
 * values give the same fingerprint, so a submit-and-return in between is no conflict, an edit is.
 * Not a security measure (a department may change its own values anyway), only change detection.
 */
export function rowFingerprint(k: Kpi): string {
  const text = JSON.stringify([
    k.actual,
    k.evaluation.category,
    k.evaluation.covid,
    k.evaluation.notEvaluableReason ?? null,
    k.evaluation.notEvaluableText ?? null,
    k.status ?? "",
    k.reason ?? "",
    k.challenge ?? "",
    k.nextSteps ?? "",
  ]);
  const hex = (n: number) => n.toString(16).padStart(8, "0");
  return hex(fnv1a(text, 0x811c9dc5)) + hex(fnv1a(text, 0x01234567));
}
