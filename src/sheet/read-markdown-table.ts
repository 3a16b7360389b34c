/** Tokenises a PDF-extracted Markdown table (`| a | b |` lines) into rows of cell texts. */
import { alignLoneCells } from "./margin-columns.ts";
import type { SourceTable } from "./types.ts";

/** Splits one `| … |` line into cells (an escaped `\|` stays in its cell). */
export function splitMarkdownRow(line: string): string[] {
  // An HTML comment shows nothing where the Markdown is read (a writer's mark after a row's last
  // pipe, 「|<!--shift-->」): it is no cell, nor part of one.
  let body = (line.includes("<!--") ? line.replace(/<!--[\s\S]*?-->/g, "") : line).trim();
  if (body.startsWith("|")) body = body.slice(1);
  if (body.endsWith("|") && !body.endsWith("\\|")) body = body.slice(0, -1);
  // Without an escaped pipe the row is a plain split (the common case; the loop below builds each
  // cell a character at a time).
  if (!body.includes("\\|")) return body.split("|").map((c) => c.trim());
  const cells: string[] = [];
  let cur = "";
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === "\\" && body[i + 1] === "|") {
      cur += "|";
      i++;
    } else if (ch === "|") {
      cells.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  cells.push(cur.trim());
  return cells;
}

/** A GFM delimiter row (`---|:--:`), with or without its outer pipes. */
export const GFM_DELIMITER = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?$/;

/**
 * What Markdown writers other than the seed's extractor add around the text, taken off so every
 * extractor's output reads alike: bold (`**指標名**`, `__…__`), a heading's `#` or a quote's `>`
 * before a line outside the tables, the tags of an HTML-minded writer's paragraphs (`<p>…</p>`)
 * and the entities it escapes (`&amp;`).
 */
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " };
const plain = (t: string) =>
  t.replace(/\*\*|__/g, "").replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e]!);
const plainLine = (t: string) =>
  plain(
    t
      .replace(/^(#{1,6}\s+|>\s*)+/, "")
      .replace(/<\/?(?:p|div|span|h[1-6]|b|strong|em|i|u|font|center)\b[^>]*>/gi, ""),
  ).trim();

/**
 * Every `|` line is a row (separator rows included: the caller drops them and says so). A table
 * written without its outer pipes (`指標名 | 目標値`, valid GFM) is one where a delimiter row follows
 * its header: the `|` lines around the delimiter, between blank lines, are its rows.
 */
export function readMarkdownTable(text: string): SourceTable {
  const rows: SourceTable["rows"] = [];
  const outside: SourceTable["outside"] = [];
  const lines = text.split(/\r\n|\r|\n/);
  const bare = new Set<number>();
  lines.forEach((line, i) => {
    const t = line.trim();
    if (t.startsWith("|") || !GFM_DELIMITER.test(t) || !(lines[i - 1] ?? "").includes("|")) return;
    // The header's rows above the delimiter (one or two), then the body below it.
    const inRun = (j: number) => lines[j]!.includes("|") && lines[j]!.trim() !== "";
    let top = i - 1;
    while (top > 0 && inRun(top - 1)) top--;
    for (let j = top; j < lines.length && inRun(j); j++) bare.add(j);
  });
  let block = 0;
  let inTable = false;
  lines.forEach((line, i) => {
    const t = line.trim();
    const isRow = t.startsWith("|") || bare.has(i);
    if (isRow && !inTable) block++;
    inTable = isRow;
    if (t === "") return;
    // (A row of a table without outer pipes that starts with `|` has an empty first cell.)
    const cells = splitMarkdownRow(bare.has(i) ? `|${t}|` : t);
    if (isRow) rows.push({ row: i + 1, cells: cells.map(plain), block });
    else outside.push({ row: i + 1, text: plainLine(t) });
  });
  return { rows: withoutEmptyColumns(rows), outside };
}

/**
 * A column no row of its table fills — not even its header — is an extractor's artefact (a ruling
 * line it took for a column boundary): it holds nothing and is left out, so the cells beside it keep
 * their places against the header the reader matches them to. A table goes on over page breaks as
 * more Markdown tables of its width (its header repeated, or not): a column is left out only when
 * it is empty in all of them — a 基本目標 column empty on one page is still the table's first column.
 */
function withoutEmptyColumns(rows: SourceTable["rows"]): SourceTable["rows"] {
  const widthOf = new Map<number, number>();
  for (const r of rows) widthOf.set(r.block ?? 0, Math.max(widthOf.get(r.block ?? 0) ?? 0, r.cells.length));
  const byWidth = new Map<number, SourceTable["rows"]>();
  for (const r of rows) {
    const w = widthOf.get(r.block ?? 0)!;
    byWidth.set(w, [...(byWidth.get(w) ?? []), r]);
  }
  const empty = new Map<number, Set<number>>();
  for (const [width, rs] of byWidth) {
    // (a note typed in an empty first column, 「| ※実績値は速報値です。 | | … |」, moved to the table's own)
    alignLoneCells(rs.filter((r) => !isSeparatorRow(r.cells)));
    const body = rs.filter((r) => !isSeparatorRow(r.cells));
    if (body.length < 2) continue;
    const cols = new Set<number>();
    for (let c = 0; c < width; c++) if (body.every((r) => (r.cells[c] ?? "").trim() === "")) cols.add(c);
    if (cols.size > 0 && cols.size < width) empty.set(width, cols);
  }
  if (empty.size === 0) return rows;
  return rows.map((r) => {
    const cols = empty.get(widthOf.get(r.block ?? 0)!);
    return cols ? { ...r, cells: r.cells.filter((_, c) => !cols.has(c)) } : r;
  });
}

/** `|---|:--:|` */
export const isSeparatorRow = (cells: readonly string[]): boolean =>
  cells.length > 0 &&
  cells.every((c) => /^:?-+:?$/.test(c) || c === "") &&
  cells.some((c) => /-{3,}/.test(c));
