/**
 * A level of the plan printed in two columns, its number in one and its name in the next (倉吉市: 「政策」
 * 「1-1」 | 「政策名」 「【産業】新たな時代を…」): the name column is the level's title, joined to the number
 * in the level's cell (the name cell then left empty, reported). Only a column whose header is the level
 * column's own word with 名 / 名称 after it (wherever it stands), for a level column holding nothing but numbers.
 */
import { isEmpty, squash } from "./columns.ts";
import { LEVEL_FIELDS } from "./field.ts";
import type { FoundHeader } from "./find-header.ts";
import type { ImportIssue, SourceRow } from "./types.ts";

const CODE = /^[0-9０-９]{1,3}(?:[-－‐][0-9０-９]{1,3})*[.．]?$/;

export function joinLevelNameColumns(
  header: FoundHeader,
  rows: { row: SourceRow }[],
  issues: ImportIssue[],
): void {
  const cols = header.columns;
  for (let i = 0; i < cols.length; i++) {
    const level = cols[i]!;
    const word = squash(level.header);
    if (!LEVEL_FIELDS.has(level.field) || word === "") continue;
    // (anywhere in the row: usually the next column, but a column moved between them keeps the pair)
    const named = new RegExp(`^${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(名|名称)$`);
    // (「政策名」 alone is a level's name column too — read as that level when no code column stands beside it.)
    const j = cols.findIndex(
      (c, k) => k !== i && (c.field === "extra" || c.field === level.field) && named.test(squash(c.header)),
    );
    if (j < 0) continue;
    const next = cols[j]!;
    const codes = rows.map((x) => squash(x.row.cells[i] ?? "")).filter((t) => t !== "");
    if (codes.length === 0 || !codes.every((t) => CODE.test(t))) continue;
    for (const x of rows) {
      const code = x.row.cells[i] ?? "";
      const name = x.row.cells[j] ?? "";
      if (isEmpty(code) || isEmpty(name)) continue;
      const cells = [...x.row.cells];
      cells[i] = `${squash(code)} ${name}`;
      cells[j] = "";
      x.row = { ...x.row, cells };
    }
    // The name column is the level's, read with its code: no level of its own.
    next.field = "extra";
    issues.push({
      row: null,
      column: next.header,
      kind: "level_name_column",
      before: `${level.header} | ${next.header}`,
      after: level.header,
      confidence: "high",
      message: `列「${next.header}」は列「${level.header}」の番号の名前として、番号と合わせて読んだ`,
    });
  }
}
