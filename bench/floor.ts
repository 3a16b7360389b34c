/**
 * The import floor: what reading a PDF-extracted Markdown table costs with no inference at all —
 * decode the bytes, split lines, split each `| … |` line into cells and each cell at `<br>`.
 * The importer does all of this and then understands the table; its throughput is compared to this.
 */

const BR = /<br\s*\/?>/i;

/** Cells of one table line (`\|` kept in its cell); null for a line that is not a table row. */
export function splitRow(line: string): string[] | null {
  const t = line.trim();
  if (!t.startsWith("|")) return null;
  const cells: string[] = [];
  let start = 1;
  for (let i = 1; i < t.length; i++) {
    const ch = t.charCodeAt(i);
    if (ch === 92 /* \ */ && t.charCodeAt(i + 1) === 124) {
      i++;
      continue;
    }
    if (ch === 124 /* | */) {
      cells.push(t.slice(start, i).replaceAll("\\|", "|").trim());
      start = i + 1;
    }
  }
  if (start < t.length) cells.push(t.slice(start).replaceAll("\\|", "|").trim());
  return cells;
}

/** Every table line as cells, each cell as its printed lines. Returns the number of cells read. */
export function splitCells(bytes: Uint8Array): { rows: string[][][]; cells: number } {
  const text = new TextDecoder("utf-8").decode(bytes);
  const rows: string[][][] = [];
  let cells = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const row = splitRow(line);
    if (!row) continue;
    rows.push(row.map((c) => c.split(BR).map((p) => p.trim())));
    cells += row.length;
  }
  return { rows, cells };
}
