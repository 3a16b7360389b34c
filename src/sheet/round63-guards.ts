/**
 * Guard of round 63: a rating read from one column while another column, kept as is, holds the same legend's labels
 * and says otherwise on a KPI — two ratings, the one read perhaps the department's and the verdict left as an extra.
 * Found by the variants of beppu-suishin (自己評価 | 委員会評価 on one A–E legend): 「評価(担当課)」 | 「評価(委員会)」 read
 * the bracket 「(委員会)」 as a unit and kept the committee's column as an extra (the department's 「E」 written where the
 * committee wrote 「D」, exit 0). Only an extra named as a reviewer's rating counts (「委員会評価」, 「評価(委員会)」, 「外部
 * 評価」): a card's viewpoints (妥当性 / 効率性 A–C), a group's 施策評価 and a No. column's digits are no second rating —
 * or any extra of the legend's labels when the evaluation was read from a first rater's column (「自己評価」 printed, kept by
 * no KPI: the committee's letters under another name, 「推移」, left as is, found by swapping header words). The reading rules (round63-raters.ts,
 * reviewed-ratings.ts) choose the reviewer's column; when no rule chose, this refuses, naming both columns.
 * Not refused: an extra with a legend of its own captioned by its header (kagoshima-kensho), an extra named for the first rater (自己評価, 担当課評価: the review was read), a past year's rating
 * (前年度評価, R3評価), a rating whose labels are not the KPIs' scale's (宮崎県's 外部評価 A / B / C beside a / b / c / d).
 */
import type { Kpi, Sheet } from "../core/sheet.ts";
import { escapeRegExp, squash } from "./columns.ts";
import { FIRST_RATER } from "./reviewed-ratings.ts";
import { REVIEWER } from "./reviewer-words.ts";
import { legendCandidates } from "./round59-guards.ts";
import type { SourceTable } from "./types.ts";

/**
 * A header naming a reviewer's rating: a reviewer (委員会, 外部, 推進会議 …) and 評価 or 判定 (「委員会評価」, 「評価(委員会)」).
 * A group's 施策評価, a card's 総合的な評価 or viewpoints (妥当性 / 効率性), a committee's 意見 are other things.
 */
const rating = (header: string) => /評価|判定/.test(header) && REVIEWER.test(header);

/** A header naming an earlier year or round: its rating is last year's, beside this year's. */
const EARLIER = /前年|昨年|前回|前期|[0-9０-９]+年度?|^[HRＨＲ][0-9０-９]+|平成|令和/;

/**
 * A legend of the column's own, captioned by its header (「検証会議の意見 A 引き続き…推進すべき B …」, kagoshima-kensho: the
 * committee's recommendation on the work, its letters the KPI's but another scale): no second rating of the KPI.
 */
function ownLegend(header: string, label: string, lines: readonly string[]): boolean {
  const caption = new RegExp(`${escapeRegExp(header)}.*${escapeRegExp(label)}`, "u");
  return lines.some((l) => caption.test(l));
}

/** The 1-based column a header names in the table's rows (the first row holding it), or null. */
function columnOf(table: SourceTable, header: string): number | null {
  for (const r of table.rows) {
    const i = r.cells.findIndex((c) => squash(c.replace(/<br\s*\/?>/gi, "")) === header);
    if (i >= 0) return i + 1;
  }
  return null;
}

export function round63Refusal(sheet: Sheet, table: SourceTable, name: (k: Kpi) => string): string | null {
  const lines = legendCandidates(table).map(squash);
  const labels = new Set((sheet.scale?.bands ?? []).map((b) => squash(b.label)));
  if (labels.size === 0) return null;
  // A first rater's rating the table prints (「自己評価」) that no KPI keeps as an extra: the one read as the evaluation.
  const kept = new Set(sheet.kpis.flatMap((k) => (k.extras ?? []).map((e) => squash(e.header))));
  const firstRead = table.rows.some((r) =>
    r.cells.some((c) => {
      const h = squash(c.replace(/<br\s*\/?>/gi, ""));
      return (
        h.length <= 12 && /評価|判定/.test(h) && FIRST_RATER.test(h) && !REVIEWER.test(h) && !kept.has(h)
      );
    }),
  );
  for (const k of sheet.kpis) {
    const read = k.evaluation && k.evaluation.printed !== false ? squash(k.evaluation.label ?? "") : "";
    if (read === "" || !labels.has(read)) continue;
    for (const e of k.extras ?? []) {
      const other = squash(e.text);
      const header = squash(e.header);
      if (other === read || !labels.has(other) || !(rating(header) || firstRead)) continue;
      if (FIRST_RATER.test(header) || EARLIER.test(header) || ownLegend(header, other, lines)) continue;
      const col = columnOf(table, header);
      const at = col ? `${col}列目` : "";
      return `${name(k)}は評価「${k.evaluation!.label}」として読みましたが、${at}「${e.header}」にも同じ凡例の評価「${e.text}」があります。どちらがこの表の評価か分かりません(一次評価と委員会等の評価なら、委員会等の列が評価です。例: {"columns":[{"col":${col ?? "N"},"field":"evaluation"}]})`;
    }
  }
  return null;
}
