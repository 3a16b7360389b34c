/**
 * Puts rows back into the 14 columns. A PDF extractor drops empty cells, so a row can arrive with
 * one cell too few (everything printed one column to the left, often with a trailing empty cell)
 * or with a spacer cell too many. The alignment is chosen by evidence: where the evaluation label
 * sits, which cells read as values, where the department is.
 */
import { COLUMN_COUNT } from "./columns.ts";
import { parseEvaluationLabel } from "./parse-evaluation-label.ts";
import { endsSentence, splitLines } from "./text-lines.ts";

export interface AlignedRow {
  row: number;
  page: number;
  /** The 14 cells; the hierarchy cells (0..2) as printed, left-aligned: repair-hierarchy places them. */
  cells: string[];
  /** How many hierarchy cells the row printed in its first columns (3 when not shifted). */
  hierarchyPrinted: number;
  /** Indices (0..13) of the cells inserted as empty, for the report. */
  inserted: number[];
  /** Source cell indices dropped as empty spacers. */
  removed: number[];
}

const DEPT_SUFFIX =
  /(課|室|係|部|局|所|センター|館|署|班|庁|園|院|会|担当|グループ|チーム|本部|事務所|支所|公社|事業団)$/;

export const looksLikeDepartment = (text: string): boolean => {
  const lines = splitLines(text);
  return lines.length > 0 && lines.join("").length <= 40 && DEPT_SUFFIX.test(lines.at(-1) ?? "");
};

const flat = (t: string) => splitLines(t).join("");
const hasSentence = (t: string) => splitLines(t).some((l) => endsSentence(l) || /。/.test(l));
const isDash = (t: string) => /^[-‐－―ー−]$/.test(flat(t));
const looksLikeValue = (t: string) => {
  const f = flat(t).normalize("NFKC");
  return isDash(t) || (/\d/.test(f) && f.length <= 40 && !/。/.test(f));
};
const looksLikeOrdinal = (t: string) => /^\s*([0-9０-９]+|[①-⑳㉑-㉟])/.test(flat(t));

/** How well `text` fits column `col` (0..13); higher is better. */
function columnFit(col: number, text: string): number {
  const empty = flat(text) === "";
  switch (col) {
    case 0:
    case 1:
    case 2:
      if (empty) return 0.5;
      if (hasSentence(text) || parseEvaluationLabel(flat(text)).known) return -4;
      return looksLikeOrdinal(text) ? 1.5 : 0;
    case 5:
      if (empty) return -2;
      if (parseEvaluationLabel(flat(text)).known) return -4;
      return /^[\d０-９,.]/.test(flat(text)) ? -2 : 1;
    case 6:
    case 7:
    case 8:
      if (empty) return -1;
      if (hasSentence(text)) return -3;
      if (parseEvaluationLabel(flat(text)).known) return -4;
      return looksLikeValue(text) ? 2 : 0;
    case 9:
      if (parseEvaluationLabel(flat(text)).known) return 6;
      return empty ? -2 : hasSentence(text) || looksLikeValue(text) ? -3 : 0;
    case 13:
      if (empty) return -1;
      if (looksLikeDepartment(text)) return 3;
      return hasSentence(text) || looksLikeValue(text) ? -3 : 0;
    default:
      if (empty) return 0;
      if (parseEvaluationLabel(flat(text)).known) return -4;
      if (col === 3 && looksLikeValue(text) && !isDash(text)) return -1;
      if (col >= 10 && looksLikeDepartment(text) && !hasSentence(text)) return -1;
      return 0.5;
  }
}

interface Candidate {
  cells: string[];
  hierarchyPrinted: number;
  inserted: number[];
  removed: number[];
  score: number;
}

/** Aligns one row's cells to the 14 columns. Returns null when no alignment keeps every non-empty cell. */
export function alignCells(source: readonly string[]): Omit<AlignedRow, "row" | "page"> | null {
  const cells = [...source];
  const removedTrailing: number[] = [];
  while (cells.length > COLUMN_COUNT && flat(cells.at(-1) ?? "") === "") {
    removedTrailing.push(cells.length - 1);
    cells.pop();
  }
  // A trailing empty cell on a short row is the extractor's: drop it before aligning.
  const trimmed = [...cells];
  const trailing: number[] = [];
  while (trimmed.length > 0 && flat(trimmed.at(-1) ?? "") === "") {
    trailing.push(trimmed.length - 1);
    trimmed.pop();
  }
  const candidates: Candidate[] = [];
  const consider = (base: string[], baseIdx: number[], removedExtra: number[]) => {
    const n = base.length;
    for (let h = 3; h >= 1; h--) {
      const rest = n - h;
      const hier = base.slice(0, h);
      if (rest === COLUMN_COUNT - 3) {
        const full = [...hier, ...Array(3 - h).fill(""), ...base.slice(h)];
        candidates.push(make(full, h, range(h, 3), removedExtra));
      } else if (rest === COLUMN_COUNT - 4) {
        for (let j = 3; j < COLUMN_COUNT; j++) {
          const after = base.slice(h);
          const full = [
            ...hier,
            ...Array(3 - h).fill(""),
            ...after.slice(0, j - 3),
            "",
            ...after.slice(j - 3),
          ];
          candidates.push(make(full, h, [...range(h, 3), j], removedExtra));
        }
      } else if (rest === COLUMN_COUNT - 2) {
        // One spacer too many: drop one empty cell.
        base.forEach((c, i) => {
          if (i >= h && flat(c) === "") {
            const full = [...hier, ...Array(3 - h).fill(""), ...base.slice(h).filter((_, k) => k + h !== i)];
            if (full.length === COLUMN_COUNT)
              candidates.push(make(full, h, range(h, 3), [...removedExtra, baseIdx[i]!]));
          }
        });
      }
    }
  };
  const idx = (a: string[]) => a.map((_, i) => i);
  consider(cells, idx(cells), removedTrailing);
  if (trailing.length > 0) consider(trimmed, idx(trimmed), [...removedTrailing, ...trailing]);
  let best: Candidate | null = null;
  for (const c of candidates) if (!best || c.score > best.score + 1e-9) best = c;
  if (!best) return null;
  return {
    cells: best.cells,
    hierarchyPrinted: best.hierarchyPrinted,
    inserted: best.inserted,
    removed: best.removed,
  };
}

function make(cells: string[], h: number, inserted: number[], removed: number[]): Candidate {
  let score = 0;
  cells.forEach((t, c) => {
    score += columnFit(c, t);
  });
  // Prefer the printed layout: each inserted or removed cell costs a little.
  score -= 0.25 * (inserted.length + removed.length) + (3 - h) * 0.1;
  return { cells, hierarchyPrinted: h, inserted, removed, score };
}

const range = (a: number, b: number) => Array.from({ length: Math.max(0, b - a) }, (_, i) => a + i);
