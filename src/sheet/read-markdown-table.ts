/** Tokenises a PDF-extracted Markdown table (`| a | b |` lines) into rows of cell texts. */
import type { SourceTable } from "./types.ts";

/** Splits one `| … |` line into cells (an escaped `\|` stays in its cell). */
export function splitMarkdownRow(line: string): string[] {
  let body = line.trim();
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

/** Every `|` line is a row (separator rows included: the caller drops them and says so). */
export function readMarkdownTable(text: string): SourceTable {
  const rows: SourceTable["rows"] = [];
  const outside: SourceTable["outside"] = [];
  const lines = text.split(/\r\n|\r|\n/);
  let block = 0;
  let inTable = false;
  lines.forEach((line, i) => {
    const t = line.trim();
    const isRow = t.startsWith("|");
    if (isRow && !inTable) block++;
    inTable = isRow;
    if (t === "") return;
    if (isRow) rows.push({ row: i + 1, cells: splitMarkdownRow(t), block });
    else outside.push({ row: i + 1, text: t });
  });
  return { rows, outside };
}

/** `|---|:--:|` */
export const isSeparatorRow = (cells: readonly string[]): boolean =>
  cells.length > 0 &&
  cells.every((c) => /^:?-+:?$/.test(c) || c === "") &&
  cells.some((c) => /-{3,}/.test(c));
