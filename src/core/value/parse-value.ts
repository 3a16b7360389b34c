/**
 * Reading one value cell (target / actual / final target) of an evaluation sheet into a sheet/1
 * `Value`: a number folded to its base unit, labelled segments, qualitative text, or missing.
 * Pure; never throws. See README.md for the rules.
 */
import { type Period, readPeriod } from "../period.ts";
import type { Segment, Value } from "../sheet.ts";
import { fold, splitLines } from "./normalize.ts";
import { readNumber, toNumber } from "./number.ts";
import { isUnit, MAX_UNIT_LENGTH, strayDigitIndex } from "./unit.ts";

/** Why a cell could not be read. `at` is a 0-based offset into the text as given, where known. */
export interface ValueProblem {
  code: string;
  /** One line, Japanese. */
  message: string;
  /** One line, English. */
  messageEn: string;
  at: number | null;
}

export type ParseValueResult = { ok: true; value: Value } | { ok: false; problem: ValueProblem };

/** Qualifiers printed before the number. */
export const PREFIX_QUALIFIERS = ["約", "延べ", "のべ", "延", "累計"] as const;
/** Qualifiers printed after the number (or its unit). */
export const SUFFIX_QUALIFIERS = ["以上", "以下", "超", "未満", "程度"] as const;
/** Notes in parentheses kept as qualifiers: `120件(累計)`, `300人(見込み)`. */
export const NOTE_QUALIFIERS = [
  "累計",
  "延べ",
  "見込み",
  "見込",
  "暫定",
  "暫定値",
  "速報",
  "速報値",
  "推計",
  "推計値",
  "概数",
] as const;

/** Longer value cells are kept as text without being read (see parseValue). */
export const MAX_VALUE_CELL_LENGTH = 10_000;

/** Cells that mean "no value": dashes of every width, blank, `<br>` only. */
const MISSING = /^[-‐‑‒–—―ー─━~〜]{1,3}$/;

// --- spans: folded text with the original offset of every character -----------------------------

interface Span {
  text: string;
  /** pos[i] = offset in the original text of text[i]; pos[text.length] = end. */
  pos: number[];
}

const sliceSpan = (s: Span, a: number, b: number = s.text.length): Span => ({
  text: s.text.slice(a, b),
  pos: s.pos.slice(a, b + 1),
});

function trimSpan(s: Span): Span {
  const lead = s.text.length - s.text.trimStart().length;
  const end = s.text.trimEnd().length;
  return end <= lead ? sliceSpan(s, lead, lead) : sliceSpan(s, lead, end);
}

function concatSpans(parts: Span[]): Span {
  let text = "";
  const pos: number[] = [];
  for (const p of parts) {
    text += p.text;
    // A loop, not push(...): spreading a long cell's offsets overflows the call stack.
    for (let i = 0; i < p.text.length; i++) pos.push(p.pos[i]!);
  }
  pos.push(parts.at(-1)?.pos.at(-1) ?? 0);
  return { text, pos };
}

// --- problems -------------------------------------------------------------------------------------

function problem(
  original: string,
  code: string,
  at: number,
  end: number,
  ja: string,
  en: string,
): { ok: false; problem: ValueProblem } {
  const quote = original.slice(at, Math.max(end, at + 1));
  const where = `${at + 1}文字目「${quote}」`;
  return {
    ok: false,
    problem: {
      code,
      message: oneLine(`「${original}」の${where}: ${ja}`),
      messageEn: oneLine(`in "${original}" at offset ${at} ("${quote}"): ${en}`),
      at,
    },
  };
}

const oneLine = (t: string): string => t.replace(/\r\n|\r|\n/g, "⏎");

// --- reading one line (wraps already joined) -------------------------------------------------------

type CellReading =
  | {
      kind: "number";
      value: number;
      unit: string | null;
      period: Period | null;
      qualifiers: string[];
    }
  | { kind: "text" }
  | { kind: "problem"; result: { ok: false; problem: ValueProblem } };

const TEXT: CellReading = { kind: "text" };

/** Index of the `(` matching the `)` at `close`, or -1. */
function matchingOpen(t: string, close: number): number {
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
const startsNumeric = (t: string): boolean =>
  /^(?:(?:約|延べ|のべ|延|累計)\s*)*(?:[▲△]\s*|[-+])?\d/.test(t.trimStart());

function readCell(original: string, span: Span): CellReading {
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

// --- segments: `小学校93.5%<br>中学校85.0%`, `男性78.46歳 女性80.66歳` ---------------------------------

interface Labelled {
  segment: Segment;
  period: Period | null;
}

const LABEL_LOOKS_LIKE_PERIOD = /明治|大正|昭和|平成|令和|年度|^[MTSHR]$/i;

function readLabelled(original: string, span: Span): Labelled | null {
  const s = trimSpan(span);
  const first = s.text.search(/[▲△]?[ \t\u3000]*\d|[-+]\d/);
  if (first <= 0) return null;
  const label = s.text
    .slice(0, first)
    .trim()
    .replace(/[:：]$/, "")
    .trim();
  if (label === "" || Array.from(label).length > 15) return null;
  if (!/\p{L}/u.test(label) || /[()、。,/万億兆]/.test(label) || LABEL_LOOKS_LIKE_PERIOD.test(label))
    return null;
  if ((PREFIX_QUALIFIERS as readonly string[]).includes(label)) return null;
  const cell = readCell(original, sliceSpan(s, first));
  if (cell.kind !== "number") return null;
  // 「男性79.83歳以上」: the qualifier stays with its segment (issue 14 point 8).
  const segment: Segment = { label, value: cell.value, unit: cell.unit };
  if (cell.qualifiers.length > 0) segment.qualifiers = [...cell.qualifiers];
  return { segment, period: cell.period };
}

function agreedPeriod(periods: (Period | null)[]): Period | null | "clash" {
  let p: Period | null = null;
  for (const q of periods) {
    if (!q) continue;
    if (p && (p.year !== q.year || p.basis !== q.basis)) return "clash";
    p = q;
  }
  return p;
}

function segmented(
  raw: string,
  items: Labelled[],
  extra: Period | null,
  column: Period,
): ParseValueResult | null {
  if (items.length < 2) return null;
  const p = agreedPeriod([...items.map((i) => i.period), extra]);
  if (p === "clash") return null;
  return {
    ok: true,
    value: { kind: "segmented", segments: items.map((i) => i.segment), period: p ?? { ...column }, raw },
  };
}

/**
 * Lines that are each a labelled value, allowing the extractor to have wrapped inside one
 * (`小学<br>校93.5%`): the lines are partitioned into consecutive groups, each a labelled value,
 * optionally followed by a line with only a period annotation. Prefers groups with units.
 */
function segmentLines(raw: string, lines: Span[], column: Period): ParseValueResult | null {
  const n = lines.length;
  if (n < 2 || n > 24) return null;
  type Best = { score: [number, number]; items: Labelled[] } | null;
  const best: Best[] = [{ score: [0, 0], items: [] }];
  for (let j = 1; j <= n; j++) {
    let b: Best = null;
    for (let i = 0; i < j; i++) {
      const prev = best[i];
      if (!prev) continue;
      const item = readLabelled(raw, concatSpans(lines.slice(i, j)));
      if (!item) continue;
      const score: [number, number] = [prev.score[0] + (item.segment.unit ? 1 : 0), prev.score[1] + 1];
      if (!b || score[0] > b.score[0] || (score[0] === b.score[0] && score[1] > b.score[1]))
        b = { score, items: [...prev.items, item] };
    }
    best.push(b);
  }
  const all = best[n];
  if (all) return segmented(raw, all.items, null, column);
  // A trailing annotation line (or lines): `…<br>(令和3<br>年度)`.
  for (let i = n - 1; i >= 2; i--) {
    const head = best[i];
    if (!head) continue;
    const tail = readPeriod(concatSpans(lines.slice(i)).text);
    if (tail.kind === "period" && /^\s*\(/.test(lines[i]!.text))
      return segmented(raw, head.items, tail.period, column);
  }
  return null;
}

/** One line with labelled values separated by spaces, 、, / or ・. */
function segmentInline(raw: string, line: Span, column: Period): ParseValueResult | null {
  for (const sep of [/[\s、]+/g, /\//g, /・/g, /,/g]) {
    const parts: Span[] = [];
    let last = 0;
    for (const m of line.text.matchAll(sep)) {
      parts.push(sliceSpan(line, last, m.index));
      last = m.index + m[0].length;
    }
    parts.push(sliceSpan(line, last));
    const nonEmpty = parts.filter((p) => p.text.trim() !== "");
    if (nonEmpty.length < 2) continue;
    const items = nonEmpty.map((p) => readLabelled(raw, p));
    if (items.every((i): i is Labelled => i !== null)) {
      const r = segmented(raw, items, null, column);
      if (r) return r;
    }
  }
  return null;
}

// --- the cell -----------------------------------------------------------------------------------------

const BREAK_RAW = /<br\s*\/?>|\r\n|\r|\n/gi;

/** The cell's text with the extractor's wraps removed (a break after 。 kept as a newline). */
export function unwrapText(raw: string): string {
  const parts = raw.split(BREAK_RAW).map((p) => p.trim());
  // Joined once at the end: `out.endsWith` on a growing string flattens it every time (quadratic).
  const out: string[] = [];
  for (const p of parts) {
    if (p === "") continue;
    out.push(out.length === 0 ? p : out.at(-1)!.endsWith("。") ? `\n${p}` : p);
  }
  return out.join("");
}

function read(raw: string, column: Period): ParseValueResult {
  const folded = fold(raw);
  const lineSpans = splitLines(folded.text).map((l) =>
    trimSpan({
      text: l.text,
      pos: folded.origin.slice(l.start, l.start + l.text.length + 1),
    }),
  );
  const lines = lineSpans.filter((l) => l.text !== "");
  const joined = concatSpans(lines.length ? lines : [{ text: "", pos: [raw.length] }]);
  const bare = joined.text.replace(/\s+/g, "");
  if (bare === "" || MISSING.test(bare)) return { ok: true, value: { kind: "missing", raw } };

  const seg =
    segmentLines(raw, lines, column) ?? (lines.length === 1 ? segmentInline(raw, joined, column) : null);
  if (seg) return seg;
  if (lines.length > 1) {
    const inline = segmentInline(raw, joined, column);
    if (inline) return inline;
  }

  const cell = readCell(raw, joined);
  switch (cell.kind) {
    case "problem":
      return cell.result;
    case "text":
      return { ok: true, value: { kind: "text", text: unwrapText(raw), raw } };
    case "number":
      return {
        ok: true,
        value: {
          kind: "number",
          value: cell.value,
          unit: cell.unit,
          period: cell.period ?? { ...column },
          ...(cell.qualifiers.length ? { qualifiers: cell.qualifiers } : {}),
          raw,
        },
      };
  }
}

/**
 * Reads one value cell (target / actual / final target) the way a careful person reads it.
 * `column` is the period of the column the cell sits in; a period written in the cell overrides it.
 * Never throws.
 */
export function parseValue(text: string, column: Period): ParseValueResult {
  // No figure is this long: keep such a cell as text (nothing lost) instead of reading it, whose
  // qualifier loops are quadratic in the length.
  if (text.length > MAX_VALUE_CELL_LENGTH)
    return { ok: true, value: { kind: "text", text: unwrapText(text), raw: text } };
  try {
    return read(text, column);
  } catch (e) {
    // Not expected (the property tests look for it); a cell must never break an import.
    return {
      ok: false,
      problem: {
        code: "internal_error",
        message: `値を読めませんでした（内部エラー: ${oneLine(String(e))}）`,
        messageEn: `could not read the value (internal error: ${oneLine(String(e))})`,
        at: null,
      },
    };
  }
}
