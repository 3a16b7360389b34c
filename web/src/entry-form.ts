/**
 * The entry form's logic, pure (tested without a browser): how the typed actual is read, what the
 * evaluation rules (the server's, given by the caller) make of it, how the select follows the computed evaluation, and the checks a submit
 * must pass (core/entry) on the values as typed.
 */
import type { EntryRow } from "../../src/core/api/index.ts";
import type { KpiEntryCheck } from "../../src/core/entry/kpi-entry.ts";
import { checkKpiEntry, kpiUnit, withKpiUnit } from "../../src/core/entry/kpi-entry.ts";
import { evaluateKpi } from "../../src/core/evaluation/evaluate.ts";
import type { KpiEvaluation, Rules } from "../../src/core/evaluation/types.ts";
import type { Period } from "../../src/core/period.ts";
import type { Kpi, Value } from "../../src/core/sheet.ts";
import { formatValueJa } from "../../src/core/value/format.ts";
import { type ParseValueResult, parseValue } from "../../src/core/value/parse-value.ts";
import type { EntryDraft } from "./drafts.ts";

type FormRow = Pick<EntryRow, "fiscalYear" | "kpi"> & { previous?: EntryRow["previous"] };

export function columnPeriod(k: Kpi, fiscalYear: number): Period {
  const t = k.target;
  return t.kind === "number" || t.kind === "segmented" ? t.period : { year: fiscalYear, basis: "fiscal" };
}

export const fromRow = (r: FormRow): EntryDraft => ({
  actualText: r.kpi.actual.raw ?? (r.kpi.actual.kind === "missing" ? "" : formatValueJa(r.kpi.actual)),
  status: r.kpi.status ?? "",
  reason: r.kpi.reason ?? "",
  challenge: r.kpi.challenge ?? "",
  nextSteps: r.kpi.nextSteps ?? "",
  category: r.kpi.evaluation.category,
  covid: r.kpi.evaluation.covid,
  notEvaluableReason: r.kpi.evaluation.notEvaluableReason ?? "",
  notEvaluableText: r.kpi.evaluation.notEvaluableText ?? "",
});

/** The stated evaluation is still open (評価不可 with no reason): the select follows the computed one. */
export const statedOpen = (r: FormRow) =>
  r.kpi.evaluation.category === "not_evaluable" && !r.kpi.evaluation.notEvaluableReason;

export interface Typed {
  /** How the text reads (null: empty). */
  parsed: ParseValueResult | null;
  /** The value as it will be saved (a bare number in the KPI's unit), null when empty or unreadable. */
  value: Value | null;
  /** The KPI's unit was filled in (「30」 read as 30件). */
  unitFilled: string | null;
  evaluation: KpiEvaluation | null;
}

/** `rules`: the server's (useRules), the one table the server computes with too. */
export function readTyped(r: FormRow, text: string, rules: Rules): Typed {
  const parsed = text.trim() === "" ? null : parseValue(text, columnPeriod(r.kpi, r.fiscalYear));
  if (!parsed?.ok) return { parsed, value: null, unitFilled: null, evaluation: null };
  const value = withKpiUnit(parsed.value, r.kpi);
  const unitFilled = value !== parsed.value ? kpiUnit(r.kpi) : null;
  let evaluation: KpiEvaluation | null = null;
  try {
    evaluation = evaluateKpi({ ...r.kpi, actual: value }, rules, r.fiscalYear);
  } catch {
    evaluation = null;
  }
  return { parsed, value, unitFilled, evaluation };
}

/**
 * The draft after typing `text` into the actual. While the select follows the computed evaluation
 * (`auto`), it takes whatever the rules make of the value as typed now — never the category of an
 * earlier keystroke (8件 → 進捗の遅れ, then 30 → the category of 30件).
 */
export function typeActual(r: FormRow, draft: EntryDraft, text: string, rules: Rules): EntryDraft {
  const next = { ...draft, actualText: text };
  if (!draft.auto) return next;
  const typed = readTyped(r, text, rules);
  if (typed.evaluation) next.category = typed.evaluation.computed;
  else if (text.trim() === "") next.category = r.kpi.evaluation.category;
  return next;
}

/** The KPI as the form would save it. */
export function draftKpi(r: FormRow, draft: EntryDraft, typed: Typed): Kpi {
  return {
    ...r.kpi,
    actual: typed.value ?? { kind: "missing" },
    status: draft.status || null,
    reason: draft.reason || null,
    evaluation: {
      category: draft.category,
      covid: draft.covid,
      ...(draft.notEvaluableReason ? { notEvaluableReason: draft.notEvaluableReason } : {}),
      notEvaluableText: draft.notEvaluableText || null,
    },
  };
}

/** What a submit needs and what deserves a second look, on the values as typed. */
export const formChecks = (r: FormRow, draft: EntryDraft, typed: Typed): KpiEntryCheck =>
  checkKpiEntry(draftKpi(r, draft, typed), r.previous?.actual ?? null);
