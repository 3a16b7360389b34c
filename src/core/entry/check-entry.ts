/**
 * What a department must settle before submitting a KPI-year, and what deserves a second look.
 * Pure (runs in the browser beside the form and on the server before the transition):
 * - blocking problems: no actual and no 評価不可 reason; 評価不可 with その他 but no text; 進捗の遅れ
 *   without a reason.
 * - plausibility warnings that need an explicit confirmation: a unit other than the KPI's, a value
 *   over 3× or under 1/3 of the target or of last year's actual, a sign change from last year.
 */
import type { Category, Value } from "../sheet.ts";

/** Why a KPI cannot be evaluated this year (the form offers these; その他 needs text). */
export const NOT_EVALUABLE_REASONS = [
  "statistics_pending",
  "statistics_discontinued",
  "project_ended",
  "other",
] as const;
export type NotEvaluableReason = (typeof NOT_EVALUABLE_REASONS)[number];

export const NOT_EVALUABLE_REASON_JA: Record<NotEvaluableReason, string> = {
  statistics_pending: "統計の公表前",
  statistics_discontinued: "統計の廃止",
  project_ended: "事業の終了",
  other: "その他",
};

export interface EntryInput {
  actual: Value;
  /** The category the department states. */
  category: Category;
  notEvaluableReason?: NotEvaluableReason | null;
  notEvaluableText?: string | null;
  /** 進捗が遅れている理由 */
  reason?: string | null;
  target: Value;
  /** What `target` is called in the messages (最終目標値 when the year has no target of its own). */
  targetLabel?: string;
  /** Last year's actual of the same KPI, when there is one. */
  lastActual?: Value | null;
  /** The KPI's unit (its definition). */
  unit?: string | null;
}

export interface EntryProblem {
  field: "actual" | "notEvaluableReason" | "notEvaluableText" | "reason";
  code: string;
  message: string;
}

export interface EntryWarning {
  code: "unit_differs" | "far_from_target" | "far_from_last_year" | "sign_change";
  message: string;
}

const numbers = (v: Value | null | undefined): { value: number; unit: string | null }[] =>
  !v
    ? []
    : v.kind === "number"
      ? [{ value: v.value, unit: v.unit }]
      : v.kind === "segmented"
        ? v.segments
        : [];

const blank = (s: string | null | undefined) => !s || s.trim() === "";
const fmt = (n: number) => n.toLocaleString("ja-JP", { maximumFractionDigits: 2 });

export function entryProblems(e: EntryInput): EntryProblem[] {
  const out: EntryProblem[] = [];
  if (e.category === "not_evaluable") {
    if (!e.notEvaluableReason)
      out.push({
        field: "notEvaluableReason",
        code: "not_evaluable_reason_required",
        message: "評価不可の理由を選んでください（統計の公表前・統計の廃止・事業の終了・その他）",
      });
    else if (e.notEvaluableReason === "other" && blank(e.notEvaluableText))
      out.push({
        field: "notEvaluableText",
        code: "not_evaluable_text_required",
        message: "「その他」の内容を書いてください",
      });
  } else if (e.actual.kind === "missing")
    out.push({
      field: "actual",
      code: "actual_required",
      message:
        "実績値を入力してください。実績が出ていない場合は、評価を「評価不可」にして理由を選んでください",
    });
  if (e.category === "delayed" && blank(e.reason))
    out.push({ field: "reason", code: "delay_reason_required", message: "進捗の遅れの理由を書いてください" });
  return out;
}

function far(a: number, b: number): boolean {
  if (a === 0 || b === 0 || Math.sign(a) !== Math.sign(b)) return false;
  const r = Math.abs(a / b);
  return r > 3 || r < 1 / 3;
}

export function entryWarnings(e: EntryInput): EntryWarning[] {
  const out: EntryWarning[] = [];
  const actual = numbers(e.actual);
  if (actual.length === 0) return out;
  const unit = e.unit ?? numbers(e.target)[0]?.unit ?? null;
  const odd = actual.find((a) => a.unit && unit && a.unit !== unit);
  if (odd)
    out.push({
      code: "unit_differs",
      message: `単位「${odd.unit}」がこのKPIの単位「${unit}」と違います。達成率は同じ単位どうしでしか計算できません`,
    });
  const target = numbers(e.target);
  const last = numbers(e.lastActual);
  actual.forEach((a, i) => {
    const t = target[i];
    if (t && far(a.value, t.value))
      out.push({
        code: "far_from_target",
        message: `${fmt(a.value)}${a.unit ?? ""}は${e.targetLabel ?? "目標値"}${fmt(t.value)}${t.unit ?? ""}の${fmt(a.value / t.value)}倍です。桁や単位に誤りがないか確かめてください`,
      });
    const l = last[i];
    if (l && far(a.value, l.value))
      out.push({
        code: "far_from_last_year",
        message: `${fmt(a.value)}${a.unit ?? ""}は前年度の実績${fmt(l.value)}${l.unit ?? ""}の${fmt(a.value / l.value)}倍です。桁や単位に誤りがないか確かめてください`,
      });
    if (l && a.value !== 0 && l.value !== 0 && Math.sign(a.value) !== Math.sign(l.value))
      out.push({
        code: "sign_change",
        message: `前年度（${fmt(l.value)}）から符号が変わっています（${fmt(a.value)}）。▲（マイナス）の付け忘れ・付け過ぎがないか確かめてください`,
      });
  });
  return out;
}
