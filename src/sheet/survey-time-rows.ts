/**
 * Survey times printed on a row of their own under each indicator's figures (a 連携中枢都市圏's 成果指標:
 * 「| 観光消費額 | … | 58,120 | 61,305 | 63,870 |」 then 「| | 調査時点 | H26年 | H27年 | H28年 |」): the row says when each
 * figure above it was measured — the 策定時 figure's year is its own (H24年 for one item, H26年度 for another),
 * not the column's. Such a row is no indicator: it is taken out before the rows are read, and after the rows
 * are realigned each figure above it carries its time in brackets 「58,120(H26年)」, as a city prints a
 * baseline's year in the cell. A row is a survey-time row only when one cell says 調査時点 / 時点 (or 測定時点,
 * 基準時点) and every other filled cell is a year (or a dash), right under a row of figures.
 */
import { squash } from "./columns.ts";
import type { FoundHeader } from "./find-header.ts";
import { contentKind } from "./role-content.ts";
import type { ImportIssue, SourceRow } from "./types.ts";

const TIME_LABEL = /^(調査|測定|基準|把握|集計)?時点$/;
const TIME = /^((H|R|S|平成|令和|昭和)\d{1,2}|(19|20)\d{2})年度?(\d{1,2}月末?)?$/i;
const DASH = /^[-‐－―ー−—]$/;
const FIGURE = new Set(["value", "percent"]);

const hasFigure = (r: SourceRow) => r.cells.some((t) => FIGURE.has(contentKind(t)));
const filledCount = (r: SourceRow) => r.cells.filter((t) => squash(t) !== "").length;

/** The survey times of the row above, by column (the row's number → the time row's cells). */
export type SurveyTimes = Map<number, string[]>;

/** Takes the survey-time rows out; returns the rows left and, per figures row, the times under it. */
export function takeSurveyTimeRows(
  header: FoundHeader,
  rows: readonly SourceRow[],
  issues: ImportIssue[],
): { rows: SourceRow[]; times: SurveyTimes } {
  const times: SurveyTimes = new Map();
  const labelCols = new Set<number>();
  const out: SourceRow[] = [];
  for (const r of rows) {
    // (The figures row nearest above: a wrapped name's second line printed as a row of its own — one cell,
    // no figure — may stand between, as an unruled print leaves it.)
    let at = out.length - 1;
    while (at >= 0 && at >= out.length - 2 && !hasFigure(out[at]!) && filledCount(out[at]!) <= 1) at--;
    const above = at >= 0 ? out[at] : undefined;
    // (A level's name merged down over both rows, repeated in each, belongs to the figures row above.)
    const filled = r.cells.flatMap((t, c) =>
      squash(t) === "" || squash(t) === squash(above?.cells[c] ?? "") ? [] : [{ c, t: squash(t) }],
    );
    const labels = filled.filter((x) => TIME_LABEL.test(x.t));
    const rest = filled.filter((x) => !TIME_LABEL.test(x.t));
    if (
      labels.length === 1 &&
      rest.length >= 1 &&
      rest.every((x) => TIME.test(x.t) || DASH.test(x.t)) &&
      rest.some((x) => TIME.test(x.t)) &&
      above !== undefined &&
      !times.has(above.row) &&
      hasFigure(above)
    ) {
      times.set(above.row, r.cells);
      labelCols.add(labels[0]!.c);
      // The wrapped line between goes back into the figures row's cell (nothing else stands between a row
      // and the times that date it).
      const wraps = out.splice(at + 1);
      out[at] = {
        ...above,
        cells: above.cells.map((t, c) =>
          [t, ...wraps.map((w) => w.cells[c] ?? "")].filter((x) => squash(x) !== "").join("<br>"),
        ),
      };
      continue;
    }
    out.push(r);
  }
  if (times.size === 0) return { rows: [...rows], times };
  // The column that holds only the word 調査時点 is that word's, whatever header it sits under.
  for (const c of labelCols) {
    const m = header.columns[c];
    if (m && out.every((r) => squash(r.cells[c] ?? "") === ""))
      header.columns[c] = { ...m, field: "extra", header: m.header || "調査時点" };
  }
  issues.push({
    row: null,
    column: "調査時点",
    kind: "role_rows_folded",
    before: `${rows.length}行`,
    after: `${out.length}行`,
    confidence: "high",
    message: `「調査時点」の行(${times.size}行)は上の行の数値が調べられた時点として読み、指標の行としては読まなかった`,
  });
  return { rows: out, times };
}

/** After the rows are realigned: each figure takes the survey time printed under it, 「58,120(H26年)」. */
export function applySurveyTimes(row: SourceRow, times: SurveyTimes): SourceRow {
  const under = times.get(row.row);
  if (!under) return row;
  const cells = row.cells.map((t, c) => {
    const time = squash(under[c] ?? "");
    return TIME.test(time) && FIGURE.has(contentKind(t)) ? `${t}(${time})` : t;
  });
  return { ...row, cells };
}
