/**
 * The evaluation scale printed with a sheet (「A:既達成(100%以上) B:概ね順調(80%以上100%未満) …」,
 * 「◎:目標値以上 ○:目標値と同等 …」, 「順調:… おおむね順調:… 努力を要する:…」): labels, what they mean,
 * their thresholds, and which of the four categories each one is.
 */

import type { EvaluationScale, ScaleBand } from "../core/sheet.ts";
import { squash } from "./columns.ts";
import { spacedDigitPairsOf } from "./digit-legend.ts";
import { categoryOf, minOf } from "./legend-categories.ts";
import { courseStepBelowReached } from "./legend-course-step.ts";
import { paceOf, scaledByPace } from "./legend-pace.ts";
import {
  colonsForOtherSeparators,
  joinSpacedLines,
  labelBracketPairsOf,
  meaningFirstPairsOf,
} from "./legend-pair-forms.ts";
import { rangePairsOf } from "./legend-ranges.ts";
import { spacedPairsOf } from "./legend-spaced-pairs.ts";
import { implicitPace } from "./round49-implicit-pace.ts";
import { siblingLabelHits } from "./round51-legend-siblings.ts";
import { STAR_RUN } from "./round54-star-runs.ts";
import { withoutCaption } from "./round57-legend-caption.ts";
import { ARROW_MARK } from "./round59-captioned-rating.ts";
import { joinCutLegendLines } from "./round60-cut-legend.ts";

// Lower-case letters (「a 目標値に向けて順調に進んでいる」, 福岡市) are labels only as a letter alone.
// 「★★★★:ある程度達成」 (round 54): a run of stars is one label (round54-star-runs.ts).
// 「ー:実績が未公表のため判定できない」 (round 39): the long-vowel mark printed as the dash of no rating, a label
// alone (not after a kana, where it is a word's long vowel).
// 「↗:基準値より改善 →:基準値と同程度 ↘:基準値より悪化」 (round 59): an arrow is a mark, a label alone (ARROW_MARK).
const LABEL = String.raw`(?:${STAR_RUN}|${ARROW_MARK}|[A-ZＡ-Ｚ][+＋]?|[a-eａ-ｅ](?![a-zA-Z])|[1-9](?![\d.,%])|[①-⑳]|[◎○〇●◯△▲×✕□■◇◆☆★－−―‐\-]|(?<![ぁ-んァ-ヶ])ー|[ぁ-んァ-ヶ一-龥]{1,8})`;
const PAIR = new RegExp(String.raw`(${LABEL})\s*[:：＝=]\s*(.*?)(?=\s*${LABEL}\s*[:：＝=]|$)`, "gu");

/**
 * A scale of points written threshold first (「100% 7ポイント、100%未満~90% 6ポイント …」): the
 * number of points is the label the evaluation column prints, the threshold before it its meaning.
 */
function pointPairsOf(text: string): { label: string; meaning: string }[] {
  const t = text.replace(/<br\s*\/?>/gi, " ").normalize("NFKC");
  const out: { label: string; meaning: string }[] = [];
  for (const m of t.matchAll(/([^、,。;]*?)\s*(\d{1,2})\s*(?:ポイント|点)(?=[、,。;\s)]|$)/g)) {
    const meaning = m[1]!.replace(/^.*[:：]/, "").trim();
    if (/\d\s*%|割/.test(meaning)) out.push({ label: m[2]!, meaning });
  }
  return out;
}

/**
 * Long labels the evaluation column prints (「地方創生に相当程度効果があった」), each followed by 「:」 in
 * the legend: the meaning runs to the next such label. A label the short-label pattern cannot hold whole
 * (over eight characters, or with a 「・」: 津山市 「取組強化・改善が必要」, which it would cut to 「改善が必要」)
 * is found whole, and beside it the column's shorter word labels (「目標数値を達成:」) too.
 */
function longPairsOf(text: string, used: ReadonlySet<string>): { label: string; meaning: string }[] {
  const t = text.replace(/<br\s*\/?>/gi, "");
  const hitOf = (label: string, start: string) =>
    new RegExp(`${start}${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*[:：]`).exec(t);
  const hits: { label: string; at: number; end: number }[] = [];
  for (const label of used) {
    if (!unheldWhole(label)) continue;
    const m = hitOf(label, "");
    if (m) hits.push({ label, at: m.index, end: m.index + m[0].length });
  }
  if (hits.length === 1 && !/[A-Za-z]/.test(hits[0]!.label)) {
    for (const label of used) {
      if (unheldWhole(label) || !/^[ぁ-んァ-ヶ一-龥]{2,8}$/.test(label)) continue;
      // (At a word's start, and not inside the long label's own span.)
      const m = hitOf(label, "(?<![ぁ-んァ-ヶ一-龥・])");
      if (m && !hits.some((h) => m.index < h.end && m.index + m[0].length > h.at))
        hits.push({ label, at: m.index, end: m.index + m[0].length });
    }
  }
  hits.push(...siblingLabelHits(t, hits));
  hits.sort((a, b) => a.at - b.at);
  return hits.map((h, i) => ({
    label: h.label,
    meaning: t.slice(h.end, hits[i + 1]?.at ?? t.length).trim(),
  }));
}

/** A label the short-label pattern cannot read whole: over eight characters, or joined by 「・」. */
const unheldWhole = (label: string) => [...label].length > 8 || /[^\s・][・･][^\s・]/.test(label);

// 「「A」…目標値に対して…」: a quoted label, then an ellipsis where a colon would stand.
const QUOTED_LABEL = /[「『]([^「」『』\s]{1,8})[」』]\s*(?:…+|‥+|・{2,}|\.{3,})\s*/gu;

/** Reads the label:meaning pairs of one legend text; null when there are fewer than two. */
function pairsOf(text: string, used: ReadonlySet<string> = new Set()): { label: string; meaning: string }[] {
  const long = longPairsOf(text, used);
  if (long.length >= 2) return long;
  // (「◎:予定以上」「○:予定通り」: the quotes around each entry are no part of it.)
  // 「「A」…目標値に対して順調に値が伸びている」 (田川市): a quoted label and an ellipsis before its meaning —
  // the ellipsis stands where a colon would (only after a quoted label: inside a meaning it is none).
  // (「【A】目標を達成」: the lenticular label is read before brackets are taken away.)
  const t = colonsForOtherSeparators(
    colonsForOtherSeparators(text.replace(/<br\s*\/?>/gi, " "))
      .replace(QUOTED_LABEL, " $1:")
      .replace(/[【】「」『』]/g, " "),
  );
  const out: { label: string; meaning: string }[] = [];
  for (const m of t.matchAll(PAIR)) {
    const label = m[1]!.trim();
    const meaning = m[2]!.trim();
    if (/^(評価|評価基準|評価区分|凡例|注|備考|※)$|^(出典|資料)/.test(label)) continue;
    // 「達成状況=(R1年度実績-計画策定時)÷(目標値-計画策定時)」: how a column is computed, beside the legend —
    // a formula under a name the evaluation column does not print is no band.
    if (!used.has(label.replace(/\s/g, "")) && /[÷×]|^[(（]/.test(meaning)) continue;
    out.push({ label, meaning });
  }
  return out;
}

/**
 * Finds the legend among the texts printed outside the table (or in single-cell rows), keeping only
 * entries whose labels the evaluation column uses (so an unrelated 「注:」 line is not a scale).
 */
export function readLegend(
  texts: readonly string[],
  usedLabels: ReadonlySet<string>,
  /** Filled with each label a later line, adding labels of its own, explains otherwise (the first meaning is kept). */
  conflicts: { label: string; meanings: [string, string] }[] = [],
): EvaluationScale | null {
  const entries: { label: string; meaning: string }[] = [];
  const sources: string[] = [];
  const norm = (s: string) => s.replace(/\s/g, "");
  const used = new Set([...usedLabels].flatMap((l) => [norm(l), markOf(l) ?? ""]).filter((l) => l !== ""));
  // (A line wrapped in the middle of a label is joined back first: round60-cut-legend.ts.)
  for (let text of joinSpacedLines(joinCutLegendLines(texts, usedLabels))) {
    // A note naming where the sheet comes from (「出典の形式: 泰阜村(長野県下伊那郡)の…(目標以上)…」) quotes
    // labels in brackets as it tells the story; it is no legend in any of the forms below.
    if (isSourceNote(text)) continue;
    // 「-1〜-5:…」: a range of points, read apart (each point a label) and taken out of the text.
    const ranged = rangePairsOf(text);
    text = ranged.rest;
    let pairs = pairsOf(text, used);
    let relevant = pairs.filter((p) => used.has(norm(p.label)));
    // 「A　目標値を達成 B　概ね順調 C　努力を要する -:実績値未確定」: one colon pair among spaced ones is not the line's
    // form — the spaced reading, which takes that pair in, explains more of the labels used.
    if (relevant.length === 1) {
      const spaced = spacedPairsOf(text);
      if (spaced.filter((p) => used.has(norm(p.label))).length > 1) {
        pairs = spaced;
        relevant = spaced.filter((p) => used.has(norm(p.label)));
      }
    }
    if (relevant.length === 0) {
      pairs = bracketPairsOf(text);
      relevant = pairs.filter((p) => used.has(norm(p.label)));
    }
    if (relevant.length === 0) {
      pairs = pointPairsOf(text);
      relevant = pairs.filter((p) => used.has(norm(p.label)));
    }
    if (relevant.length === 0) {
      pairs = spacedPairsOf(text);
      relevant = pairs.filter((p) => used.has(norm(p.label)));
    }
    if (relevant.length === 0) {
      pairs = suffixPairsOf(text, used);
      relevant = pairs.filter((p) => used.has(norm(p.label)));
    }
    if (relevant.length === 0) {
      pairs = spacedDigitPairsOf(text);
      relevant = pairs.filter((p) => used.has(norm(p.label)));
    }
    for (const form of [labelBracketPairsOf, meaningFirstPairsOf]) {
      if (relevant.length > 0) break;
      pairs = form(text);
      relevant = pairs.filter((p) => used.has(norm(p.label)));
    }
    // (「成果動向:…を示す。 向上:…」: the column's name opening the line is its caption, round57-legend-caption.ts.)
    pairs = [...withoutCaption(pairs, used), ...ranged.pairs];
    relevant = pairs.filter((p) => used.has(norm(p.label)));
    if (relevant.length === 0) continue;
    // A line that explains a used label otherwise than a line before it and adds labels of its own is another
    // scale (施策評価 A–D under 数値目標評価 S–C): reported, so the caller refuses rather than mix the two.
    const differs = pairs.flatMap((p) => {
      const seen = entries.find((e) => norm(e.label) === norm(p.label));
      return seen && norm(seen.meaning) !== norm(p.meaning) && used.has(norm(p.label))
        ? [{ label: p.label, meanings: [seen.meaning, p.meaning] as [string, string] }]
        : [];
    });
    const added = pairs.filter((p) => !entries.some((e) => norm(e.label) === norm(p.label)));
    if (differs.length > 0 && added.length > 0 && entries.length > 0) conflicts.push(...differs);
    entries.push(...added.filter((p, i) => added.findIndex((q) => norm(q.label) === norm(p.label)) === i));
    sources.push(text.replace(/<br\s*\/?>/gi, " ").trim());
  }
  if (entries.length < 2) return null;
  const positive = entries.filter((e) => categoryOf(e.label, e.meaning) !== "not_evaluable");
  // 「やや遅れ」 is the second step of a scale without 「概ね」; beside an explicit 概ね順調 it is behind —
  // whether the words are the meaning (「B 概ね順調」) or the label itself (「おおむね順調:達成率90%以上
  // やや遅れている:80%以上」, a scale of words whose meanings are thresholds).
  const said = (e: { label: string; meaning: string }) => `${e.label} ${e.meaning}`.normalize("NFKC");
  const explicitMostly = entries.some((e) => /概ね|おおむね/.test(said(e)));
  const words = entries.map((e) => {
    // A label that is itself a word (「やや遅れている」 before 「達成率80%以上90%未満」) says its band when the
    // meaning, a threshold, says nothing in words: the city named the band.
    const category =
      categoryOf(e.label, e.meaning) ??
      (/^[ぁ-んァ-ヶ一-龥]{2,10}$/.test(norm(e.label)) ? categoryOf(e.label, e.label) : null);
    if (
      category === "mostly_on_track" &&
      explicitMostly &&
      !/概ね|おおむね/.test(said(e)) &&
      /やや遅れ/.test(said(e))
    )
      return "delayed";
    return category;
  });
  // 「目標を達成している」 then 「順調に推移している」: the second is the step under reaching (legend-course-step.ts).
  courseStepBelowReached(entries, words);
  // The words do not say but thresholds do: 100% and above is on track; the highest band under it
  // the step under it (「期待値の7割以上」); further bands mostly on track down to the house's 80%,
  // delayed below (a band without a lower bound, 「50%未満」, is the lowest).
  // 「20%をA評価として」: thresholds of progress over the whole plan, measured against the pace due by now.
  const scaled = scaledByPace(
    entries.map((e) => ({ label: e.label, min: minOf(e.meaning) })),
    // (A pace no line states: the best band of a 進捗率 against the final target, round49-implicit-pace.ts.)
    paceOf(texts) ?? implicitPace(entries, texts),
  );
  const byThreshold = entries.map((_, i) => ({ i, min: scaled[i]! })).filter((x) => words[x.i] === null);
  const thresholds = byThreshold.some((x) => x.min !== null);
  // A band the words call mostly on track (鳴門市: 「B:概ね目標を達成できた。(達成率80%以上)」) is already the step
  // under on track: a lower threshold (「C:あまり目標を達成出来なかった。(達成率60%以上)」) is delayed.
  let step: number | null = null;
  for (const [i, w] of words.entries())
    if (w === "mostly_on_track" && scaled[i] != null) step = Math.min(step ?? 1, scaled[i]!);
  for (const x of [...byThreshold].sort((a, b) => (b.min ?? -1) - (a.min ?? -1))) {
    if (!thresholds) break;
    if (x.min !== null && x.min >= 1) words[x.i] = "on_track";
    else if (x.min !== null && (step === null || x.min === step || x.min >= 0.8)) {
      words[x.i] = "mostly_on_track";
      step ??= x.min;
    } else words[x.i] = "delayed";
  }
  const bands: ScaleBand[] = entries.map((e, i) => {
    let category = words[i] ?? null;
    // The meaning says nothing (「けもかわプロジェクト(目標以上)」 in a wrapped note), but the label's own words
    // do (目標以上, 進ちょくなし): they outrank the order of entries.
    if (category === null && /^[ぁ-んァ-ヶ一-龥]{2,10}$/.test(norm(e.label)))
      category = categoryOf(e.label, e.label);
    if (category === null) {
      // The words do not say: the legend's order does (best first).
      const k = positive.indexOf(e);
      category = k === 0 ? "on_track" : k === 1 ? "mostly_on_track" : "delayed";
    }
    return { label: e.label, category, min: minOf(e.meaning), meaning: e.meaning };
  });
  const basis = entries.some((e) => /基準値|策定時|現状値/.test(e.meaning))
    ? "progress_from_baseline"
    : "ratio";
  return { bands, basis, source: sources.join(" ") };
}

/**
 * Labels written right after their meaning, listed with commas under the column's name (江田島市:
 * 「改善・悪化:改善○,維持△,悪化×,未実施- 達成度:順調A,要改善B,未実施-」): of the named lists, the one
 * whose labels the evaluation column uses.
 */
function suffixPairsOf(text: string, used: ReadonlySet<string>): { label: string; meaning: string }[] {
  const t = text.replace(/<br\s*\/?>/gi, " ").normalize("NFKC");
  let best: { label: string; meaning: string }[] = [];
  for (const section of t.split(/\s+(?=[^\s:]+:)/)) {
    const list = section.replace(/^[^\s:]+:/, "");
    const items = list.split(/[,、]/).map((x) => x.trim());
    const pairs = items.flatMap((x) => {
      const m = /^([^\sA-Za-z]{1,10}?)([A-Z][+]?|[◎○〇△×▲●-])$/u.exec(x);
      return m ? [{ label: m[2]!, meaning: m[1]! }] : [];
    });
    // Every item a pair — but the last, whose label a line's end may have carried off (「…，未実施」).
    const whole =
      pairs.length === items.length ||
      (pairs.length === items.length - 1 && !/[A-Z◎○〇△×▲●-]$/u.test(items.at(-1) ?? ""));
    if (pairs.length < 2 || !whole) continue;
    const hits = pairs.filter((p) => used.has(p.label)).length;
    if (hits > best.filter((p) => used.has(p.label)).length) best = pairs;
  }
  return best;
}

/**
 * Labels printed in brackets after their meaning (「効果的なもの(A)、おおむね効果的なもの(B)、…」,
 * 「評価対象外(−)」).
 */
function bracketPairsOf(text: string): { label: string; meaning: string }[] {
  const t = text.replace(/<br\s*\/?>/gi, " ");
  const out: { label: string; meaning: string }[] = [];
  const re = new RegExp(String.raw`([^、,，。()（）]*?)\s*[(（]\s*(${LABEL})\s*[)）]`, "gu");
  const all = [...t.matchAll(re)];
  // 「(A)進んだ (B)ある程度進んだ … (D)進まなかった」: each label followed at once by words is the label before its
  // meaning (read as 「meaning(label)」, each meaning slid onto the label after it, with exit 0); 「効果的なもの(A)、」
  // puts a separator after each.
  const wordsAfter = all.filter((m) => /^[^\s、,，。.．;；/／]/u.test(t.slice((m.index ?? 0) + m[0].length)));
  if (all.length >= 2 && wordsAfter.length * 2 > all.length) return [];
  for (const m of all) {
    const meaning = m[1]!.replace(/^.*[はを、]\s*(?=\S)/u, "").trim();
    if (meaning !== "" && !/^\d/.test(m[2]!)) out.push({ label: m[2]!.trim(), meaning: m[1]!.trim() });
    void meaning;
  }
  return out;
}

/** 「出典:…」, 「出典の形式: …」, 「(資料)…」: where the sheet or a figure comes from, not a legend. */
export function isSourceNote(text: string): boolean {
  return /^\s*[※＊*]?\s*[(（【]?\s*(出典|資料)/.test(text.replace(/<br\s*\/?>/gi, " "));
}

/**
 * Whether a line alone on a row reads as a legend of 「label:meaning」 pairs — 「A:…」, and 「A=…」 as
 * 豊中市 prints it (a worksheet's legend row, not a note) — with a letter or mark, or two pairs at least.
 */
export function isPairedLegendLine(line: string): boolean {
  // (「「A」…… 「B」……」: two quoted labels each before an ellipsis are pairs too.)
  if ((line.match(QUOTED_LABEL) ?? []).length >= 2) return true;
  // (「A→目標達成、B→…」, 「○…達成 △…」, 「(A)達成 (B)…」: the colon written another way.)
  const t = colonsForOtherSeparators(line);
  const seps = t.match(/[:：=＝]/g) ?? [];
  return seps.length > 0 && (/[A-ZＡ-Ｚ◎○〇△×]|順調/.test(t) || seps.length >= 2);
}

/**
 * Whether a line is a legend written without 「label:」: points, labels in brackets after their meaning, meanings
 * in brackets after their labels (「A(100%以上)、B(…)」), or meanings before 「=A」.
 */
export function isUncolonedLegend(text: string): boolean {
  return (
    pointPairsOf(text).length >= 2 ||
    bracketPairsOf(text).filter((p) => /^[A-ZＡ-Ｚ]/.test(p.label)).length >= 2 ||
    labelBracketPairsOf(text).length >= 2 ||
    meaningFirstPairsOf(text).length >= 2
  );
}

/**
 * A legend written with spaces, not colons, after its own heading (「成果指標の評価基準 a 目標値に向けて…
 * b … c …」): a row of it alone in a worksheet is the legend — not a 成果指標 heading for the rows below.
 */
export function isSpacedLegend(text: string): boolean {
  // (「達成度 1 目標を大きく上回って達成 2 … 5 …」: digits running from 1, each before its words, too.)
  return spacedPairsOf(text).length >= 2 || spacedDigitPairsOf(text).length >= 3;
}

/**
 * Whether a line alone on a row is a legend in any of the forms above (as printed, and squashed: 「進展度
 * A→進んだ」 names its label after a space, which squashing takes away).
 */
export function isLegendLine(line: string): boolean {
  const t = squash(line);
  return isPairedLegendLine(t) || isPairedLegendLine(line) || isUncolonedLegend(t) || isSpacedLegend(line);
}

/** The points a threshold-first legend scores (「… 7ポイント、… 6ポイント」): labels, not rates. */
export function pointLabels(texts: readonly string[]): Set<string> {
  return new Set(texts.flatMap((t) => pointPairsOf(t).map((p) => p.label)));
}

/** 「◎(予定以上)」: a mark printed with its meaning in brackets is that mark of the scale. */
export function markOf(label: string): string | null {
  const m = /^([◎○〇●◯△▲×✕□■◇◆☆★]|[A-ZＡ-Ｚ][+＋]?)\s*[(（][^()（）※]+[)）]$/.exec(label.trim());
  return m ? m[1]! : null;
}

/** A printed label through the scale (folded comparison); null when the scale does not list it. */
export function bandOf(scale: EvaluationScale | null, label: string): ScaleBand | null {
  if (!scale) return null;
  const fold = (t: string) => t.normalize("NFKC").replace(/\s/g, "").replace(/〇/g, "○");
  const exact = scale.bands.find((b) => fold(b.label) === fold(label));
  // 「②地方創生に相当程度効果があった」: a long label printed with its number, listed without it.
  const unnumbered = label.trim().replace(/^[①-⑳]\s*/, "");
  const mark = markOf(label);
  return (
    exact ??
    (unnumbered !== label.trim() && [...unnumbered].length > 8
      ? (scale.bands.find((b) => fold(b.label) === fold(unnumbered)) ?? null)
      : null) ??
    (mark ? (scale.bands.find((b) => fold(b.label) === fold(mark)) ?? null) : null)
  );
}
