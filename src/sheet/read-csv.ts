/** Reads CSV (RFC 4180: quoted fields may hold commas, quotes and newlines) into rows of cells. */
import { restoreNeutralised } from "./csv-formula.ts";
import { dropEmptyColumns } from "./margin-columns.ts";
import { refillLostMerges } from "./round56-csv-merges.ts";
import type { SourceTable } from "./types.ts";

export function parseCsv(text: string, delimiter = ","): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let i = 0;
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  while (i < s.length) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === "") quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && s[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
    i++;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

export function readCsvTable(text: string): SourceTable {
  const first = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = (first.match(/\t/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? "\t" : ",";
  const rows = parseCsv(text, delimiter).map((cells, i) => ({
    row: i + 1,
    cells: cells.map((c) => restoreNeutralised(c).replace(/\r\n?/g, "\n").trim()),
  }));
  dropEmptyColumns(rows);
  // A group header merged over two columns or more, saved in its first cell only (round56-csv-merges.ts).
  refillLostMerges(rows);
  return { rows, outside: [] };
}
