/**
 * Words for the audit: what each note means, and the one sentence (Japanese and English) that
 * explains why a computed category differs from the stated one, or why it cannot be checked.
 */
import { CATEGORY_LABELS_JA, type Category } from "../sheet.ts";
import { formatRate } from "../value/format.ts";
import type { Formula, NoteCode } from "./types.ts";

export const NOTE_TEXT: Record<NoteCode, { ja: string; en: string }> = {
  missing_target: { ja: "目標値が空欄", en: "the target is empty" },
  missing_actual: { ja: "実績値が空欄", en: "the actual is empty" },
  qualitative_target: { ja: "目標値が数値でない", en: "the target is not a number" },
  qualitative_actual: { ja: "実績値が数値でない", en: "the actual is not a number" },
  qualitative_met: { ja: "実績が目標の記述と一致", en: "the actual states the same as the target" },
  shape_mismatch: {
    ja: "目標値と実績値の形（区分の有無）が異なる",
    en: "one of target and actual is split into segments and the other is not",
  },
  segment_unmatched: {
    ja: "目標値と実績値の区分が対応しない",
    en: "segments of target and actual do not match",
  },
  unit_mismatch: { ja: "目標値と実績値の単位が異なる", en: "target and actual have different units" },
  period_mismatch: {
    ja: "実績値の時点が目標値と異なる",
    en: "the actual refers to another period than the target",
  },
  negative_value: { ja: "負の値を含む", en: "a value is negative" },
  zero_target: { ja: "目標値が0", en: "the target is zero" },
  zero_actual_decrease_achieved: {
    ja: "減少を目指す指標で実績が0（目標達成）",
    en: "a decrease KPI whose actual is zero (target reached)",
  },
  zero_target_decrease_missed: {
    ja: "減少を目指す指標で目標値0に対し実績が0を超える（未達成）",
    en: "a decrease KPI with a target of zero and an actual above zero (not reached)",
  },
  not_printed: { ja: "シートに評価の記載なし", en: "the sheet prints no evaluation" },
  no_baseline: { ja: "基準値（年）が未設定", en: "no baseline (with its year) is set" },
  target_equals_baseline: { ja: "目標値が基準値と同じ", en: "the target equals the baseline" },
  no_final_year: { ja: "最終目標値・年度が読めない", en: "no numeric final target with a year" },
  final_year_passed: { ja: "最終目標年度を過ぎている", en: "the final year has passed" },
};

const CATEGORY_EN: Record<Category, string> = {
  on_track: "on track",
  mostly_on_track: "mostly on track",
  delayed: "delayed",
  not_evaluable: "not evaluable",
};

const RATE_NAME: Record<Formula, { ja: string; en: string }> = {
  ratio: { ja: "達成率", en: "Achievement rate" },
  progress_from_baseline: { ja: "基準値からの進捗率", en: "Progress from the baseline" },
  prorated: { ja: "按分目標に対する達成率", en: "Achievement rate against the pro-rated target" },
};

export { formatRate };

/** A category under the rules: the label, with the standard name beside it when they differ. */
export function categoryText(category: Category, label: string): string {
  const ja = CATEGORY_LABELS_JA[category];
  return label === ja ? ja : `${label}（${ja}）`;
}

/** The notes that explain a missing rate, most telling first. */
const WHY_NO_RATE: NoteCode[] = [
  "qualitative_target",
  "qualitative_actual",
  "missing_target",
  "missing_actual",
  "shape_mismatch",
  "segment_unmatched",
  "unit_mismatch",
  "negative_value",
  "zero_target",
  "no_baseline",
  "target_equals_baseline",
  "no_final_year",
];

export interface ExplainInput {
  formula: Formula;
  rate: number | null;
  worstSegment: string | null;
  computed: Category;
  computedLabel: string;
  computedBasis: "rate" | "rule" | "none";
  stated: Category;
  agrees: boolean | null;
  notes: NoteCode[];
}

/** One sentence in Japanese and in English, or null where the categories agree. */
export function explain(e: ExplainInput): { ja: string; en: string } | null {
  if (e.agrees === true) return null;
  const statedJa = CATEGORY_LABELS_JA[e.stated];
  const statedEn = CATEGORY_EN[e.stated];
  if (e.agrees === null) {
    const codes = WHY_NO_RATE.filter((n) => e.notes.includes(n));
    const bothText = codes.includes("qualitative_target") && codes.includes("qualitative_actual");
    const why = bothText
      ? [
          { ja: "目標値・実績値とも数値でない", en: "neither target nor actual is a number" },
          ...codes.filter((c) => !c.startsWith("qualitative_")).map((n) => NOTE_TEXT[n]),
        ]
      : codes.map((n) => NOTE_TEXT[n]);
    const whyJa = why.length > 0 ? why.map((w) => w.ja).join("・") : "数値で比較できない";
    const whyEn = why.length > 0 ? why.map((w) => w.en).join("; ") : "the values cannot be compared";
    const met = e.notes.includes("qualitative_met");
    // 「目標値が空欄のため」: a reason ending in a noun takes の before ため (「…が異なるため」 does not).
    const no = met || /[いるた]$/.test(whyJa) ? "" : "の";
    return {
      ja: `${whyJa}${met ? "（実績は目標の記述どおり）" : ""}${no}ため達成率を算出できず照合不可、記載は${statedJa}`,
      en: `Cannot check: no rate because ${whyEn}${met ? " (the actual states the target)" : ""}; the sheet says ${statedEn}.`,
    };
  }
  const computedJa = categoryText(e.computed, e.computedLabel);
  const computedEn =
    e.computedLabel === CATEGORY_LABELS_JA[e.computed]
      ? CATEGORY_EN[e.computed]
      : `${e.computedLabel} (${CATEGORY_EN[e.computed]})`;
  const period = e.notes.includes("period_mismatch");
  const periodJa = period ? "（実績は目標と異なる時点の値）" : "";
  const periodEn = period ? " (the actual refers to another period)" : "";
  if (e.computedBasis === "rule") {
    return {
      ja: `減少を目指す指標で実績が0のため基準上は${computedJa}だが、${statedJa}と記載`,
      en: `The actual is zero on a decrease KPI, which is ${computedEn} by rule, but the sheet says ${statedEn}.`,
    };
  }
  const name = RATE_NAME[e.formula];
  const seg = e.worstSegment
    ? { ja: `最も低い区分（${e.worstSegment}）の`, en: ` of the worst segment (${e.worstSegment})` }
    : null;
  const rate = formatRate(e.rate);
  return {
    ja: `${seg?.ja ?? ""}${name.ja}${rate}${periodJa}で基準上は${computedJa}だが、${statedJa}と記載`,
    en: `${name.en}${seg?.en ?? ""} ${rate}${periodEn} is ${computedEn} under the rules, but the sheet says ${statedEn}.`,
  };
}
