/**
 * Puts rows back into the 14 columns. A PDF extractor drops empty cells, so a row can arrive with
 * one cell too few (everything printed one column to the left, often with a trailing empty cell)
 * or with a spacer cell too many. The alignment is chosen by evidence: where the evaluation label
 * sits, which cells read as values, where the department is.
 */
import { COLUMN_COUNT } from "./columns.ts";
import { isKnownEvaluationLabel } from "./parse-evaluation-label.ts";
import { endsSentence, isBlank, splitLines } from "./text-lines.ts";

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

// 省: a ministry, as 庁 an agency (a national sheet's 主担当省庁, 「経済産業省」).
const DEPT_SUFFIX =
  /(課|室|係|部|局|所|センター|館|署|班|庁|省|園|院|会|担当|グループ|チーム|本部|事務所|支所|公社|事業団)$/;

export const looksLikeDepartment = (text: string): boolean => {
  const lines = splitLines(text);
  return lines.length > 0 && lines.join("").length <= 40 && DEPT_SUFFIX.test(lines.at(-1) ?? "");
};

const DASH = /^[-‐－―ー−]$/;
const DIGIT = /\d/;
const MARU = /。/;
const ORDINAL = /^\s*([0-9０-９]+|[①-⑳㉑-㉟])/;
const NUMERIC_START = /^[\d０-９,.]/;

/** What the column fit needs to know about one cell text. */
interface CellTraits {
  empty: boolean;
  sentence: boolean;
  label: boolean;
  value: boolean;
  dash: boolean;
  ordinal: boolean;
  department: boolean;
  numericStart: boolean;
}

function traitsOf(text: string): CellTraits {
  const lines = splitLines(text);
  const flat = lines.join("");
  const dash = DASH.test(flat);
  const f = flat.normalize("NFKC");
  return {
    empty: flat === "",
    sentence: lines.some((l) => endsSentence(l) || MARU.test(l)),
    label: isKnownEvaluationLabel(flat),
    value: dash || (DIGIT.test(f) && f.length <= 40 && !MARU.test(f)),
    dash,
    ordinal: ORDINAL.test(flat),
    department: looksLikeDepartment(text),
    numericStart: NUMERIC_START.test(flat),
  };
}

/**
 * alignCells scores every candidate alignment, each placing the row's cells in other columns, so
 * each cell text is judged many times per row: its traits (lines joined, NFKC, label parse, …) are
 * computed once per distinct text (bounded cache, emptied when full).
 */
const traitsCache = new Map<string, CellTraits>();
const TRAITS_CACHE_LIMIT = 20_000;
function cellTraits(text: string): CellTraits {
  let t = traitsCache.get(text);
  if (t === undefined) {
    t = traitsOf(text);
    if (traitsCache.size >= TRAITS_CACHE_LIMIT) traitsCache.clear();
    traitsCache.set(text, t);
  }
  return t;
}

/** Empties the cache of cell traits (importTable does, at the start of each import). */
export function clearTraitsCache(): void {
  traitsCache.clear();
}

const isEmptyCell = isBlank;

/** How well a cell with traits `t` fits column `col` (0..13); higher is better. */
function columnFit(col: number, t: CellTraits): number {
  const empty = t.empty;
  switch (col) {
    case 0:
    case 1:
    case 2:
      if (empty) return 0.5;
      if (t.sentence || t.label) return -4;
      return t.ordinal ? 1.5 : 0;
    case 5:
      if (empty) return -2;
      if (t.label) return -4;
      return t.numericStart ? -2 : 1;
    case 6:
    case 7:
    case 8:
      if (empty) return -1;
      if (t.sentence) return -3;
      if (t.label) return -4;
      return t.value ? 2 : 0;
    case 9:
      if (t.label) return 6;
      return empty ? -2 : t.sentence || t.value ? -3 : 0;
    case 13:
      if (empty) return -1;
      if (t.department) return 3;
      return t.sentence || t.value ? -3 : 0;
    default:
      if (empty) return 0;
      if (t.label) return -4;
      if (col === 3 && t.value && !t.dash) return -1;
      if (col >= 10 && t.department && !t.sentence) return -1;
      return 0.5;
  }
}

/**
 * One way of placing a row's cells in the 14 columns: the first `h` cells are hierarchy cells
 * (the other 3 - h hierarchy columns empty), then the rest in order, without the source cell
 * `skip` (a spacer, -1: none) and with an empty cell inserted at column `gap` (-1: none).
 */
interface Candidate {
  base: readonly string[];
  h: number;
  gap: number;
  skip: number;
  inserted: number[];
  removed: number[];
  score: number;
}

/** Aligns one row's cells to the 14 columns. Returns null when no alignment keeps every non-empty cell. */
export function alignCells(source: readonly string[]): Omit<AlignedRow, "row" | "page"> | null {
  const cells = [...source];
  const removedTrailing: number[] = [];
  while (cells.length > COLUMN_COUNT && isEmptyCell(cells.at(-1) ?? "")) {
    removedTrailing.push(cells.length - 1);
    cells.pop();
  }
  // A trailing empty cell on a short row is the extractor's: drop it before aligning.
  const trimmed = [...cells];
  const trailing: number[] = [];
  while (trimmed.length > 0 && isEmptyCell(trimmed.at(-1) ?? "")) {
    trailing.push(trimmed.length - 1);
    trimmed.pop();
  }
  // Candidates are scored from each cell's traits without building their 14 cells; only the best
  // one is laid out (a row has a dozen or more candidates).
  let best = consider(cells, removedTrailing, null);
  if (trailing.length > 0) best = consider(trimmed, [...removedTrailing, ...trailing], best);
  if (!best) return null;
  return { cells: layOut(best), hierarchyPrinted: best.h, inserted: best.inserted, removed: best.removed };
}

/** `c` when it scores higher than `b` (the first of equals stays). */
const better = (c: Candidate, b: Candidate | null): Candidate => (!b || c.score > b.score + 1e-9 ? c : b);

/**
 * The candidates for `base` in order (hierarchy cells printed 3, 2, 1), each kept over `best`
 * only when it scores higher. (Module-level rather than closures inside alignCells: under tsx every
 * named closure created per row costs a defineProperty.)
 */
function consider(base: readonly string[], removedExtra: number[], best: Candidate | null): Candidate | null {
  const n = base.length;
  const traits = base.map(cellTraits);
  for (let h = 3; h >= 1; h--) {
    const rest = n - h;
    if (rest === COLUMN_COUNT - 3) {
      best = better(make(base, traits, h, -1, -1, range(h, 3), removedExtra), best);
    } else if (rest === COLUMN_COUNT - 4) {
      for (let j = 3; j < COLUMN_COUNT; j++)
        best = better(make(base, traits, h, j, -1, [...range(h, 3), j], removedExtra), best);
    } else if (rest === COLUMN_COUNT - 2) {
      // One spacer too many: drop one empty cell.
      for (let i = h; i < n; i++)
        if (traits[i]!.empty)
          best = better(make(base, traits, h, -1, i, range(h, 3), [...removedExtra, i]), best);
    }
  }
  return best;
}

const EMPTY_TRAITS = traitsOf("");

function make(
  base: readonly string[],
  traits: readonly CellTraits[],
  h: number,
  gap: number,
  skip: number,
  inserted: number[],
  removed: number[],
): Candidate {
  let score = 0;
  let src = 0;
  for (let col = 0; col < COLUMN_COUNT; col++) {
    let t: CellTraits;
    if ((col >= h && col < 3) || col === gap) t = EMPTY_TRAITS;
    else {
      if (src === skip) src++;
      t = traits[src++]!;
    }
    score += columnFit(col, t);
  }
  // Prefer the printed layout: each inserted or removed cell costs a little.
  score -= 0.25 * (inserted.length + removed.length) + (3 - h) * 0.1;
  return { base, h, gap, skip, inserted, removed, score };
}

/** The 14 cells of a candidate. */
function layOut(c: Candidate): string[] {
  const cells: string[] = [];
  let src = 0;
  for (let col = 0; col < COLUMN_COUNT; col++) {
    if ((col >= c.h && col < 3) || col === c.gap) cells.push("");
    else {
      if (src === c.skip) src++;
      cells.push(c.base[src++]!);
    }
  }
  return cells;
}

const range = (a: number, b: number) => Array.from({ length: Math.max(0, b - a) }, (_, i) => a + i);
