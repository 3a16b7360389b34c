/**
 * What an indicator's cell or a value's cell prints beside the name or the figure (倉吉市's 成果を測定するた
 * めの指標【単位】):
 * - 「農業生産法人数【組織】」: the unit in 【】 at the end of the name, when the column's header says the
 *   bracket holds it (「…指標【単位】」, 「指標名(単位)」) — the KPI's unit, no part of its name (a department in
 *   【】, 「【商工課】」, is never read so: the header must say 単位);
 * - 「3品<br>※単年実績」: a line of a value's cell starting with ※ is a note on the figure, not part of it.
 */
import { splitLines } from "./text-lines.ts";

const UNIT_HEADER = /[【[［(（]単位[】\]］)）]\s*$/;
const BRACKET_UNIT = /^(.+?)\s*【([^【】\d]{1,6})】$/;

/** The name without its bracketed unit, and the unit; null when the header does not say the bracket holds it. */
export function bracketUnit(name: string, header: string): { name: string; unit: string } | null {
  if (!UNIT_HEADER.test(splitLines(header).join(""))) return null;
  const m = BRACKET_UNIT.exec(splitLines(name).join("").trim());
  if (!m || /課|室|局|部$|係|センター/.test(m[2]!)) return null;
  return { name: m[1]!.trim(), unit: m[2]!.trim() };
}

/** The value's cell without the note lines (「※単年実績」) under the figure; the notes apart. */
export function withoutNoteLines(cell: string): { text: string; notes: string[] } {
  const lines = cell.split(/\n|<br\s*\/?>/i);
  // (a PDF's text joins the lines: 「3品※単年実績」 — a note in words after the figure, not a mark 「※1」)
  const glued = /^(\s*[▲△-]?[\d,.]+[^\d※\s]{0,4})\s*(※\s*[^\d\s※].*)$/.exec(cell);
  if (lines.length < 2 && glued) return { text: glued[1]!.trim(), notes: [glued[2]!.trim()] };
  if (lines.length < 2) return { text: cell, notes: [] };
  const notes = lines.slice(1).filter((l) => /^\s*※/.test(l));
  if (notes.length === 0) return { text: cell, notes: [] };
  return { text: lines.filter((l) => !notes.includes(l)).join("\n"), notes: notes.map((n) => n.trim()) };
}
