/**
 * 「自主防災組織の活動カバー率 / 各市町村において、全世帯数のうち、…世帯数」 (千葉県's 社会目標): an indicator's
 * name with, on the lines under it in the same cell, the sentence that defines it. The definition is no
 * part of the name; it is kept beside the KPI (an extra), never dropped. The definition may also be a
 * bracketed note on the lines under the name (岸和田市: 「…市民の満足度 / (市民意識調査の満足度調査の数値を指標として
 * 活用。満足度とは、…差し引いた数値。)」): sentences in brackets, never a name's own qualifier (「(延べ)」).
 */
import { charCount, splitLines } from "./text-lines.ts";

/** Words of a defining clause: what is counted, where, by whom (「…において」「…による」「…した者の数」). */
const CLAUSE = /[、,，]|において|による|により|のうち|した|された|している|を訪れた|ごとの/;
/** A definition ends on what it counts (「…の数」「…の割合」「…の延べ人数」). */
const MEASURE_END = /(数|率|割合|人数|件数|額|量|値|指数)$/;

export function splitDefinition(text: string): { name: string; definition: string | null } {
  const lines = splitLines(text).map((l) => l.trim());
  const widest = Math.max(...lines.map(charCount));
  for (let i = 1; i < lines.length; i++) {
    const name = lines.slice(0, i).join("");
    // The name ends where a line ends short of the cell's widest (a wrapped line fills it), or on
    // what it measures (「…カバー率」 as wide as the widest line), or on a closing bracket
    // (「(5) 観光入込客数(延べ)」 as wide as the widest: a wrap seldom falls just after one).
    if (charCount(lines[i - 1]!) >= widest && !MEASURE_END.test(name) && !/[)）」]$/.test(name)) continue;
    const rest = lines.slice(i).join("");
    if (charCount(name) >= 4 && isBracketedNote(rest)) return { name, definition: rest };
    if (charCount(name) < 4 || /[のをにとや、,，「(（]$/.test(name) || /^[のをにがはでとや)）」]/.test(rest))
      continue;
    if (
      charCount(rest) > charCount(name) &&
      CLAUSE.test(rest) &&
      MEASURE_END.test(rest) &&
      !CLAUSE.test(name)
    )
      return { name, definition: rest };
  }
  return { name: text, definition: null };
}

/**
 * Lines wholly inside one pair of brackets that hold a sentence (a 「。」 inside): a note on the name above.
 * A short qualifier (「(延べ)」「(累計)」) has no sentence and stays in the name.
 */
function isBracketedNote(rest: string): boolean {
  if (!/^[(（]/.test(rest) || !/[)）]$/.test(rest)) return false;
  let depth = 0;
  for (const [i, ch] of [...rest].entries()) {
    if (ch === "(" || ch === "（") depth++;
    else if (ch === ")" || ch === "）") depth--;
    // The opening bracket closes before the end: two brackets side by side, not one note.
    if (depth === 0 && i < [...rest].length - 1) return false;
  }
  return depth === 0 && /。/.test(rest);
}
