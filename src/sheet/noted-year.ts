/**
 * A note beside a row saying its actual is an earlier year's figure (「更新数値がないため、H24の値」,
 * 「R3年度の数値」 under 備考): the actual keeps its value and takes that year — compared with the
 * evaluated year's target, it would otherwise pass for this year's result.
 */
import type { Period } from "../core/period.ts";
import type { ExtraField, Value } from "../core/sheet.ts";
import { squash } from "./columns.ts";
import { findYear } from "./header-years.ts";

const NOTE_HEADER = /備考|注記|^注$|特記/;
const EARLIER_VALUE =
  /((?:令和|平成|[RH])(?:元|\d{1,2})年?度?|(?:19|20)\d{2}年度?)(?:の|時点の)(?:値|数値|数字|実績値?)/;

export function notedActualYear(
  extras: readonly ExtraField[],
  actual: Value,
): { header: string; text: string; period: Period } | null {
  if (actual.kind !== "number") return null;
  for (const e of extras) {
    if (!NOTE_HEADER.test(squash(e.header))) continue;
    const m = EARLIER_VALUE.exec(squash(e.text));
    if (!m) continue;
    // A bare 「H24」 (no 年) is an era year too: give it one for findYear.
    const y = findYear(/年/.test(m[1]!) ? m[1]! : `${m[1]}年度`);
    if (y && y.year < actual.period.year) return { header: e.header, text: e.text, period: y };
  }
  return null;
}
