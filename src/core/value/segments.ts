/** Segmented cells: `小学校93.5%<br>中学校85.0%`, `男性78.46歳 女性80.66歳`. */

import { type Period, readPeriod } from "../period.ts";
import type { Segment } from "../sheet.ts";
import { PREFIX_QUALIFIERS } from "./qualifiers.ts";
import { readCell } from "./read-cell.ts";
import { concatSpans, type Span, sliceSpan, trimSpan } from "./span.ts";
import type { ParseValueResult } from "./value-problem.ts";

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
export function segmentLines(raw: string, lines: Span[], column: Period): ParseValueResult | null {
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
export function segmentInline(raw: string, line: Span, column: Period): ParseValueResult | null {
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
