/**
 * 「KPI(平成32年3月まで)」 | 「KPI(平成27年度)」 (大崎町's 実施状況及び実績): columns named for the indicator
 * with a year each, every cell the indicator's name and, on its last line, the figure of that year
 * (「合同企業説明会参加者延べ人数<br>300人」 | 「合同企業説明会参加者延べ人数<br>35人」). The name the cells of a
 * row share is the indicator; each column's figures are a value of its year — the later year (a
 * deadline, 「…まで」) the target to reach, the earlier the actual. Anything else (names that differ,
 * cells without a figure, one such column) is left as printed, and the role checks refuse it.
 */
import type { Period } from "../core/period.ts";
import type { ColumnMeaning } from "./column-fields.ts";
import { squash } from "./columns.ts";
import type { FoundHeader } from "./find-header.ts";
import { joinWrap, splitLines } from "./text-lines.ts";
import type { ImportIssue, SourceRow } from "./types.ts";

/** A figure on a line of its own: 「300人」, 「400,000人」, 「30%以上」, 「4.0%」. */
const FIGURE = /^(約|延べ)?[▲△+\-−]?[0-9０-９][0-9０-９,，.．]*\s*[^\s0-9０-９]{0,4}$/;

/** A cell's name and figure, or null when its last line is no figure or nothing comes before it. */
export function nameAndFigure(cell: string): { name: string; figure: string } | null {
  const lines = [...splitLines(cell)];
  // 「合同企業説明会参加者延べ人数 300人」: printed on one line where the cell is wide enough (a browser's
  // print) — the figure is the last word after a space.
  if (lines.length === 1) {
    const one = /^(.*\S)[\s　]+(\S+)$/.exec(lines[0]!);
    if (!one) return null;
    lines.splice(0, 1, one[1]!, one[2]!);
  }
  const figure = lines.at(-1)!;
  if (!FIGURE.test(figure)) return null;
  const name = lines.slice(0, -1).reduce(joinWrap, "").trim();
  return name === "" ? null : { name, figure };
}

/** 「平成32年3月まで」: a date in January–March ends the fiscal year before (平成31年度 = 2019). */
function fiscalPeriod(m: ColumnMeaning): Period | null {
  if (!m.period) return null;
  const month = /年\s*([0-9]{1,2})\s*月/.exec(squash(m.header));
  // (The header's year is the date's own calendar year, as read.)
  if (month && Number(month[1]) >= 1 && Number(month[1]) <= 3)
    return { year: m.period.year - 1, basis: "fiscal" };
  return m.period;
}

/** Splits the named value columns of a table in place; reports what it did. */
export function splitNamedValueColumns(
  header: FoundHeader,
  rows: { row: SourceRow }[],
  issues: ImportIssue[],
): void {
  const cols = header.columns;
  if (cols.some((c) => c.field === "actual")) return;
  const named = cols.flatMap((c, i) => (c.field === "indicator" && c.period && !c.confirmed ? [i] : []));
  if (named.length !== 2) return;
  // (A line merged across the table, 「〈基本目標②〉…」 in every cell, is no record of the columns.)
  const records = rows.filter(
    (x) =>
      named.some((c) => squash(x.row.cells[c] ?? "") !== "") &&
      new Set(x.row.cells.map(squash).filter((t) => t !== "")).size > 1,
  );
  if (records.length === 0) return;
  for (const x of records) {
    const parts = named.map((c) => nameAndFigure(x.row.cells[c] ?? ""));
    if (parts.some((p) => p === null) || squash(parts[0]!.name) !== squash(parts[1]!.name)) return;
  }
  const periods = named.map((c) => fiscalPeriod(cols[c]!)!);
  const later = periods[0]!.year > periods[1]!.year || /まで/.test(cols[named[0]!]!.header) ? 0 : 1;
  const [first, second] = named as [number, number];
  // The first column becomes the indicator (its name), the second the value of the earlier year, and a
  // column added at the end holds the value of the later year.
  const roleOf = (k: number): ColumnMeaning => ({
    ...cols[named[k]!]!,
    field: k === later ? "target" : "actual",
    period: periods[k]!,
  });
  const added = cols.length;
  cols[second] = roleOf(1);
  cols.push(roleOf(0));
  cols[first] = { ...cols[first]!, field: "indicator", period: null };
  for (const x of rows) {
    const cells = [...x.row.cells];
    while (cells.length < added) cells.push("");
    const a = nameAndFigure(cells[first] ?? "");
    const b = nameAndFigure(cells[second] ?? "");
    cells.push(a?.figure ?? "");
    if (a) cells[first] = a.name;
    if (b) cells[second] = b.figure;
    x.row = { ...x.row, cells };
  }
  issues.push({
    row: null,
    column: named.map((c) => cols[c]!.header).join("・"),
    kind: "column_read_by_content",
    before: "指標名と数値",
    after: "指標名・目標値・実績値",
    confidence: "medium",
    message: `列「${cols[first]!.header}」「${cols[second]!.header}」は各欄に同じ指標名とその年度の数値を収めているため、指標名と、遅い年度の目標値・早い年度の実績値に分けて読んだ`,
  });
}
