/**
 * A value's place holding words that say the figure is not out yet, instead of a figure: no value of that
 * year (missing, the words kept as printed), reported — never a text actual that reads as if something had
 * been measured.
 */
import type { Value } from "../core/sheet.ts";
import { squash } from "./columns.ts";

/** 「未発表」 (大垣市: 実績値の未発表), 「未公表」, 「公表前」, 「集計中」: not published or counted yet. */
const NOT_OUT = /^[(（]?(未発表|未公表|公表前|未集計|集計中|調査中|未確定)[)）]?$/;

/** The missing value such words stand for; null when `text` is something else. */
export function figureNotOut(text: string, issue: (message: string) => void): Value | null {
  if (NOT_OUT.test(squash(text))) {
    issue(`「${text}」は数値がまだ出ていないことを示すため、値はないものとして読んだ`);
    return { kind: "missing", raw: text };
  }
  // 「※調査時点変更により未公表」 under a year: a note that the figure is not out — no value of that year.
  if (/^※/.test(text) && !/[0-9０-９]/.test(text)) {
    issue(`注記「${text}」は数値ではないため、この年度の値はないものとして読んだ`);
    return { kind: "missing", raw: text };
  }
  return null;
}
