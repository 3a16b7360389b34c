/** Cell readers of the layout-general reader: ordinals, values with the column's unit, rates, directions. */
import type { Period } from "../core/period.ts";
import type { EvaluationScale, Ordinal, PrintedDirection, StatedEvaluation, Value } from "../core/sheet.ts";
import { parseValue } from "../core/value/parse-value.ts";
import { squash } from "./columns.ts";
import { parseEvaluationLabel } from "./parse-evaluation-label.ts";
import { bandOf } from "./read-legend.ts";
import { splitLines } from "./text-lines.ts";
import type { ImportIssue } from "./types.ts";

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
const ORDINAL =
  /^(?:【)?(?:大基本目標|小基本目標|基本目標|基本施策|施策|政策|目標|重点施策)?\s*(?:[A-ZＡ-Ｚ][-－‐])?(?:([0-9０-９]+)(?:[-－‐][0-9０-９]+)*|([①-⑳])|[(（]([0-9０-９]+)[)）])[\s.．:：、)）】]*(.*)$/;

/** 「1 しごとの創生」「基本目標2 ひと」「③ 企業誘致」「(1) …」; a title without a number gets none (0). */
export function readOrdinal(text: string): Ordinal {
  const t = splitLines(text).join("").trim();
  if (t === "") return { no: 0, title: "" };
  const m = ORDINAL.exec(t);
  if (!m) return { no: 0, title: t };
  const digits = m[1] ?? m[3];
  const no = digits ? Number(digits.normalize("NFKC")) : CIRCLED.indexOf(m[2]!) + 1;
  return { no, title: (m[4] ?? "").replace(/^[\s】]+/, "").trim() };
}

const joinText = (t: string, authored: boolean) => splitLines(t).join(authored ? "\n" : "");

/** A text cell: empty or a dash is null; wrapped lines join (typed breaks in CSV/XLSX are kept). */
export function readText(t: string, authored: boolean): string | null {
  const s = joinText(t, authored).trim();
  return s === "" || /^[-‐－―ー−]$/.test(s) ? null : s;
}

/** A list cell (担当課): one entry per line or 、. */
export function readList(t: string): string[] {
  return splitLines(t)
    .flatMap((l) => l.split(/[、,，]/))
    .map((x) => x.trim())
    .filter((x) => x !== "" && !/^[-‐－―ー−]$/.test(x));
}

/** A value cell with the column's unit (a 単位 column, `(千円)` in the header); `raw` as printed. */
export function readUnitValue(
  text: string,
  unit: string | null,
  period: Period,
  issue: (message: string) => void,
): Value {
  const t = splitLines(text).join("").trim();
  if (t === "" || /^[-‐－―ー−]$/.test(t) || t === "―")
    return t === "" ? { kind: "missing" } : { kind: "missing", raw: t };
  const bare = /^[▲△+\-−]?[\d,，.．]+$/.test(squash(t));
  const withUnit = unit && bare ? `${t}${unit}` : t;
  const r = parseValue(withUnit, period);
  if (!r.ok) {
    issue(`数値として読めないため文字として保持: ${r.problem.message}`);
    return { kind: "text", text: t, raw: t };
  }
  const v = r.value;
  if (v.kind === "number" || v.kind === "segmented" || v.kind === "text") v.raw = t;
  return v;
}

/** A printed rate: 「85.3%」 → 0.853; a bare number in a rate column is a percentage. */
export function readRate(text: string): number | null | undefined {
  const t = squash(text).replace(/[％]/g, "%").replace(/^▲|^△/, "-");
  if (t === "" || /^[-‐－―ー−]$/.test(t)) return null;
  const m = /^(-?[\d,.]+)%?$/.exec(t);
  if (!m) return undefined;
  return Math.round(Number(m[1]!.replace(/,/g, "")) * 1000) / 100000;
}

/** 方向性: 増加 / 減少 / 維持 (arrows too). */
export function readDirection(text: string): PrintedDirection | null | undefined {
  const t = squash(text);
  if (t === "" || /^[-‐－―ー−]$/.test(t)) return null;
  if (/^(増加|増|上昇|向上|↑|↗|拡大|増やす)/.test(t)) return { direction: "increase", label: t };
  if (/^(減少|減|低下|↓|↘|縮小|減らす|抑制)/.test(t)) return { direction: "decrease", label: t };
  if (/^(維持|→|現状維持|横ばい)/.test(t)) return { direction: "maintain", label: t };
  return undefined;
}

/** A printed evaluation: the four Japanese labels, else the city's scale; unknown labels are kept. */
export function readEvaluation(
  text: string,
  scale: EvaluationScale | null,
  issue: (message: string) => void,
): StatedEvaluation {
  const label = splitLines(text).join("").trim();
  const parsed = parseEvaluationLabel(label);
  if (parsed.known) return parsed.evaluation;
  const band = bandOf(scale, label.replace(/\((新型)?コロナ.*\)$/, ""));
  if (band) return { category: band.category, covid: parsed.evaluation.covid, label };
  if (label === "" || /^[-‐－―ー−]$/.test(label)) {
    return label === ""
      ? { category: "not_evaluable", covid: false }
      : { category: "not_evaluable", covid: false, label };
  }
  issue(
    `未知の評価「${label}」: 表記を保持し、区分は評価不可とした(凡例がないため。--scale で評価基準を指定できます)`,
  );
  return parsed.evaluation;
}

export type IssueSink = ImportIssue[];
