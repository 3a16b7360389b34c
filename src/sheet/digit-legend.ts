/**
 * A rating printed as a digit whose meaning a legend line gives, with or without colons: 「目的達成度
 * 4:目標は達成されている 3:…」, and 「達成度 1 目標を大きく上回って達成 2 目標を上回って達成 … 5 目標を
 * 大きく下回った」 (a city's 施策進行管理・評価表: the digits set off by spaces, 1 the best). Without colons a digit
 * counts as a label only when words follow it and the line lists the digits in unbroken order from 1, so a
 * figure in a sentence (「80 %以上」, 「3 年間」) is never read as a band.
 */
import { squash } from "./columns.ts";
import { rangePairsOf } from "./legend-ranges.ts";

/** A digit followed by its meaning in words, set off by spaces (「1 目標を大きく…」). */
const SPACED_DIGIT = /(?:^|\s)([1-9])\s+(?=[ぁ-んァ-ヶ一-龥])/gu;

/** The digits a line lists with spaces, in order; [] unless they run 1, 2, 3 … unbroken (three at least). */
function spacedDigits(line: string): number[] {
  const ds = [...line.normalize("NFKC").matchAll(SPACED_DIGIT)].map((m) => Number(m[1]));
  if (ds.length < 3 || !ds.every((d, i) => d === i + 1)) return [];
  return ds;
}

/**
 * The line explains digit d: 「d:…」 or, in a spaced list running from 1, 「d words」; a negative point
 * (「-3」) when a range of points the line explains holds it (「-1〜-5:基準値を下回った」, legend-ranges.ts).
 */
export function explainsDigit(line: string, d: string): boolean {
  if (/^-/.test(d)) return rangePairsOf(line).pairs.some((p) => p.label === d);
  // 「1:」, 「1=」, 「1…」 (むつ市's 「1…目標値を達成した」), 「「1」…」 (田川市's 凡例, the digit in brackets).
  if (new RegExp(`(^|\\s)(${d}|「${d}」)\\s*[:：=＝…]`).test(line)) return true;
  return spacedDigits(line).includes(Number(d));
}

/** A rating printed as a digit a legend line explains (「4:目標は達成されている」). */
export function explainedDigit(c: string, legendTexts: readonly string[]): boolean {
  // (「-1」 … 「-5」: negative points a range in the legend explains, 「-1〜-5:基準値を下回った」)
  const t = squash(c).replace(/^[−－]/, "-");
  return /^-?[1-9]$/.test(t) && legendTexts.some((l) => explainsDigit(l, t));
}

/** The pairs of a spaced digit legend (「達成度 1 目標を… 2 …」), its heading before the 1 dropped. */
export function spacedDigitPairsOf(text: string): { label: string; meaning: string }[] {
  const t = text
    .replace(/<br\s*\/?>/gi, " ")
    .normalize("NFKC")
    .trim();
  if (spacedDigits(t).length === 0) return [];
  const starts = [...t.matchAll(SPACED_DIGIT)].map((m) => ({ d: m[1]!, at: m.index! + m[0].indexOf(m[1]!) }));
  return starts.map((s, i) => ({
    label: s.d,
    meaning: t.slice(s.at + 1, starts[i + 1]?.at ?? t.length).trim(),
  }));
}
