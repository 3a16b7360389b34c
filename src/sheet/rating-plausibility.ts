/**
 * The last look at the ratings read, before an import exits 0 (called by reading-plausibility.ts's
 * checkReading): a rating column whose every label means nothing (another column taken for the
 * rating), a rating left blank beside an actual where the others are rated (a rating printed once for
 * several KPIs, not carried), a worded rating that denies itself read as on track, a label the legend
 * explains in words but the scale read lacks. Each was a past first reading written wrong with exit 0.
 */
import type { Kpi, Sheet } from "../core/sheet.ts";
import { blankRatingsBesideActuals } from "./blank-ratings.ts";
import { courseLegend } from "./course-verdicts.ts";
import { negatedGoodRating } from "./negated-ratings.ts";
import type { ImportProfile } from "./profile-types.ts";
import { refuse } from "./refuse-reading.ts";
import type { SourceTable } from "./types.ts";
import { meaninglessRatings } from "./unknown-ratings.ts";
import { rankedLevelUnread, ratingKeptAsExtra, shortBandReadMostly } from "./unread-card-keys.ts";
import { unreadLegendLabel } from "./unread-legend-label.ts";
import { behindBandReadAhead } from "./unread-level-guards.ts";

/** Refuses (exit 2, `implausible_reading`) ratings that show signs of a wrong reading. */
export function checkRatings(
  sheet: Sheet,
  table: SourceTable,
  profile: ImportProfile | undefined,
  name: (k: Kpi) => string,
): void {
  // Every rating a label that means nothing (unknown-ratings.ts): another column taken for the rating.
  const meaningless = meaninglessRatings(sheet);
  const rated = profile?.columns?.find((c) => c.field === "evaluation")?.header;
  if (meaningless)
    refuse(
      `評価${rated ? `の列「${rated}」` : ""}の「${meaningless.slice(0, 3).join("」「")}」はどれも凡例にも評価の語にもありません。評価でない列(区分など)を評価として読んだおそれがあります`,
    );

  // A blank rating beside an actual where the others are rated (blank-ratings.ts): a rating not carried.
  const blank = blankRatingsBesideActuals(sheet);
  if (blank.length > 0)
    refuse(
      `評価${rated ? `の列「${rated}」` : ""}が空欄の指標が、実績値があるのに${blank.length}件あります(${blank
        .slice(0, 3)
        .map((r) => `${r}行目`)
        .join(
          "、",
        )})。ほかの指標は評価されているため、施策ごとに一度だけ書かれた評価を読み落としたおそれがあります。評価できない指標は「―」または「評価不可」と記入してください`,
    );

  // A worded rating that denies itself (「順調に推移していない」) read as on track (negated-ratings.ts).
  const negated = negatedGoodRating(sheet);
  if (negated)
    refuse(
      `${name(negated)}の評価「${negated.evaluation.label}」は打ち消しの語で終わるのに、順調として読まれました。凡例のない評価の語を取り違えたおそれがあります`,
    );

  // A band whose words say behind read as good as 「おおむね順調」 beside it (unread-level-guards.ts).
  const ahead = behindBandReadAhead(sheet);
  if (ahead)
    refuse(
      `評価「${ahead}」は遅れを表す語なのに、「おおむね順調」と同じか上の段階として読まれました。凡例の段階を取り違えたおそれがあります`,
    );

  // A label the legend prints with its words, missing from the scale read (unread-legend-label.ts).
  const unread = unreadLegendLabel(sheet, table);
  if (unread)
    refuse(
      `凡例「${unread.line.slice(0, 40)}…」には評価「${unread.label}」${unread.row > 0 ? `(${unread.row}行目)` : ""}の説明がありますが、評価尺度として読めていません`,
    );

  // A card's rating key kept as an extra, a ranked level unread, a short band read mostly on track
  // (unread-card-keys.ts).
  // (Marks the column's own legend explains as the work's course, kept so on purpose, are no lost rating.)
  const lines = [
    ...table.outside.map((o) => o.text),
    // (a worksheet's merged row repeats its one text in every cell it covers)
    ...table.rows
      .map((r) => [...new Set(r.cells.filter((c) => c.trim() !== ""))])
      .flatMap((c) => (c.length === 1 ? c : [])),
  ];
  const extraRating = ratingKeptAsExtra(sheet, (key, label) => courseLegend(key, [label], lines) !== null);
  if (extraRating)
    refuse(
      `「${extraRating.key}」に評価「${extraRating.label}」(${extraRating.kpi.row}行目の指標「${extraRating.kpi.indicator}」)がありますが、評価として読めていません`,
    );
  const ranked = rankedLevelUnread(sheet, table);
  if (ranked)
    refuse(
      `「${ranked.key}」(${ranked.row}行目)の「${ranked.value.slice(0, 30)}」がどの指標の階層としても読めていません`,
    );
  const short = shortBandReadMostly(sheet);
  if (short)
    refuse(
      `凡例「${short.slice(0, 40)}」は目標に届かなかった段階ですが、その上の「概ね」の段階と同じく概ね順調として読まれました`,
    );
}
