/**
 * Reading one value cell (target / actual / final target) of an evaluation sheet into a sheet/1
 * `Value`: a number folded to its base unit, labelled segments, qualitative text, or missing.
 * Pure; never throws. See README.md for the rules.
 */

import type { Period } from "../period.ts";
import { fold, splitLines } from "./normalize.ts";
import { readCell } from "./read-cell.ts";
import { segmentInline, segmentLines } from "./segments.ts";
import { concatSpans, trimSpan } from "./span.ts";
import { oneLine, type ParseValueResult } from "./value-problem.ts";

export { NOTE_QUALIFIERS, PREFIX_QUALIFIERS, SUFFIX_QUALIFIERS } from "./qualifiers.ts";
export type { ParseValueResult, ValueProblem } from "./value-problem.ts";

/** Longer value cells are kept as text without being read (see parseValue). */
export const MAX_VALUE_CELL_LENGTH = 10_000;

/** Cells that mean "no value": dashes of every width, blank, `<br>` only. */
const MISSING = /^[-‐‑‒–—―ー─━~〜]{1,3}$/;

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
