/**
 * A project's cell that also states its numeric target (徳島県's 主要事業等評価シート): the project's summary
 * after 「●」 (a sentence), then the target after 「○」 — its name, and the figures it aims at with their years
 * as circled numbers of the sheet's era (「○サテライトオフィス進出地域の拡大(累計) ㉓1市町村→㉖4市町村」: 1 in
 * 平成23年度, 4 in 平成26年度) or in square brackets (「○定期航路の新規開設 [26]開設」: opened by 平成26年度).
 * The 「○」 line is the KPI's indicator; the summary is no part of its name.
 */
import type { Period } from "../core/period.ts";
import { eraOfGregorian } from "./general-roles.ts";
import { findYear } from "./header-years.ts";
import { splitLines } from "./text-lines.ts";

/** ①–⑳ then ㉑–㉟ and ㊱–㊿: the circled numbers 1–50. */
function circledNumber(c: string): number | null {
  const code = c.codePointAt(0)!;
  if (code >= 0x2460 && code <= 0x2473) return code - 0x2460 + 1;
  if (code >= 0x3251 && code <= 0x325f) return code - 0x3251 + 21;
  if (code >= 0x32b1 && code <= 0x32bf) return code - 0x32b1 + 36;
  return null;
}

const YEAR = String.raw`(?:[①-⑳㉑-㉟㊱-㊿]|[[［]\s*[0-9０-９]{1,2}\s*[\]］])`;
const TARGET = new RegExp(
  String.raw`^(.*?\S)\s*(?:(${YEAR})\s*([^→]*?)\s*→\s*)?(${YEAR})\s*([^\s→①-⑳㉑-㉟㊱-㊿[［].*)$`,
);

export interface PlanTarget {
  summary: string;
  name: string;
  baseline: { text: string; period: Period } | null;
  final: { text: string; period: Period };
}

/**
 * The summary, the indicator and its target from 「●summary。○name ㉓figure→㉖figure」; null when the cell
 * is not so written, or a year would fall over 15 years from the sheet's (the era is then not the one
 * the sheet counts in: nothing is guessed).
 */
export function splitPlanTarget(text: string, fiscalYear: number): PlanTarget | null {
  const t = splitLines(text).join("").trim();
  const m = /^[●◆■]\s*(.+?。)\s*[○◯]\s*(\S.*)$/.exec(t);
  if (!m) return null;
  const target = TARGET.exec(m[2]!);
  if (!target) return null;
  const era = eraOfGregorian(`${fiscalYear}年`);
  const yearOf = (y: string): Period | null => {
    const n = circledNumber(y) ?? Number(y.replace(/[[\]［］\s]/g, "").normalize("NFKC"));
    const p = era ? findYear(`${era}${n}年度`) : null;
    return p && Math.abs(p.year - fiscalYear) <= 15 ? p : null;
  };
  const final = yearOf(target[4]!);
  const start = target[2] ? yearOf(target[2]) : null;
  if (!final || (target[2] && !start)) return null;
  return {
    summary: m[1]!,
    name: target[1]!.trim(),
    baseline: start ? { text: target[3]!.trim(), period: start } : null,
    final: { text: target[5]!.trim(), period: final },
  };
}
