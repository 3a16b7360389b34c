/**
 * A row of the KPI columns' names with no indicator's name among them (a blank cell over the KPIs' names, merged with
 * the level's name above it or never printed; a word of the city's own, 「成果の物差し」): the indicator is then the one
 * column left of the figures whose header no rule knows and whose cells name a different thing on nearly every row —
 * a level repeats or is printed once over its group, a department or a figure is no name. Two such columns, or none,
 * and the row is no header (refused as before: no header of KPI columns found).
 */
import { headerStrength, isNamedExtra, recogniseHeader } from "./column-fields.ts";
import { squash } from "./columns.ts";
import type { Field } from "./field.ts";
import { isSeparatorRow } from "./read-markdown-table.ts";
import { contentKind } from "./role-content.ts";
import type { SourceRow } from "./types.ts";

const FIGURES = new Set<Field>(["baseline", "actual", "target", "finalTarget", "year", "rate"]);
const NAME_KINDS = new Set(["text", "word", "mixed"]);

/** The column read as the indicator under the header row `at`, or null. */
export function impliedIndicator(rows: readonly SourceRow[], at: number): number | null {
  const cells = rows[at]!.cells;
  const fields = cells.map((c) => recogniseHeader(c).field);
  const years = fields.filter((f) => f === "year").length;
  // The figures' columns must be there to say what the rows are: an actual (or years), and a target or baseline.
  if (!fields.includes("actual") && years < 2) return null;
  if (!fields.some((f) => f === "target" || f === "finalTarget" || f === "baseline")) return null;
  const firstFigure = fields.findIndex((f) => FIGURES.has(f));
  const data: SourceRow[] = [];
  for (let j = at + 1; j < rows.length && data.length < 60; j++) {
    const r = rows[j]!;
    if (isSeparatorRow(r.cells)) continue;
    if (headerStrength(r.cells).known >= 3) break;
    const figured = fields.some(
      (f, k) => FIGURES.has(f) && ["value", "percent"].includes(contentKind(r.cells[k] ?? "")),
    );
    if (figured) data.push(r);
  }
  if (data.length < 2) return null;
  const names: number[] = [];
  for (let col = 0; col < firstFigure; col++) {
    if (fields[col] !== "extra" || isNamedExtra(cells[col] ?? "")) continue;
    const texts = data.map((r) => squash(r.cells[col] ?? "")).filter((t) => t !== "");
    if (texts.length < data.length * 0.8 || new Set(texts).size < texts.length * 0.8) continue;
    // (A unit's column — 「社」, 「千人」 — holds short words too: a KPI's name is mostly longer.)
    const named = texts.filter((t) => t.length >= 5).length * 2 >= texts.length;
    if (named && texts.every((t) => NAME_KINDS.has(contentKind(t)))) names.push(col);
  }
  return names.length === 1 ? names[0]! : null;
}
