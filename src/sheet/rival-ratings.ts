/**
 * A guard: two columns both read as the evaluation, once every rule has settled the columns, that rate
 * some KPI differently. The rows would take the first one's rating — a silent choice of the reader's,
 * not the sheet's (丸亀市's first reading: 施策評価(1次評価) B read where 施策評価(2次評価) says C). When
 * the headers say which is the review, reviewed-ratings.ts has already made the others extras; what
 * is left here — two columns of a scale's letters or marks — is refused, naming the columns and the row.
 */
import { squash } from "./columns.ts";
import type { FoundHeader } from "./find-header.ts";
import { refuse } from "./reading-plausibility.ts";
import type { SourceRow } from "./types.ts";

const DASH = /^[-‐－―ー−]?$/;
/** A scale's label: a letter or a mark (two such columns rate on one scale). */
const LABEL = /^([A-Za-z][+-]?|[◎○〇●△▲×])$/;

export function refuseRivalRatings(header: FoundHeader, rows: readonly SourceRow[]): void {
  const cols = header.columns.flatMap((m, c) => (m.field === "evaluation" ? [c] : []));
  if (cols.length < 2) return;
  for (const r of rows) {
    const said = cols.map((c) => ({ c, t: squash(r.cells[c] ?? "") })).filter((x) => !DASH.test(x.t));
    // (Columns of other words — the national form's 事業効果 beside 事業の評価 — rate other things.)
    if (!said.every((x) => LABEL.test(x.t))) continue;
    const other = said.find((x) => x.t !== said[0]!.t);
    if (other)
      refuse(
        `${r.row}行目で、評価として読んだ${said[0]!.c + 1}列目「${header.columns[said[0]!.c]!.header}」(「${said[0]!.t}」)と` +
          `${other.c + 1}列目「${header.columns[other.c]!.header}」(「${other.t}」)の評価が異なります。どちらがこの表の評価か分かりません`,
      );
  }
}
