/** Reading one line of a value cell (wraps already joined): a number with unit, period and qualifiers, or text. */

import { type Period, readPeriod } from "../period.ts";
import { readNumber, toNumber } from "./number.ts";
import { NOTE_QUALIFIERS, PREFIX_QUALIFIERS, SUFFIX_QUALIFIERS } from "./qualifiers.ts";
import { type Span, sliceSpan, trimSpan } from "./span.ts";
import { isUnit, MAX_UNIT_LENGTH, strayDigitIndex } from "./unit.ts";
import { problem, type ValueProblem } from "./value-problem.ts";

export type CellReading =
  | {
      kind: "number";
      value: number;
      unit: string | null;
      period: Period | null;
      qualifiers: string[];
    }
  | { kind: "text" }
  | { kind: "problem"; result: { ok: false; problem: ValueProblem } };

export const TEXT: CellReading = { kind: "text" };

/** Index of the `(` matching the `)` at `close`, or -1. */
export function matchingOpen(t: string, close: number): number {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    if (t[i] === ")") depth++;
    else if (t[i] === "(") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Does the text (after prefix qualifiers and a sign) start with a number? */
export const startsNumeric = (t: string): boolean =>
  /^(?:(?:約|延べ|のべ|延|累計)\s*)*(?:[▲△]\s*|[-+])?\d/.test(t.trimStart());

export function readCell(original: string, span: Span): CellReading {
  let s = trimSpan(span);
  let period: Period | null = null;
  const suffix: string[] = [];
  const bad = (at: number, end: number, code: string, ja: string, en: string): CellReading => ({
    kind: "problem",
    result: problem(original, code, s.pos[at]!, s.pos[end]!, ja, en),
  });
  const setPeriod = (p: Period, at: number, end: number): CellReading | null => {
    if (period && (period.year !== p.year || period.basis !== p.basis))
      return bad(at, end, "bad_period", "年・年度が2つ書かれています", "two different periods are written");
    period = p;
    return null;
  };

  // Trailing period annotations, notes and qualifiers, from the right.
  for (;;) {
    s = trimSpan(s);
    const t = s.text;
    if (t.endsWith(")")) {
      const close = t.length - 1;
      const open = matchingOpen(t, close);
      if (open < 0) {
        if (!startsNumeric(t)) return TEXT;
        return bad(
          close,
          close + 1,
          "bad_period",
          "閉じ括弧に対応する開き括弧がありません",
          "a closing parenthesis without an opening one",
        );
      }
      const inner = t.slice(open + 1, close);
      if (inner.includes("(")) {
        if (!startsNumeric(t)) return TEXT;
        return bad(open, close + 1, "bad_period", "括弧が入れ子になっています", "nested parentheses");
      }
      const reading = readPeriod(inner);
      if (reading.kind === "bad") {
        if (!startsNumeric(t)) return TEXT;
        return bad(open, close + 1, "bad_period", reading.reason, reading.reasonEn);
      }
      if (reading.kind === "period") {
        const clash = setPeriod(reading.period, open, close + 1);
        if (clash) return clash;
      } else if ((NOTE_QUALIFIERS as readonly string[]).includes(inner.trim())) {
        suffix.unshift(inner.trim());
      } else {
        return TEXT;
      }
      s = sliceSpan(s, 0, open);
      continue;
    }
    const q = SUFFIX_QUALIFIERS.find((w) => t.endsWith(w));
    if (q && startsNumeric(t)) {
      suffix.unshift(q);
      s = sliceSpan(s, 0, t.length - q.length);
      continue;
    }
    break;
  }

  // A leading period annotation: `(令和3年度)43.2%`.
  if (s.text.startsWith("(")) {
    const close = s.text.indexOf(")");
    if (close < 0) return TEXT;
    const reading = readPeriod(s.text.slice(1, close));
    if (reading.kind !== "period") return TEXT;
    const clash = setPeriod(reading.period, 0, close + 1);
    if (clash) return clash;
    s = trimSpan(sliceSpan(s, close + 1));
  }

  // Prefix qualifiers, then the sign.
  const prefix: string[] = [];
  for (;;) {
    const q = PREFIX_QUALIFIERS.find((w) => s.text.startsWith(w));
    if (!q) break;
    prefix.push(q);
    s = trimSpan(sliceSpan(s, q.length));
  }
  let negative = false;
  const sign = /^(?:[▲△][ \t\u3000]*|-(?=\d)|\+(?=\d))/.exec(s.text);
  if (sign) {
    negative = sign[0] !== "+";
    s = sliceSpan(s, sign[0].length);
  }
  if (/^\.\d/.test(s.text))
    return bad(0, 1, "bad_number", "小数点の前に数字がありません", "no digit before the decimal point");
  if (!/^\d/.test(s.text)) return TEXT;

  const num = readNumber(s.text, 0);
  if (!num.ok) {
    const p = num.problem;
    return bad(p.at, p.end, p.code, p.ja, p.en);
  }
  const restStart = num.end + (s.text.slice(num.end).length - s.text.slice(num.end).trimStart().length);
  const paren = s.text.slice(restStart).search(/[()]/);
  if (paren >= 0)
    return bad(
      restStart + paren,
      restStart + paren + 1,
      "bad_period",
      "括弧の位置または対応が正しくありません",
      "misplaced or unbalanced parenthesis",
    );
  let rest = s.text.slice(restStart).trimEnd();
  // A period written after the unit without parentheses: `43.2%令和3年度`, `10件 R3年度末`.
  for (let k = 0; k <= Math.min(rest.length, MAX_UNIT_LENGTH + 2) && /\d/.test(rest); k++) {
    const unitPart = rest.slice(0, k).trim();
    if (unitPart !== "" && !isUnit(unitPart)) break;
    const reading = readPeriod(rest.slice(k), "fiscal");
    // Without parentheses: a period with 年/年度 (`43.2%令和3年度`), or an era initial after a unit (`10件R3`).
    const after = rest.slice(k);
    const full = after.includes("年") || (unitPart !== "" && /^\s*[MTSHR]\d{1,2}$/.test(after));
    if (reading.kind !== "period" || !/^\s*\D/.test(after) || !full) continue;
    const clash = setPeriod(reading.period, restStart + k, restStart + rest.length);
    if (clash) return clash;
    rest = unitPart;
    break;
  }
  const stray = strayDigitIndex(rest);
  if (stray >= 0) {
    const before = rest.slice(0, stray).trim();
    if (before === "" || isUnit(before.replace(/\s*\/\s*/g, "/"))) {
      const at = restStart + stray;
      const digitsEnd = at + (/^[\d.,]+/.exec(rest.slice(stray))?.[0].length ?? 1);
      return bad(
        at,
        digitsEnd,
        "bad_number",
        "単位の後に数字があります（年・年度の注記でもありません）",
        "digits after the unit (and not a period annotation)",
      );
    }
    return TEXT;
  }
  const unit = rest === "" ? null : rest.replace(/\s*\/\s*/g, "/");
  if (unit !== null && !isUnit(unit)) return TEXT;
  let value = toNumber(num.value);
  if (!Number.isFinite(value))
    return bad(0, num.end, "bad_number", "数値が大きすぎます", "the number is too large");
  if (negative) value = -value;
  if (value === 0) value = 0; // no -0
  return { kind: "number", value, unit, period, qualifiers: [...prefix, ...suffix] };
}
