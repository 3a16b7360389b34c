/**
 * A legend of bands by 進捗率 alone, none reaching 100% (別海町: 「A:進捗率60%以上 B:進捗率40%以上60%未満
 * C:進捗率40%未満」), under a note that the 進捗率 is the actual over the plan's final target (「進捗率は、目標値(H31)
 * に対する実績値(H28)の割合」): the rate is progress over the whole plan, measured before its end, so the best
 * band's threshold is the share the city expects by now — a pace, as 本宮市's 「20%をA評価として」 states in
 * words (legend-pace.ts). Read as the year's achievement, its 60% would be short of the target and A only mostly
 * on track, B delayed. Only when the words say nothing (a band that says 順調 or 達成 is read by its words).
 */
import { categoryOf, minOf } from "./legend-categories.ts";
import type { Pace } from "./legend-pace.ts";

const norm = (t: string) => t.replace(/<br\s*\/?>/gi, " ").normalize("NFKC");
/** A note that the 進捗率 is measured against the plan's final target (a target's year, 最終, the plan's span). */
const FINAL_BASIS =
  /進捗率.{0,30}(目標値?\s*\((?:H|R|平成|令和)?\s*\d+(?:年度?)?\)|最終目標|最終年度|計画期間|計画最終)/;

export function implicitPace(
  entries: readonly { label: string; meaning: string }[],
  texts: readonly string[],
): Pace | null {
  const rated = entries.filter((e) => categoryOf(e.label, e.meaning) !== "not_evaluable");
  if (rated.length < 2 || rated.some((e) => categoryOf(e.label, e.meaning) !== null)) return null;
  if (!rated.every((e) => /進捗率/.test(norm(e.meaning)))) return null;
  const mins = rated.map((e) => minOf(e.meaning));
  const top = Math.max(...mins.map((m) => m ?? -1));
  if (!(top > 0 && top < 1)) return null;
  if (!texts.some((t) => FINAL_BASIS.test(norm(t)))) return null;
  const best = rated[mins.indexOf(top)]!;
  return { label: best.label.normalize("NFKC"), share: top };
}
