/**
 * A rating of the group, beside the KPIs' own (宮崎県's 政策評価: 「重点項目の評価」 a / b / c / d on every row, and
 * 「外部評価」 A / B / C, the 総合計画審議会's rating of the whole プログラム, printed once on the program's first row and
 * blank on its other rows). Two columns of a scale's labels, one filled on every KPI row, the other only on the rows
 * where a level of the plan starts a new group and blank on the rest of the group: the sparse one rates the group,
 * not the KPI — it is no evaluation (nor a value to copy down to the group's other KPIs), and is kept as an extra,
 * reported. The full one stays the KPIs' evaluation. Anything else (both full, both sparse, a sparse column off the
 * groups' first rows) is left to the other rules (a review beside a first rating, or a refusal).
 */
import { FIELD_JA } from "./column-fields.ts";
import { squash } from "./columns.ts";
import { LEVEL_FIELDS } from "./field.ts";
import type { FoundHeader } from "./find-header.ts";
import type { ImportIssue, SourceRow } from "./types.ts";

const LABEL = /^([A-Za-zＡ-Ｚａ-ｚ][+＋-]?|[◎○〇●△▲×])$/;
/** A grade printed as a digit or a circled digit (「2」, 「②」): a rating only in a column already read as the evaluation. */
const GRADE = /^([1-9]|[①-⑨])$/;
const DASH = /^[-‐－―ー−]$/;

/** 「施策評価」, 「施策の評価」 beside a 施策 column: a header naming the level's own rating. */
function ratesLevel(ratingHeader: string, levelHeader: string): boolean {
  const level = squash(levelHeader).replace(/(名|名称)$/, "");
  const rating = squash(ratingHeader);
  return level !== "" && rating.startsWith(level) && /^の?(評価|判定)$/.test(rating.slice(level.length));
}

/** Every row of each group of the level column `level` holds the same text in column `col` (a group of one row says nothing). */
function sameWithinGroups(body: readonly SourceRow[], col: number, level: number): boolean {
  const starts = groupStarts(body, level);
  if (starts.size < 2) return false;
  let first = "";
  let longer = false;
  for (const [i, r] of body.entries()) {
    const t = squash(r.cells[col] ?? "");
    if (starts.has(i)) first = t;
    else if (t !== first) return false;
    else longer = true;
  }
  return longer;
}

/** Rows that are a table's body: more than one cell with words (not a heading merged across, not a legend). */
const bodyRows = (rows: readonly SourceRow[]) =>
  rows.filter((r) => r.cells.filter((c) => squash(c) !== "").length > 1);

/** The rows (indices into `rows`) where a level column's cell starts a new group: a text unlike the one above. */
function groupStarts(rows: readonly SourceRow[], col: number): Set<number> {
  const starts = new Set<number>();
  let last = "";
  rows.forEach((r, i) => {
    const t = squash(r.cells[col] ?? "");
    if (t !== "" && t !== last) starts.add(i);
    if (t !== "") last = t;
  });
  return starts;
}

export function groupRatingsAsExtra(
  header: FoundHeader,
  rows: readonly SourceRow[],
  issues: ImportIssue[],
): void {
  const body = bodyRows(rows);
  if (body.length < 3) return;
  const filled = (col: number) =>
    body.flatMap((r, i) => {
      const t = squash(r.cells[col] ?? "");
      return t !== "" && !DASH.test(t) ? [{ i, t }] : [];
    });
  const rated = header.columns.flatMap((m, col) => {
    if (m.confirmed || (m.field !== "evaluation" && m.field !== "rate")) return [];
    const cells = filled(col);
    // A dash (「−」: not evaluable) is a rating printed too: it counts toward a column filled on every row.
    const printed = body.filter((r) => squash(r.cells[col] ?? "") !== "").length;
    const label = (t: string) => LABEL.test(t) || (m.field === "evaluation" && GRADE.test(t));
    return cells.length >= 2 && cells.every((x) => label(x.t))
      ? [{ col, rows: cells.map((x) => x.i), printed }]
      : [];
  });
  if (rated.length < 2) return;
  const full = rated.filter((x) => x.printed * 10 >= body.length * 9);
  const levels = header.columns.flatMap((m, col) => (LEVEL_FIELDS.has(m.field) ? [col] : []));
  const asExtra = (col: number, at: number, kept: number) => {
    const m = header.columns[col]!;
    header.columns[col] = { ...m, field: "extra" };
    issues.push({
      row: null,
      column: m.header,
      kind: "column_read_by_content",
      before: FIELD_JA[m.field],
      after: FIELD_JA.extra,
      confidence: "medium",
      message:
        `列「${m.header}」の評価は「${header.columns[at]!.header}」の各まとまりに一つで、指標ではなくそのまとまりの評価です。` +
        `指標の評価は毎行の「${header.columns[kept]!.header}」とし、「${m.header}」は追加の列として残した`,
    });
  };
  // The same merged down (a city's Excel merges the 施策's rating over its rows; an XLSX fills it into each): two
  // full columns, one named after a level's rating and the same on every row of each of its groups.
  if (full.length === 2) {
    for (const g of full) {
      const kept = full.find((x) => x !== g)!;
      const at = levels.find(
        (l) =>
          ratesLevel(header.columns[g.col]!.header, header.columns[l]!.header) &&
          sameWithinGroups(body, g.col, l) &&
          !sameWithinGroups(body, kept.col, l),
      );
      if (at !== undefined) {
        asExtra(g.col, at, kept.col);
        return;
      }
    }
    return;
  }
  if (full.length !== 1) return;
  for (const sparse of rated) {
    if (sparse === full[0]) continue;
    const few = sparse.rows.length * 2 <= body.length;
    // On a group's first row only, for some level: every rating where that level starts a group. A column on more
    // than half the rows (most groups one KPI long) must also be named after that level's rating (「施策評価」 beside
    // 施策) and rate every group, yet leave some row blank.
    const at = levels.find((l) => {
      const starts = groupStarts(body, l);
      if (starts.size < 2 || !sparse.rows.every((i) => starts.has(i))) return false;
      if (few) return sparse.rows.length * 2 >= starts.size;
      return (
        sparse.rows.length === starts.size &&
        sparse.rows.length < body.length &&
        ratesLevel(header.columns[sparse.col]!.header, header.columns[l]!.header)
      );
    });
    if (at === undefined) continue;
    asExtra(sparse.col, at, full[0]!.col);
  }
}
