/**
 * 「25 人(2009~14 年)」, 「120件(H22~H26年度)」, 「3.2%(2012〜2014年)」 (鯖江市's 現状値: a figure over a span of years — an
 * average or a total, the note says which): the figure stands at the span's last year, the latest year it covers. The span
 * itself is kept as a note (the raw text keeps it too), so what the figure sums or averages is not lost.
 *
 * Only a span whose ends are both years and the second later than the first: 「(2014~)」 or 「(5~10人)」 are not this, and
 * 「(2014年)」 alone was already a year.
 */
import { findYear } from "./header-years.ts";

const ERA = String.raw`(?:令和|平成|[RH])`;
const SPAN = new RegExp(
  String.raw`[(（]\s*((?:19|20)\d{2}|${ERA}\s?(?:元|\d{1,2}))\s*(?:年度?)?\s*[~〜～\-－–]\s*((?:19|20)?\d{2}|${ERA}?\s?(?:元|\d{1,2}))\s*(年度?)\s*[)）]\s*$`,
);

function yearOf(t: string, fiscal: boolean): number | null {
  try {
    return findYear(`${t}${fiscal ? "年度" : "年"}`)?.year ?? null;
  } catch {
    return null;
  }
}

/** The line with a trailing bracketed span of years turned into its last year, and the span as a note; or null. */
export function yearSpanEnd(line: string): { line: string; note: string } | null {
  const m = SPAN.exec(line);
  if (!m || !/\d/.test(line.slice(0, m.index))) return null;
  const fiscal = m[3] === "年度";
  const from = m[1]!.replace(/\s/g, "");
  let to = m[2]!.replace(/\s/g, "");
  const first = yearOf(from, fiscal);
  if (first === null) return null;
  // 「2009~14」: the second end written short, in the first end's century; 「H22~26」: in the first end's era.
  if (/^\d{2}$/.test(to) && /^(19|20)\d{2}$/.test(from)) to = `${from.slice(0, 2)}${to}`;
  else if (/^(元|\d{1,2})$/.test(to)) to = `${/^\D+/.exec(from)?.[0] ?? ""}${to}`;
  const last = yearOf(to, fiscal);
  if (last === null || last <= first) return null;
  return {
    line: `${line.slice(0, m.index).trimEnd()}(${last}${fiscal ? "年度" : "年"})`,
    note: m[0].trim(),
  };
}

/**
 * 「610 人(期間平均)」, 「45件(年平均)」, 「1.2%(5年間の平均)」 (鯖江市's 目標値): the figure is a yearly average over the plan's
 * period — still a figure a year's actual is measured against, the bracket saying how it was taken. The bracket is a note
 * (as 「(見込)」 is), not a reason to keep the whole cell as words. A total (「(累計)」, 「(合計)」) is not this: it changes what
 * the figure counts, and is left to the rules that read running totals.
 */
export const AVERAGE_NOTE = /^(期間|計画期間|各年|年|\d+\s*(?:年|か年|ヵ年|カ年)(?:間)?の?)?平均(値)?$/;
