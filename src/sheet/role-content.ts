/**
 * What each role's cells may hold (issue 14 point 6): a column read as one role whose cells are
 * another's — quantities under 指標名 or 評価, words or years under a value, a scale's letters under
 * 担当課, numbers under 方向性 — is a column taken for the wrong role. The readers refuse it, naming
 * the column, rather than write the cells into the wrong field with exit 0.
 */
import { squash } from "./columns.ts";
import type { Field } from "./field.ts";
import { readOrdinal } from "./read-ordinal.ts";

/** What a cell holds, coarsely, as far as roles go. */
export type ContentKind =
  | "empty"
  | "dash"
  | "year"
  | "mark"
  | "percent"
  | "value"
  | "department"
  | "word"
  | "text"
  | "mixed";

export const CONTENT_JA: Record<ContentKind, string> = {
  empty: "空欄",
  dash: "-",
  year: "年度",
  mark: "評価の記号",
  percent: "百分率",
  value: "数値",
  department: "部署名",
  word: "短い語",
  text: "文章",
  mixed: "数と語",
};

const YEAR =
  /^(令和|平成|昭和|[RHS])(元|\d{1,2})(年度?|年\d{1,2}月)?(末|時点|まで|現在)?$|^(19|20)\d{2}(年度?|年\d{1,2}月)(末|時点|まで|現在)?$/;
const MARK = /^([A-EＡ-ＥSＳa-eａ-ｅ][+＋\-－]?|[◎○〇△×▲●☆★◯]|[①-⑳])$/;
/** A number with at most a short unit: 96, 96%, 1,200千人, 85,000千円, 約3.5万人, ▲2件. */
const VALUE = /^(約|概ね)?[▲△+\-−]?\d[\d,]*(\.\d+)?(万|千|億|百)?([^\d\s]{0,4})$/;
const DEPARTMENT = /(課|室|局|センター|係|担当|事務局|グループ|班)$/;

export function contentKind(text: string): ContentKind {
  const raw = text.replace(/<br\s*\/?>/gi, "").trim();
  // Circled numbers are a scale's labels; NFKC (squash) would fold them to digits.
  if (MARK.test(raw)) return "mark";
  const t = squash(raw);
  if (t === "") return "empty";
  if (/^[-‐－―ー−—–/／]$/.test(t) || /^[(（]?(空欄|なし|該当なし)[)）]?$/.test(t)) return "dash";
  if (YEAR.test(t)) return "year";
  if (/^[▲△+\-−]?\d[\d,]*(\.\d+)?(%|％)$/.test(t)) return "percent";
  if (VALUE.test(t)) return "value";
  if (!/\d/.test(t) && t.length <= 20 && !/[。、]/.test(t) && DEPARTMENT.test(t)) return "department";
  // 「1 産業振興による仕事づくり」: a numbered title — its number counts the plan's parts, no figure.
  const numbered = readOrdinal(t);
  if (numbered.no > 0 && numbered.title.length >= 5 && !/\d/.test(numbered.title)) return "text";
  // A cell with figures in words (「69.4兆円<br>(2014年度)」, 「2020年に10兆円とする」) says nothing clear.
  if (/\d/.test(t) && t.length <= 24 && !/[。、]/.test(t)) return "mixed";
  if (/\d/.test(t)) return "text";
  if (t.length <= 6) return "word";
  return "text";
}

/** The kinds that contradict a role when most of its cells are of them. */
const FORBIDDEN: Partial<Record<Field, readonly ContentKind[]>> = {
  indicator: ["value", "percent", "year", "mark", "department"],
  target: ["year", "mark", "department", "word", "text"],
  actual: ["year", "mark", "department", "word", "text"],
  baseline: ["year", "mark", "department", "word", "text"],
  finalTarget: ["year", "mark", "department", "word", "text"],
  rate: ["value", "year", "mark", "department", "word", "text"],
  evaluation: ["value", "year", "department"],
  departments: ["value", "percent", "year", "mark"],
  // (A committee's opinion as a letter of its own legend is kept as an extra: opinion-marks.ts.)
  comments: ["mark"],
  direction: ["value", "percent", "year", "mark", "department"],
  unit: ["value", "percent", "year", "mark", "department", "text"],
  goal: ["percent", "year"],
  subgoal: ["percent", "year"],
  measure: ["percent", "year"],
  initiatives: ["percent", "year"],
};

/** The field a column of these cells more likely is, for the --profile hint. */
function suggestion(kind: ContentKind): Field {
  switch (kind) {
    case "value":
      return "actual";
    case "percent":
      return "rate";
    case "mark":
      return "evaluation";
    case "department":
      return "departments";
    default:
      return "extra";
  }
}

export interface RoleContradiction {
  kind: ContentKind;
  sample: string;
  suggestion: Field;
}

/**
 * The contradiction between a role and its cells, or null: more than half of the filled cells of a
 * kind the role never holds. A rate printed with a unit that is no rate's (「120人」) is a value.
 */
export function roleContradiction(field: Field, cells: readonly string[]): RoleContradiction | null {
  const filled = cells.filter((c) => squash(c) !== "");
  const forbidden = FORBIDDEN[field];
  if (!forbidden || filled.length === 0) return null;
  // A rate printed with a unit no rate has (「120人」) is a value; 96, 0.96, 12ポイント are rates.
  const kinds = filled.map((c) => {
    const k = contentKind(c);
    if (field === "rate" && k === "value" && /^[▲△+\-−]?[\d,.]+(ポイント|pt|倍|割)?$/.test(squash(c)))
      return "percent" as const;
    return k;
  });
  const counts = new Map<ContentKind, number>();
  for (const k of kinds) if (forbidden.includes(k)) counts.set(k, (counts.get(k) ?? 0) + 1);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  if (total * 2 <= filled.length) return null;
  const kind = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  const sample = filled[kinds.indexOf(kind)] ?? filled[0]!;
  return { kind, sample, suggestion: suggestion(kind) };
}
