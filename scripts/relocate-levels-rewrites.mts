// The rewrites of scripts/relocate-levels.mts: a layout's level column printed as heading lines (or heading rows), and
// heading lines printed as a level column. The golden names each level's number and title, so the rewrite finds the
// level's cells and lines by the golden, never by a layout's words.
type Ordinal = [number, string];
type Level = "goal" | "subgoal" | "measure";
const LEVELS: Level[] = ["goal", "subgoal", "measure"];
/** A heading line as an office prints it: the level's word, its number, its title. */
export type HeadingForm = (word: string, n: number, title: string) => string;

const SHIFT = "<!--shift-->";
const cellsOf = (line: string): { cells: string[]; mark: string } => ({
  cells: line
    .replace(SHIFT, "")
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split("|")
    .map((c) => c.trim()),
  mark: line.endsWith(SHIFT) ? SHIFT : "",
});
const lineOf = (cells: string[], mark = "") => `| ${cells.join(" | ")} |${mark}`;
const isSep = (l: string) => /^\|\s*:?-{2,}/.test(l);

/** Every level ordinal the golden names, by level (KPIs and numeric goals). */
function ordinals(golden: Record<string, unknown>): Map<Level, Ordinal[]> {
  const out = new Map<Level, Ordinal[]>(LEVELS.map((l) => [l, []]));
  const items = [
    ...((golden.kpis as Record<string, unknown>[]) ?? []),
    ...((golden.numericGoals as Record<string, unknown>[]) ?? []),
  ];
  for (const k of items)
    for (const l of LEVELS) {
      const o = k[l] as Ordinal | undefined;
      if (!o || o[1].length < 2) continue;
      const list = out.get(l)!;
      if (!list.some((x) => x[0] === o[0] && x[1] === o[1])) list.push(o);
    }
  return out;
}

/** The ordinal of the level whose title the text carries (the longest title), with a few characters of numbering at most. */
function ordinalIn(text: string, list: Ordinal[], slack: number): Ordinal | null {
  const t = text.replace(/<br>/g, "");
  const hits = list.filter((o) => t.includes(o[1]) && t.length <= o[1].length + slack);
  return hits.sort((a, b) => b[1].length - a[1].length)[0] ?? null;
}

/** Blocks of a Markdown sheet: a table (consecutive 「|」 lines) or one other line. */
function blocks(lines: string[]): ({ table: string[] } | { line: string })[] {
  const out: ({ table: string[] } | { line: string })[] = [];
  for (const l of lines) {
    const last = out[out.length - 1];
    if (l.startsWith("|") && last && "table" in last) last.table.push(l);
    else out.push(l.startsWith("|") ? { table: [l] } : { line: l });
  }
  return out;
}

/** The header's word for the level, as a heading line prints it: 「基本目標名」 → 基本目標. */
const wordOf = (header: string) =>
  header
    .replace(/<br>/g, "")
    .replace(/[(（].*$/, "")
    .replace(/(名|等)$/, "")
    .trim();

/** The broadest level column of each table (one header row) printed as heading lines or as heading rows. */
export function levelColumnToHeadings(
  lines: string[],
  golden: Record<string, unknown>,
  heading: HeadingForm,
  place: "lines" | "rows",
): string[] {
  const byLevel = ordinals(golden);
  const out: string[] = [];
  for (const b of blocks(lines)) {
    if ("line" in b) {
      out.push(b.line);
      continue;
    }
    const sep = b.table.findIndex(isSep);
    const found = sep > 0 && sep < b.table.length - 1 ? levelColumn(b.table, sep, byLevel) : null;
    if (!found) {
      out.push(...b.table);
      continue;
    }
    const { at, list } = found;
    const header = cellsOf(b.table[0]!).cells;
    const word = wordOf(header[at]!);
    if (word === "" || /[・、/]/.test(word)) {
      out.push(...b.table);
      continue;
    }
    const without = (cells: string[]) => cells.filter((_, i) => i !== at);
    const head = b.table.slice(0, sep + 1).map((l) => lineOf(without(cellsOf(l).cells)));
    let current: Ordinal | null = null;
    if (place === "rows") out.push(...head);
    for (const row of b.table.slice(sep + 1)) {
      const { cells, mark } = cellsOf(row);
      const o = cells[at] ? ordinalIn(cells[at]!, list, 12) : null;
      if (o && o !== current) {
        current = o;
        // (A level with no number — 「横断的目標 …」 — is printed as its cell is.)
        const text = o[0] > 0 ? heading(word, o[0], o[1]) : cells[at]!;
        if (place === "rows") out.push(lineOf([text, ...Array<string>(header.length - 2).fill("")]));
        else out.push("", text, "", ...head);
      }
      out.push(lineOf(without(cells), mark));
    }
  }
  return out;
}

/** The leftmost column whose every filled body cell carries a title of one level the golden names. */
function levelColumn(
  table: string[],
  sep: number,
  byLevel: Map<Level, Ordinal[]>,
): { at: number; list: Ordinal[] } | null {
  const rows = table.slice(sep + 1).map((l) => cellsOf(l).cells);
  const width = cellsOf(table[0]!).cells.length;
  for (let at = 0; at < width; at++) {
    const filled = rows.map((r) => r[at] ?? "").filter((c) => c !== "");
    if (filled.length === 0) continue;
    for (const l of LEVELS) {
      const list = byLevel.get(l)!;
      if (list.length > 0 && filled.every((c) => ordinalIn(c, list, 12))) return { at, list };
    }
  }
  return null;
}

const DEFAULT_WORD: Record<Level, string> = { goal: "基本目標", subgoal: "基本的方向", measure: "施策" };

/** Heading lines of the broadest level the golden names printed as a first column of the tables under them. */
export function headingLinesToColumn(lines: string[], golden: Record<string, unknown>): string[] {
  const byLevel = ordinals(golden);
  const level = LEVELS.find((l) =>
    lines.some((x) => !x.startsWith("|") && ordinalIn(x, byLevel.get(l)!, 16)),
  );
  if (!level) return lines;
  // (Only where that level's lines are the sheet's only heading lines: a heading of the level under it left above a
  // table holding the goal's column is a sheet no office prints.)
  const others = LEVELS.filter((l) => l !== level);
  if (lines.some((x) => !x.startsWith("|") && others.some((l) => ordinalIn(x, byLevel.get(l)!, 16))))
    return lines;
  const list = byLevel.get(level)!;
  const out: string[] = [];
  let current: { word: string; cell: string } | null = null;
  let lastHeader: string | null = null;
  for (const b of blocks(lines)) {
    if ("line" in b) {
      const o = b.line.trim() !== "" ? ordinalIn(b.line, list, 16) : null;
      if (o) {
        const word = /^[\s【<■◆●○]*([^\s\d0-9【】<>■◆●○(（①-⑳Ⅰ-Ⅹ第:：]{2,6}?)\s*第?[\d0-9①-⑳Ⅰ-Ⅹ(（]/.exec(
          b.line,
        )?.[1];
        current = { word: word ?? DEFAULT_WORD[level], cell: o[0] > 0 ? `${o[0]} ${o[1]}` : o[1] };
        continue;
      }
      if (b.line.trim() !== "") lastHeader = null;
      out.push(b.line);
      continue;
    }
    if (!current) {
      out.push(...b.table);
      lastHeader = null;
      continue;
    }
    const sepAt = b.table.findIndex(isSep);
    // (A table the column cannot be added to: no rewrite at all, rather than a heading lost.)
    if (sepAt < 1 || sepAt === b.table.length - 1) return lines;
    const header = b.table
      .slice(0, sepAt)
      .map((l, i) => lineOf([i === 0 ? current!.word : "", ...cellsOf(l).cells]))
      .join("\n");
    const sep = lineOf(["---", ...cellsOf(b.table[sepAt]!).cells]);
    const body = b.table.slice(sepAt + 1).map((row, i) => {
      const { cells, mark } = cellsOf(row);
      return lineOf([i === 0 ? current!.cell : "", ...cells], mark);
    });
    // The same header as the table just above (blank lines between): one table, as a level column prints it.
    if (lastHeader === header) {
      while (out.length > 0 && out[out.length - 1]!.trim() === "") out.pop();
      out.push(...body);
    } else out.push(...header.split("\n"), sep, ...body);
    lastHeader = header;
  }
  return out;
}
