/**
 * Guards of round 37: shapes a reading left wrong with exit 0 on its first reading (numata-dejiden), refused
 * now whatever reader path leaves them so (exit 2, `implausible_reading`, the cell named).
 * - A figure with a scale word before its unit kept as words (「312百万円」): the figure and its unit were
 *   not read — a sum or a rate over it would be wrong.
 * - A legend whose first band is read below the second, the rest best first (◎ 目標値を達成 read as mostly on track above
 *   ○ 順調 on track): a legend prints its bands best first; its top band is the best.
 * - A level's title that begins with the level's kind word and no number (「横断的目標 デジタル実装の…」):
 *   the word is the kind, not the name.
 */
import type { Kpi, Sheet } from "../core/sheet.ts";
import { valuesJa } from "./field.ts";

/** A figure, a scale word, a short unit: 「312百万円」, 「1.5千万人」. */
const SCALED_FIGURE = /^[▲△+\-−]?[\d,，.．]+\s*(百万|千万|十万|百|千|万|億|兆)\s*[^\d\s]{1,4}$/;

const RANK = { on_track: 0, mostly_on_track: 1, delayed: 2 } as const;

/** The level titles that begin with a level's kind word and carry no number. */
const KIND_WORD_TITLE = /^(?:横断的な?|横断)(?:目標|視点|施策|取組)[\s:：]+\S/;

export function round37Refusal(sheet: Sheet, name: (k: Kpi) => string): string | null {
  for (const k of sheet.kpis)
    for (const [label, v] of valuesJa(k)) {
      if (v?.kind === "text" && SCALED_FIGURE.test(v.text.trim()))
        return `${name(k)}の${label}「${v.text}」は数値と単位の形ですが、数値として読めず文字のまま残りました。単位の読み違いのおそれがあります`;
    }
  // The bands as the legend prints them (a band given with the import, not in the printed legend, has no place).
  const source = sheet.scale?.source ?? "";
  const ranks = (sheet.scale?.bands ?? [])
    .flatMap((b) => {
      const at =
        source.indexOf(`${b.label}:`) >= 0 ? source.indexOf(`${b.label}:`) : source.indexOf(`${b.label}：`);
      return b.category === "not_evaluable" || at < 0 ? [] : [{ label: b.label, rank: RANK[b.category], at }];
    })
    .sort((x, y) => x.at - y.at);
  // The top band read below the one printed under it while the rest go down from there, best first (two
  // legends in one, each best first, 「…基準値以下 ◎:目標値以上…」, are no such shape).
  const rest = ranks.slice(1);
  if (
    ranks.length >= 3 &&
    ranks[0]!.rank > ranks[1]!.rank &&
    rest.every((r, i) => i === 0 || r.rank >= rest[i - 1]!.rank) &&
    rest.at(-1)!.rank > rest[0]!.rank
  )
    return `凡例の評価「${ranks[0]!.label}」が次の「${ranks[1]!.label}」より下の区分として読まれ、凡例の並び(良い順)と合いません。評価の区分の読み違いのおそれがあります`;
  for (const k of sheet.kpis)
    for (const level of [k.goal, k.subgoal, k.measure])
      if (level.no === 0 && KIND_WORD_TITLE.test(level.title))
        return `${name(k)}の階層「${level.title.slice(0, 24)}」は階層の種類の語で始まっています。種類の語を名前として読んだおそれがあります`;
  return null;
}
