/**
 * What an uploaded department workbook would change in one KPI-year, compared with the store now:
 * the fields that differ (before → after), the entry form's checks on the result, and whether it
 * may be saved — `change`; `unchanged` (nothing differs: uploading the same workbook twice changes
 * nothing); `conflict` (the values were edited since the workbook was made: never overwritten);
 * `locked` (submitted or approved, or another department's KPI); `invalid` (a cell that cannot be
 * read, named). Pure, so the same rule runs for the preview and again inside the confirming save.
 */
import { CATEGORY_LABELS_JA, type Kpi, type StatedEvaluation, type Value } from "../sheet.ts";
import { formatValueJa } from "../value/format.ts";
import { parseValue } from "../value/parse-value.ts";
import { type EntryProblem, type EntryWarning, entryProblems, entryWarnings } from "./check-entry.ts";
import {
  entryOfKpi,
  evaluationChoice,
  notEvaluableChoice,
  rowFingerprint,
  type UploadedRow,
  type WorkbookEntry,
} from "./workbook-entry.ts";

export type RowPlanStatus = "change" | "unchanged" | "conflict" | "locked" | "invalid";

export type WorkbookField = "actual" | "evaluation" | "reason" | "status" | "challenge" | "nextSteps";

export const WORKBOOK_FIELD_JA: Record<WorkbookField, string> = {
  actual: "実績値",
  evaluation: "評価",
  reason: "理由",
  status: "取組の実施状況",
  challenge: "課題",
  nextSteps: "今後の方策等",
};

const ENTRY_FIELD_JA: Record<keyof WorkbookEntry, string> = {
  actualText: "実績値",
  evaluation: "評価",
  notEvaluable: "評価不可の理由",
  reason: "理由",
  status: "取組の実施状況",
  challenge: "課題",
  nextSteps: "今後の方策等",
};

export interface FieldChange {
  field: WorkbookField;
  before: string;
  after: string;
}

/** The changes as the store takes them (kpi-years' KpiYearChanges). */
export interface RowUpdate {
  actual?: Value;
  evaluation?: StatedEvaluation;
  reason?: string | null;
  status?: string | null;
  challenge?: string | null;
  nextSteps?: string | null;
}

export interface RowPlan {
  status: RowPlanStatus;
  changes: FieldChange[];
  update: RowUpdate;
  /** Why it cannot be saved (invalid, locked, conflict), in Japanese, naming the cell. */
  refusals: string[];
  /** The entry form's blocking checks (to settle before submitting; a draft may still be saved). */
  problems: EntryProblem[];
  warnings: EntryWarning[];
}

export interface CurrentRow {
  kpi: Kpi;
  fiscalYear: number;
  /** The department may change it now (its own KPI, draft or returned). */
  editable: boolean;
  /** Why not, when not editable. */
  lockedBecause?: string;
  lastActual: Value | null;
}

/** The period of the actual column: the target's own period when it names one (as the entry form). */
function columnPeriod(kpi: Kpi, fiscalYear: number) {
  const t = kpi.target;
  if (t.kind === "number" || t.kind === "segmented") return t.period;
  return { year: fiscalYear, basis: "fiscal" as const };
}

/** Values compared without the raw text they were typed as. */
function sameValue(a: Value, b: Value): boolean {
  const strip = (v: Value) => JSON.stringify({ ...v, raw: undefined });
  return strip(a) === strip(b);
}

const clean = (s: string) => s.replace(/\r\n?/g, "\n").trim();
const cleanEntry = (e: WorkbookEntry): WorkbookEntry => ({
  actualText: clean(e.actualText),
  evaluation: clean(e.evaluation),
  notEvaluable: clean(e.notEvaluable),
  reason: clean(e.reason),
  status: clean(e.status),
  challenge: clean(e.challenge),
  nextSteps: clean(e.nextSteps),
});
const stored = (s: string | null | undefined) => clean(s ?? "");
const orNull = (s: string) => (s === "" ? null : s);

export function planWorkbookRow(row: CurrentRow, up: UploadedRow): RowPlan {
  const k = row.kpi;
  const was = entryOfKpi(k);
  const typed = cleanEntry(up.entry);
  const original = up.original ? cleanEntry(up.original) : null;
  const current = cleanEntry(was);
  // What the department touched: the cells that differ from the workbook as made. Untouched cells
  // take the store's value now (so they change nothing); a touched cell whose stored value changed
  // since the workbook was made is a conflict. Without the original cells: the row's fingerprint.
  const touched = (fields: (keyof WorkbookEntry)[]) =>
    !original || fields.some((f) => typed[f] !== original[f]);
  const GROUPS: (keyof WorkbookEntry)[][] = [
    ["actualText"],
    ["evaluation", "notEvaluable"],
    ["reason"],
    ["status"],
    ["challenge"],
    ["nextSteps"],
  ];
  const now: WorkbookEntry = { ...typed };
  const editedSince: (keyof WorkbookEntry)[] = [];
  for (const g of GROUPS) {
    if (!touched(g)) for (const f of g) now[f] = current[f];
    else if (original && g.some((f) => current[f] !== original[f]) && g.some((f) => typed[f] !== current[f]))
      editedSince.push(...g);
  }
  const refusals: string[] = [];
  const changes: FieldChange[] = [];
  const update: RowUpdate = {};
  const at = (col: string) => `${up.line}行目「${col}」`;

  // 実績値
  let actual = k.actual;
  if (now.actualText !== current.actualText) {
    if (now.actualText === "") actual = { kind: "missing", raw: "" };
    else {
      const pv = parseValue(now.actualText, columnPeriod(k, row.fiscalYear));
      if (pv.ok) actual = pv.value;
      else refusals.push(`${at("実績値")}: 読み取れません（${pv.problem.message}）`);
    }
    if (!sameValue(actual, k.actual)) {
      update.actual = actual;
      changes.push({
        field: "actual",
        before: k.actual.kind === "missing" ? "" : formatValueJa(k.actual),
        after: now.actualText,
      });
    }
  }

  // 評価 and 評価不可の理由 (an empty 評価: left as it is). The reason belongs to 評価不可 only.
  let evaluation = k.evaluation;
  const choice = now.evaluation === "" ? null : evaluationChoice(now.evaluation);
  if (now.evaluation !== "" && !choice)
    refusals.push(`${at("評価")}: 「${now.evaluation}」は選択肢にありません（一覧から選んでください）`);
  const notEvaluable = now.notEvaluable === "" ? null : notEvaluableChoice(now.notEvaluable);
  if (now.notEvaluable !== "" && !notEvaluable)
    refusals.push(`${at("評価不可の理由")}: 「${now.notEvaluable}」は選択肢にありません`);
  const category = choice?.category ?? k.evaluation.category;
  const next: StatedEvaluation = {
    category,
    covid: choice?.covid ?? k.evaluation.covid,
    label: choice ? CATEGORY_LABELS_JA[choice.category] : k.evaluation.label,
    ...(category === "not_evaluable" && notEvaluable
      ? {
          notEvaluableReason: notEvaluable,
          ...(notEvaluable === "other" ? { notEvaluableText: orNull(now.reason) } : {}),
        }
      : {}),
  };
  if (next.label === undefined) delete next.label;
  const key = (e: StatedEvaluation) =>
    JSON.stringify([e.category, e.covid, e.notEvaluableReason ?? null, e.notEvaluableText ?? null]);
  if (refusals.length === 0 && key(next) !== key(k.evaluation)) {
    evaluation = next;
    update.evaluation = evaluation;
    const shown = (label: string, reason: string) => (reason ? `${label}（${reason}）` : label);
    changes.push({
      field: "evaluation",
      before: shown(was.evaluation, was.notEvaluable),
      after: shown(choice?.label ?? was.evaluation, now.notEvaluable),
    });
  }

  // 理由 (of a delay; also the text of 評価不可「その他」)
  const reason = now.reason;
  if (reason !== stored(k.reason)) {
    update.reason = orNull(reason);
    changes.push({ field: "reason", before: stored(k.reason), after: reason });
  }
  for (const f of ["status", "challenge", "nextSteps"] as const)
    if (now[f] !== stored(k[f])) {
      update[f] = orNull(now[f]);
      changes.push({ field: f, before: stored(k[f]), after: now[f] });
    }

  const input = {
    actual,
    category: evaluation.category,
    notEvaluableReason: evaluation.notEvaluableReason ?? null,
    notEvaluableText: evaluation.notEvaluableText ?? null,
    reason,
    target: k.target,
    lastActual: row.lastActual,
    unit: k.unit ?? null,
  };
  const checks = { problems: entryProblems(input), warnings: update.actual ? entryWarnings(input) : [] };
  if (changes.length === 0 && refusals.length === 0)
    return { status: "unchanged", changes, update: {}, refusals, ...checks };
  if (!row.editable)
    return {
      status: "locked",
      changes,
      update: {},
      refusals: [row.lockedBecause ?? "このKPIは今は変更できません"],
      ...checks,
    };
  if (refusals.length > 0) return { status: "invalid", changes, update: {}, refusals, ...checks };
  if (original ? editedSince.length > 0 : rowFingerprint(k) !== up.fingerprint)
    return {
      status: "conflict",
      changes,
      update: {},
      refusals: [
        `このファイルを作った後に、Web画面で${
          editedSince.length > 0
            ? [...new Set(editedSince.map((f) => ENTRY_FIELD_JA[f]))].map((f) => `「${f}」`).join("・")
            : "内容"
        }が変更されています。上書きしません（最新の内容で作り直したファイルに記入するか、Web画面で入力してください）`,
      ],
      ...checks,
    };
  return { status: "change", changes, update, refusals, ...checks };
}
